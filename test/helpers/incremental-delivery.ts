/**
 * A client of GraphQL incremental delivery (`@defer`, `@stream`) as browsers' GraphQL clients
 * read it: fetch with `Accept: multipart/mixed` (or `text/event-stream`), each part parsed as it
 * arrives and noted in order, then the payloads merged into one result the way a client's cache
 * would see it. Written for the tests (parts per the incremental-delivery-over-HTTP RFC:
 * `--boundary`, headers, a blank line, a JSON body; `--boundary--` ends the answer).
 */

export interface IncrementalPart {
  data?: Record<string, unknown> | null;
  items?: unknown[];
  path: (string | number)[];
  label?: string;
  errors?: GraphQLErrorJson[];
}

export interface GraphQLErrorJson {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

/** One payload: the first carries `data`, the later ones `incremental`. */
export interface Payload {
  data?: Record<string, unknown> | null;
  errors?: GraphQLErrorJson[];
  incremental?: IncrementalPart[];
  hasNext?: boolean;
}

/** The same document as if nothing were deferred: every `@defer` and `@stream` taken out. */
export const withoutIncrementalDirectives = (query: string): string =>
  query.replaceAll(/@(defer|stream)(\([^)]*\))?/g, '');

/** Reads a `multipart/mixed` body part by part; `onPayload` sees each as it arrives. */
export async function readMultipartMixed(
  response: Response,
  onPayload: (payload: Payload) => void | Promise<void> = () => {},
): Promise<Payload[]> {
  const contentType = response.headers.get('content-type') ?? '';
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (!contentType.startsWith('multipart/mixed') || !boundary || !response.body) {
    throw new Error(`not a multipart/mixed answer: ${contentType} ${await response.text()}`);
  }
  const delimiter = `\r\n--${boundary}`;
  const payloads: Payload[] = [];
  // A leading CRLF lets the first delimiter match like every other one.
  let buffer = '\r\n';
  let ended = false;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  while (!ended) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += value;
    for (let end = buffer.indexOf(delimiter, 1); end !== -1; end = buffer.indexOf(delimiter, 1)) {
      const part = buffer.slice(0, end);
      buffer = buffer.slice(end);
      const body = part.slice(part.indexOf('\r\n\r\n') + 4).trim();
      if (part.startsWith(delimiter) && body !== '') {
        const payload = JSON.parse(body) as Payload;
        payloads.push(payload);
        await onPayload(payload);
      }
    }
    ended = buffer.startsWith(`${delimiter}--`);
  }
  if (!ended) throw new Error('the multipart answer ended without its closing delimiter');
  return payloads;
}

/** Reads a `text/event-stream` body: the `next` events' payloads, until `complete`. */
export async function readEventStream(response: Response): Promise<Payload[]> {
  if (!response.body) throw new Error('no body');
  const payloads: Payload[] = [];
  let buffer = '';
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) throw new Error('the event stream ended without a complete event');
    buffer += value;
    for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: ?(.*)$/m.exec(block)?.[1];
      if (event === 'complete') return payloads;
      const data = /^data: ?(.*)$/m.exec(block)?.[1];
      if (event === 'next' && data) payloads.push(JSON.parse(data) as Payload);
    }
  }
}

/** Where `path` points in `data`, created as objects on the way. */
function at(data: Record<string, unknown>, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], data);
}

/**
 * The payloads merged into one result, as a client shows it: each deferred fragment's data into
 * the object at its path, each streamed item appended to the list at its path, errors together.
 */
export function mergePayloads(payloads: readonly Payload[]): {
  data: Record<string, unknown> | null | undefined;
  errors: GraphQLErrorJson[];
} {
  const [first, ...rest] = payloads;
  const data = structuredClone(first?.data);
  const errors = [...(first?.errors ?? [])];
  for (const part of rest.flatMap((payload) => payload.incremental ?? [])) {
    errors.push(...(part.errors ?? []));
    if (!data) continue;
    if (part.items) (at(data, part.path.slice(0, -1)) as unknown[]).push(...part.items);
    else if (part.data) Object.assign(at(data, part.path) as object, part.data);
  }
  return { data, errors };
}
