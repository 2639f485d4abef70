/**
 * An operation that would be answered in parts (`@defer`, `@stream`) runs only where its parts
 * can be delivered: alone in its request, to a client that accepts `multipart/mixed` or
 * `text/event-stream`. Otherwise yoga ran it anyway and then dropped the stream: a batched item
 * was answered `{}`, a JSON-only client 406, and in both the deferred reads still went to Graph
 * afterwards. Here either is refused before anything runs, with its own code.
 * `@defer(if: false)` / `@stream(if: false)` is answered whole, so it is not refused.
 */
import { type DocumentNode, GraphQLBoolean, GraphQLError, valueFromAST, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { batchedRequests } from './batched-requests.js';

export const INCREMENTAL_DELIVERY_CODES = {
  inBatch: 'INCREMENTAL_DELIVERY_IN_BATCH',
  notAccepted: 'INCREMENTAL_DELIVERY_NOT_ACCEPTED',
} as const;

/** The media types yoga answers a stream with. */
const STREAMED_TYPES = ['multipart/mixed', 'text/event-stream'];

/** Whether the operation asks for a part to come later: a `@defer` or `@stream` not `if: false`. */
export function asksForParts(
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
): boolean {
  let parts = false;
  visit(document, {
    Directive(node) {
      if (parts || (node.name.value !== 'defer' && node.name.value !== 'stream')) return;
      const condition = node.arguments?.find((arg) => arg.name.value === 'if');
      parts =
        !condition ||
        valueFromAST(condition.value, GraphQLBoolean, variables ?? undefined) !== false;
    },
  });
  return parts;
}

/** Whether `accept` (absent: anything) admits a stream, as yoga matches it. */
export function acceptsStream(accept: string | null): boolean {
  if (accept === null) return true;
  return accept
    .toLowerCase()
    .split(',')
    .map((entry) => (entry.split(';')[0] ?? '').trim().split('/'))
    .some(([type, subtype]) =>
      STREAMED_TYPES.some((streamed) => {
        const [streamedType, streamedSubtype] = streamed.split('/');
        return (
          (type === '*' || type === streamedType) &&
          (subtype === '*' || subtype === streamedSubtype)
        );
      }),
    );
}

const refusal = (code: string, message: string, status?: number) =>
  new GraphQLError(message, {
    extensions: { code, ...(status ? { http: { status, spec: false } } : {}) },
  });

export function useIncrementalDeliveryOnlyWhereAccepted(): Plugin<{ request?: Request }> {
  const batched = batchedRequests();
  return {
    onRequestParse: batched.onRequestParse,
    onExecute({ args, setResultAndStopExecution }) {
      const request = args.contextValue.request;
      if (!request || !asksForParts(args.document, args.variableValues)) return;
      if (batched.has(request)) {
        // That item's answer only: the batch's other operations run.
        setResultAndStopExecution({
          errors: [
            refusal(
              INCREMENTAL_DELIVERY_CODES.inBatch,
              '@defer and @stream cannot be answered inside a batched request: send the ' +
                'operation alone, with "Accept: multipart/mixed" or "text/event-stream"',
            ),
          ],
        });
      } else if (!acceptsStream(request.headers.get('accept'))) {
        setResultAndStopExecution({
          errors: [
            refusal(
              INCREMENTAL_DELIVERY_CODES.notAccepted,
              '@defer and @stream are answered in parts: accept "multipart/mixed" or ' +
                '"text/event-stream", or leave the directives out',
              406,
            ),
          ],
        });
      }
    },
  };
}
