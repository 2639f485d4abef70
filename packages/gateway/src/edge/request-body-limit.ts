/**
 * The request body limit (MAX_REQUEST_BODY_BYTES), in place of yoga's `maxRequestBodySize`,
 * which pipes every body through a counting TransformStream: a stream pipeline, an
 * AbortController and a DOMException per request, about 4% of the gateway's CPU on the release
 * path. A body that arrives over HTTP with a valid `Content-Length` cannot outgrow it (Node's
 * parser frames the body by it), so checking the header is enough; only a body without one
 * (chunked) is counted as it streams. The refusals are yoga's own: 413 `REQUEST_ENTITY_TOO_LARGE`,
 * and 400 `BAD_REQUEST` for a `Content-Length` that is not one non-negative integer.
 */
import { createGraphQLError, type Plugin } from 'graphql-yoga';

const CONTENT_LENGTH = /^\d+$/;

const tooLarge = () =>
  createGraphQLError('Request body too large', {
    extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' },
  });

/** Must come after every plugin that registers a request parser: it wraps the chosen one. */
export function useRequestBodyLimit(limitBytes: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const contentLength = request.headers.get('content-length');
      if (contentLength !== null) {
        if (!CONTENT_LENGTH.test(contentLength)) {
          throw createGraphQLError('Content-Length header is invalid.', {
            extensions: { http: { status: 400 }, code: 'BAD_REQUEST' },
          });
        }
        if (Number(contentLength) > limitBytes) throw tooLarge();
        return;
      }
      if (!requestParser || !request.body) return;
      const parse = requestParser;
      setRequestParser((unframed) => parse(countingBody(unframed, limitBytes, fetchAPI)));
    },
  };
}

/** The same request, its body failing once more than `limitBytes` have streamed in. */
function countingBody(
  request: Request,
  limitBytes: number,
  fetchAPI: { Request: typeof Request; TransformStream: typeof TransformStream },
): Request {
  let received = 0;
  // A native stream pipes only into a native TransformStream (graphql-yoga#4583).
  const Transform =
    request.body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  const counted = (request.body as ReadableStream<Uint8Array>).pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > limitBytes) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body: counted,
    // @ts-expect-error `duplex` is required by fetch for a streamed body, missing from the types
    duplex: 'half',
  });
}
