// Every request the emulator makes to a client's endpoint: a bounded POST that never follows
// redirects and never outlives the emulator.

export interface OutboundAnswer {
  status: number;
  contentType: string | undefined;
  text: string;
}

export class OutboundTimeoutError extends Error {
  override readonly name = 'OutboundTimeoutError';
}

export interface OutboundPost {
  url: URL;
  /** JSON text, or undefined for the validation handshake's empty body. */
  body: string | undefined;
  contentType: string;
  timeoutMs: number;
  /** Aborted when the emulator closes or resets. */
  signal: AbortSignal;
}

/**
 * POSTs and reads the whole answer within `timeoutMs`. A redirect is returned as it is (3xx, a
 * failure for every caller), as Graph does not follow them either. Throws OutboundTimeoutError on
 * timeout and the network error otherwise.
 */
export async function postOutbound(post: OutboundPost): Promise<OutboundAnswer> {
  const timeout = AbortSignal.timeout(post.timeoutMs);
  const signal = AbortSignal.any([timeout, post.signal]);
  try {
    const response = await fetch(post.url, {
      method: 'POST',
      headers: { 'Content-Type': post.contentType },
      ...(post.body === undefined ? {} : { body: post.body }),
      redirect: 'manual',
      signal,
    });
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? undefined,
      text,
    };
  } catch (error) {
    if (timeout.aborted && !post.signal.aborted) {
      throw new OutboundTimeoutError(
        `No answer from ${post.url.origin} within ${post.timeoutMs} ms.`,
      );
    }
    throw error;
  }
}
