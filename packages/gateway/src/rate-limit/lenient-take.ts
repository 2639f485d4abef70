/**
 * A take from a bucket store that may fail (a shared one whose connection dropped mid-command):
 * the failure is logged for operators and the caller is let through, because printing must not
 * stop when the limiter cannot answer. docs/operations.md#per-caller-limits.
 */
import type { Logger } from 'pino';
import type { BucketLimit, TakeResult, TokenBucketStore } from './bucket-store.js';

export async function takeOrLetThrough(
  store: TokenBucketStore,
  key: string,
  cost: number,
  limit: BucketLimit,
  logger: Logger,
  /** What went unlimited, for the log line: 'the request', 'the Graph calls'. */
  what: string,
): Promise<TakeResult> {
  try {
    return await store.take(key, cost, limit);
  } catch (error) {
    logger.warn(
      {
        code: 'RATE_LIMIT_STORE_FAILED',
        error: error instanceof Error ? error.message : String(error),
      },
      `Rate-limit store failed; ${what} was not limited`,
    );
    return { allowed: true, remaining: 0 };
  }
}
