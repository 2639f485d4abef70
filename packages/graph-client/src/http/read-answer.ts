/**
 * An answer from Graph read in full by the pooled HTTP link (packages/graph-client/src/http/pooled-http-link.ts),
 * bounded like packages/graph-client/src/http/bounded-body.ts bounds a fetch `Response`: a broken or hostile
 * upstream that streams 200 MB costs the gateway a failed call, not its memory.
 *
 * It travels back through the Graph SDK in place of a `Response`. The gateway asks for `RAW`
 * answers, which the SDK hands over untouched; a client built by createGraphClient() and used
 * the SDK's usual way has the SDK parse them, so the answer also offers what the SDK reads of a
 * `Response`: `ok`, `status`, `headers.get`, `text()`, `json()`, `arrayBuffer()`, `blob()` and
 * `body`.
 */
import type { Dispatcher } from 'undici';
import { brokeOff, declaresMoreThan, tooLarge } from './bounded-body.js';

export class ReadAnswer {
  readonly headers: { get(name: string): string | null };

  constructor(
    readonly status: number,
    /** Lower-case names, as undici gives them. */
    readonly headerRecord: Readonly<Record<string, string>>,
    /** The whole answer, decoded as UTF-8. */
    readonly bodyText: string,
  ) {
    this.headers = { get: (name) => headerRecord[name.toLowerCase()] ?? null };
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  /** A `Response` over the same bytes, made only when the SDK's own parsing asks for one. */
  private asResponse(): Response {
    const empty = this.status === 204 || this.status === 304;
    return new Response(empty ? null : this.bodyText, {
      status: this.status,
      headers: this.headerRecord,
    });
  }

  get body(): ReadableStream<Uint8Array> | null {
    return this.asResponse().body;
  }

  text(): Promise<string> {
    return Promise.resolve(this.bodyText);
  }

  json(): Promise<unknown> {
    return this.asResponse().json();
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return this.asResponse().arrayBuffer();
  }

  blob(): Promise<Blob> {
    return this.asResponse().blob();
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
  if (declaresMoreThan(headers['content-length'], maxBytes)) {
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
    // The attempt's timer keeps running while the body streams in.
    body.on('error', () => reject(brokeOff(timedOut())));
  });
}
