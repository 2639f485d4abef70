export interface TokenBucketStore {
  take(
    key: string,
    cost: number,
    limit: { ratePerSecond: number; burst: number },
  ): Promise<{ allowed: true; remaining: number } | { allowed: false; retryAfterMs: number }>;
}
