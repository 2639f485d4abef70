/**
 * Reads an answer from Graph as text, but never more than a fixed number of bytes: a broken or
 * hostile upstream that streams 200 MB must cost the gateway a failed call, not its memory.
 */
import { GraphTransportError } from '../call.js';

/** What the gateway reads of one answer (one direct call or one whole `$batch` envelope). */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

export async function readBoundedText(response: Response, maxBytes: number): Promise<string> {
  if (declaresMoreThan(response.headers.get('content-length'), maxBytes)) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge(maxBytes);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) {
        // Cancelling frees the socket; the rest of the body is never buffered.
        await reader.cancel().catch(() => {});
        throw tooLarge(maxBytes);
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    if (error instanceof GraphTransportError) throw error;
    // The per-attempt timeout keeps running while the body streams in.
    throw brokeOff(error instanceof Error && error.name === 'TimeoutError');
  }
  return text + decoder.decode();
}

/** Whether a `Content-Length` already says the answer is larger than the gateway reads. */
export function declaresMoreThan(contentLength: string | null | undefined, maxBytes: number) {
  const declared = Number(contentLength);
  return Number.isFinite(declared) && declared > maxBytes;
}

/** The answer stopped coming before its end; `timedOut` when the attempt's time ran out. */
export function brokeOff(timedOut: boolean): GraphTransportError {
  return new GraphTransportError(
    timedOut ? 'timeout' : 'network',
    'The answer from Microsoft Graph broke off before it was complete',
  );
}

export function tooLarge(maxBytes: number): GraphTransportError {
  return new GraphTransportError(
    'oversized',
    `Microsoft Graph sent an answer larger than the gateway reads (${maxBytes} bytes)`,
  );
}
