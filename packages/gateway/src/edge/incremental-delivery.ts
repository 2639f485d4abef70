/**
 * `@defer` and `@stream` (GraphQL incremental delivery, yoga's plugin): a release screen gets
 * its jobs first and each job's printer, document or tasks as they arrive, over
 * `multipart/mixed` or, when the client asks for `text/event-stream`, SSE.
 *
 * Nothing else changes for a deferred document: it is parsed, limited (depth, aliases, cost,
 * directives: each `@defer` and `@stream` is one) and authorized like any other, and its
 * deferred parts run in the same request, on the same Graph session, so the request's
 * deadline and budget of Graph calls span every payload (context.ts). Three things the plugin
 * leaves undone are done here:
 *
 * - Errors inside an incremental payload (`incremental[].errors`) are masked as a plain
 *   result's are: yoga's masking reads only a payload's top-level `errors`, so a typed error in
 *   a deferred fragment lost its `code` and an unexpected one kept its raw message.
 * - `@stream(initialCount:)` is bounded (stream-initial-count.ts).
 * - An operation whose parts could not be delivered (batched, or to a JSON-only client) is
 *   refused before it runs (incremental-delivery-accepted.ts).
 *
 * The directives are added to the executable schema only: the committed SDL and
 * `_service { sdl }` leave them out, since a router plans `@defer` itself (docs/federation.md).
 */
import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';
import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';
import { useIncrementalDeliveryOnlyWhereAccepted } from './incremental-delivery-accepted.js';
import { mapIncrementalErrors } from './incremental-errors.js';
import { useStreamInitialCountLimit } from './stream-initial-count.js';

/** What the app masks every error with (src/mask-error.ts). */
export type MaskError = (error: unknown, message: string) => Error;

/** Yoga's message for a masked error, kept so that every masked error reads the same. */
const MASKED_MESSAGE = 'Unexpected error.';

function useIncrementalErrorMasking(maskError: MaskError): Plugin {
  return {
    onExecute: () => ({
      onExecuteDone: (payload) =>
        handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) => {
          const masked = mapIncrementalErrors(result, (error) => maskError(error, MASKED_MESSAGE));
          if (masked !== result) setResult(masked);
        }),
    }),
  };
}

export function useIncrementalDelivery({ maskError }: { maskError: MaskError }): Plugin[] {
  return [
    useDeferStream(),
    useStreamInitialCountLimit(),
    useIncrementalDeliveryOnlyWhereAccepted(),
    useIncrementalErrorMasking(maskError),
  ];
}
