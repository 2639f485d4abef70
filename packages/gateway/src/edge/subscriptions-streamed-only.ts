/**
 * A subscription holds a subscriber slot (src/live-events/subscriber-limits.ts) until its
 * stream ends, and only a stream that is answered and read ever ended it. Three answers never
 * were, and each leaked a slot for good (five lock a caller out of live events until a restart;
 * every anonymous client shares one caller):
 *
 * - An item of a batched request: yoga answers it `{}` and drops the stream. Refused here,
 *   before it subscribes: that item's answer is an error with code `SUBSCRIPTION_IN_BATCH`,
 *   and no slot is taken.
 * - A client that goes before its answer was sent: the server drops the answer unread. The
 *   stream is ended when the request is aborted (the connection closed), whenever that is.
 * - A request that accepts no stream (`Accept: application/json` only): yoga answers 406 after
 *   the subscription started. The stream is ended here, so its slot comes back.
 */
import { GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { batchedRequests } from './batched-requests.js';

export const SUBSCRIPTION_IN_BATCH = 'SUBSCRIPTION_IN_BATCH';

function inBatchError(): GraphQLError {
  return new GraphQLError(
    'A subscription cannot be sent in a batched request: send it alone, with ' +
      '"Accept: text/event-stream"',
    { extensions: { code: SUBSCRIPTION_IN_BATCH } },
  );
}

/** Ends `stream` when `signal` aborts (now, if it already has): its slot comes back. */
function endOnAbort(stream: AsyncIterator<unknown>, signal: AbortSignal): void {
  const end = () => void stream.return?.();
  if (signal.aborted) end();
  else signal.addEventListener('abort', end, { once: true });
}

export function useSubscriptionsStreamedOnly(): Plugin<{ request?: Request }> {
  const batched = batchedRequests();
  return {
    onRequestParse: batched.onRequestParse,
    onSubscribe({ args, setResultAndStopExecution }) {
      const request = args.contextValue.request;
      if (!request) return;
      if (batched.has(request)) {
        setResultAndStopExecution({ errors: [inBatchError()] });
        return;
      }
      return {
        onSubscribeResult({ result }) {
          if (isAsyncIterable(result)) endOnAbort(result, request.signal);
        },
      };
    },
    onResultProcess({ result, resultProcessor }) {
      // Runs after yoga's own choice of processor: none means nobody will read this stream.
      if (isAsyncIterable(result) && !resultProcessor) {
        void result[Symbol.asyncIterator]().return?.();
      }
    },
  };
}
