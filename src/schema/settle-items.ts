/**
 * Settles the items of a bulk field before the field resolves.
 *
 * Handing the errors plugin a list of promises is not enough: its `itemErrors` wrapper iterates
 * (and so awaits) them only when the client selects the list. With `{ __typename }` alone the
 * writes would run after the response was sent, and a failing one would reject unhandled and end
 * the process. Settled here, every item is done before the answer, whatever the selection.
 */

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
