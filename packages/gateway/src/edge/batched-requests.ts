/**
 * Which requests arrived as a batch (a JSON array of operations), as yoga parsed them: an
 * operation that must be answered as a stream cannot be, inside one.
 */
import type { Plugin } from 'graphql-yoga';

export interface BatchedRequests {
  /** The hook that notes them: a plugin's `onRequestParse`. */
  readonly onRequestParse: NonNullable<Plugin['onRequestParse']>;
  has(request: Request): boolean;
}

export function batchedRequests(): BatchedRequests {
  const batched = new WeakSet<Request>();
  return {
    onRequestParse: ({ request }) => ({
      onRequestParseDone({ requestParserResult }) {
        if (Array.isArray(requestParserResult)) batched.add(request);
      },
    }),
    has: (request) => batched.has(request),
  };
}
