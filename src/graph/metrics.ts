/**
 * Counters of upstream traffic, process-wide. Tests and the benchmark read `snapshot()`; the
 * gateway serves them at /metrics in Prometheus' text format.
 */
export interface UpstreamCounts {
  /** HTTP requests sent to Graph: direct calls plus `$batch` envelopes. */
  httpRequests: number;
  directCalls: number;
  envelopes: number;
  /** Requests carried inside envelopes. */
  batchItems: number;
  /** Calls sent again after a retryable answer (each resend counts once). */
  retries: number;
  /** Times a call waited for a throttle window to close. */
  throttleWaits: number;
  throttleWaitMs: number;
  /** Envelopes by number of items, index = size (0 unused). */
  envelopeSizes: number[];
}

export class UpstreamMetrics {
  private counts: UpstreamCounts = UpstreamMetrics.zero();

  private static zero(): UpstreamCounts {
    return {
      httpRequests: 0,
      directCalls: 0,
      envelopes: 0,
      batchItems: 0,
      retries: 0,
      throttleWaits: 0,
      throttleWaitMs: 0,
      envelopeSizes: Array.from({ length: 21 }, () => 0),
    };
  }

  direct(): void {
    this.counts.httpRequests += 1;
    this.counts.directCalls += 1;
  }

  envelope(size: number): void {
    this.counts.httpRequests += 1;
    this.counts.envelopes += 1;
    this.counts.batchItems += size;
    this.counts.envelopeSizes[size] = (this.counts.envelopeSizes[size] ?? 0) + 1;
  }

  retried(calls: number): void {
    this.counts.retries += calls;
  }

  waitedForThrottle(ms: number): void {
    this.counts.throttleWaits += 1;
    this.counts.throttleWaitMs += ms;
  }

  snapshot(): UpstreamCounts {
    return { ...this.counts, envelopeSizes: [...this.counts.envelopeSizes] };
  }

  reset(): void {
    this.counts = UpstreamMetrics.zero();
  }
}
