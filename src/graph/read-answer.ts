/**
 * An answer from Graph read in full by the pooled HTTP link (src/graph/pooled-http-link.ts),
 * bounded like src/graph/bounded-body.ts bounds a fetch `Response`: a broken or hostile
 * upstream that streams 200 MB costs the gateway a failed call, not its memory.
 *
 * It travels back through the Graph SDK in place of a `Response` (the SDK hands `RAW` answers
 * over untouched), so it offers what the links after the HTTP one read: `status` and
 * `headers.get`.
 */
import type { Dispatcher } from 'undici';
import { tooLarge } from './bounded-body.js';
import { GraphTransportError } from './call.js';

export class ReadAnswer {
  readonly headers: { get(name: string): string | null };

  constructor(
    readonly status: number,
    /** Lower-case names, as undici gives them. */
    readonly headerRecord: Readonly<Record<string, string>>,
    readonly text: string,
  ) {
    this.headers = { get: (name) => headerRecord[name.toLowerCase()] ?? null };
  }
}

export function readAnswer(
  response: Dispatcher.ResponseData,
  maxBytes: number,
  timedOut: () => boolean,
): Promise<ReadAnswer> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const { body } = response;
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    // Destroying frees the socket; the body is never buffered.
    body.destroy();
    return Promise.reject(tooLarge(maxBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    body.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) {
        body.destroy();
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    body.on('end', () =>
      resolve(
        new ReadAnswer(
          response.statusCode,
          headers,
          Buffer.concat(chunks, received).toString('utf8'),
        ),
      ),
    );
    body.on('error', () =>
      // The attempt's timer keeps running while the body streams in.
      reject(
        new GraphTransportError(
          timedOut() ? 'timeout' : 'network',
          'The answer from Microsoft Graph broke off before it was complete',
        ),
      ),
    );
  });
}
