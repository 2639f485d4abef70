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
 */
import type { WriteContext } from '../access/writes.js';
import { CallBudgetExceededError, ForbiddenError, InvalidInputError } from '../errors.js';
import { IDEMPOTENCY_ERRORS } from '../idempotency/errors.js';
import { GRAPH_WRITE_ERRORS } from './errors/error-types.js';

/** An error class of the field's item union; the errors plugin matches by `instanceof`. */
type ItemErrorClass = abstract new (...args: never[]) => Error;

/**
 * Each item's value, or its error as a value when it is one of `itemErrors`. Any other failure
 * is a gateway bug or fault; it fails the field as a whole, once every item has settled.
 */
export async function settleItems<T>(
  items: readonly Promise<T>[],
  itemErrors: readonly ItemErrorClass[],
): Promise<T[]> {
  const outcomes = await Promise.allSettled(items);
  const settled = outcomes.map((outcome): T | Error => {
    if (outcome.status === 'fulfilled') return outcome.value;
    const reason: unknown = outcome.reason;
    if (itemErrors.some((type) => reason instanceof type)) return reason as Error;
    throw reason;
  });
  // The plugin wraps an `Error` item that matches `itemErrors` as that item's union member
  // (`wrapErrorIfMatches` in @pothos/plugin-errors' utils.js), but a resolver's declared type
  // admits only the success shape.
  return settled as T[];
}

/**
 * A bulk write's items, each with its own result: the Graph calls of the whole list (ownership
 * reads included) are reserved first, so a list the request's budget cannot cover is refused
 * whole (CallBudgetExceededError) rather than half sent; then every item starts in this tick, so
 * their calls share `$batch` envelopes, and all are settled before the field resolves.
 */
export function writeEach<Input, T>(
  context: WriteContext,
  inputs: readonly Input[],
  callsFor: (input: Input) => number,
  writeOne: (prepaid: WriteContext, input: Input) => Promise<T>,
): Promise<T[]> {
  const calls = inputs.reduce((sum, input) => sum + callsFor(input), 0);
  const prepaid = { ...context, graph: context.graph.reserve(calls) };
  return settleItems(
    inputs.map((input) => writeOne(prepaid, input)),
    GRAPH_WRITE_ERRORS,
  );
}

/** What refuses a bulk write's list as a whole, before any item is sent. */
export const BULK_LIST_ERRORS = [
  InvalidInputError,
  CallBudgetExceededError,
  ForbiddenError,
  ...IDEMPOTENCY_ERRORS,
] as const;
