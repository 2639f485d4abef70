/**
 * What the bulk writes (`abortPrintJobs`, `updatePrintTasks`, `releasePrintJobs`) share: the
 * errors that refuse a list whole, the budget reserved for the whole list, and items settled
 * before the field resolves.
 *
 * Settling matters: handing the errors plugin a list of promises is not enough, as its
 * `itemErrors` wrapper iterates (and so awaits) them only when the client selects the list. With
 * `{ __typename }` alone the writes would run after the response was sent, and a failing one
 * would reject unhandled and end the process. Settled here, every item is done before the
 * answer, whatever the selection.
 *
 * No item fails the field: once one item may have been written, its answer must reach the caller
 * (and the idempotency store), whatever happened to the others.
 */

import type { Logger } from 'pino';
import type { GatewayContext } from '../context.js';
import { refusedBeforeWriting } from '../domain/refused-before-writing.js';
import type { WriteContext } from '../domain/writes.js';
import {
  CallBudgetExceededError,
  ForbiddenError,
  GatewayFault,
  InvalidInputError,
  UpstreamUnavailableError,
} from '../errors.js';
import { IDEMPOTENCY_ERRORS } from '../idempotency/errors.js';
import { logFault } from '../mask-error.js';
import { GRAPH_WRITE_ERRORS } from './errors/error-types.js';

/** An error class of the field's item union; the errors plugin matches by `instanceof`. */
type ItemErrorClass = abstract new (...args: never[]) => Error;

/**
 * What a bulk item that failed with a fault (a `GatewayFault` or a gateway bug) answers. Not a
 * failure of the whole field: its other items may have been written, and their answers must reach
 * the caller. Graph refusing the gateway's own credentials (401) applied nothing; of any other
 * fault the gateway cannot tell, so it says so.
 */
function faultedItem(fault: unknown): UpstreamUnavailableError {
  const refusedCredentials = fault instanceof GatewayFault && fault.code === 'UPSTREAM_AUTH_FAILED';
  return new UpstreamUnavailableError(
    refusedCredentials
      ? "Microsoft Graph rejected the gateway's own credentials; nothing was applied"
      : 'The gateway failed on this item and cannot tell whether Microsoft Graph applied it; ' +
          're-read it before trying again',
    null,
    'UPSTREAM_UNAVAILABLE',
    !refusedCredentials,
  );
}

/**
 * Each item's value, or its error as a value: one of `itemErrors` as it is, any other failure
 * (a fault) handed to `onFault` with the item's index and answered as `faultedItem`.
 */
export async function settleItems<T>(
  items: readonly Promise<T>[],
  itemErrors: readonly ItemErrorClass[],
  onFault: (fault: unknown, index: number) => void,
): Promise<T[]> {
  const outcomes = await Promise.allSettled(items);
  const settled = outcomes.map((outcome, index): T | Error => {
    if (outcome.status === 'fulfilled') return outcome.value;
    const reason: unknown = outcome.reason;
    if (itemErrors.some((type) => reason instanceof type)) return reason as Error;
    onFault(reason, index);
    return faultedItem(reason);
  });
  // The plugin wraps an `Error` item that matches `itemErrors` as that item's union member
  // (`wrapErrorIfMatches` in @pothos/plugin-errors' utils.js), but a resolver's declared type
  // admits only the success shape.
  return settled as T[];
}

/** A write's context, and the logger a bulk write reports its items' faults to. */
export type BulkWriteContext = WriteContext & { readonly logger: Logger };

/**
 * A bulk write's items, each with its own result: the Graph calls of the whole list (ownership
 * reads included) are reserved first, so a list the request's budget cannot cover is refused
 * whole (CallBudgetExceededError) rather than half sent; then every item starts in this tick, so
 * their calls share `$batch` envelopes, and all are settled before the field resolves. A fault
 * is logged and answered in its item (`faultedItem`).
 */
export function writeEach<Input, T>(
  context: BulkWriteContext,
  inputs: readonly Input[],
  callsFor: (input: Input) => number,
  writeOne: (prepaid: WriteContext, input: Input) => Promise<T>,
): Promise<T[]> {
  const calls = inputs.reduce((sum, input) => sum + callsFor(input), 0);
  const prepaid = { ...context, graph: context.graph.reserve(calls) };
  return settleItems(
    inputs.map((input) => writeOne(prepaid, input)),
    GRAPH_WRITE_ERRORS,
    (fault, index) => logFault(context.logger, fault, { bulkItem: index }),
  );
}

/**
 * Runs a bulk write under its idempotency key (src/idempotency/guard.ts). An answer none of
 * whose items was sent to Graph, each refused by the gateway's own checks (or an empty list), is
 * not kept: a retry is refused again the same way, and refusals take no room in the store. Items
 * are the answers themselves, or what `itemOutcome` picks out of each.
 */
export function keyedBulkWrite<Item>(
  context: Pick<GatewayContext, 'caller' | 'idempotency'>,
  operation: string,
  idempotencyKey: string | null | undefined,
  input: unknown,
  write: () => Promise<Item[]>,
  itemOutcome: (item: Item) => unknown = (item) => item,
): Promise<Item[]> {
  return context.idempotency.run(context.caller, operation, idempotencyKey, input, write, {
    sentNothing: (items) => items.every((item) => refusedBeforeWriting(itemOutcome(item))),
  });
}

/** What refuses a bulk write's list as a whole, before any item is sent. */
export const BULK_LIST_ERRORS = [
  InvalidInputError,
  CallBudgetExceededError,
  ForbiddenError,
  ...IDEMPOTENCY_ERRORS,
] as const;
