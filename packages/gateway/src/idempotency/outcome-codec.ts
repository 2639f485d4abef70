/**
 * The text an idempotency key's outcome is kept as. A single write's outcome is plain data; a bulk
 * write's holds one result per item, and an item that failed is an error object that the errors
 * plugin must recognise again on replay (it matches by `instanceof`). Such errors are written
 * with their class's name and own fields, and read back as instances of that class.
 */
import {
  CallBudgetExceededError,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitedError,
  ThrottledError,
  UpstreamUnavailableError,
} from '../errors.js';

/**
 * The errors an item of a bulk write can end in (the schema's GRAPH_WRITE_ERRORS; a test holds
 * the two lists together), by the `name` each sets on its instances (a literal, unlike a
 * class's own name, which a bundler may change). One missing would leave the key of a list
 * with such an item unstored, and the list sent again once its claim lapsed.
 */
const REPLAYABLE_ERRORS = {
  InvalidInputError,
  NotFoundError,
  PermissionDeniedError,
  ThrottledError,
  UpstreamUnavailableError,
  CallBudgetExceededError,
  RateLimitedError,
  ForbiddenError,
  ConflictError,
} as const satisfies Record<string, abstract new (...args: never[]) => Error>;

type ReplayableName = keyof typeof REPLAYABLE_ERRORS;

/** Marks an encoded error; no Graph resource or gateway result has a field of this name. */
const ERROR_TAG = '$gatewayError';

function isReplayable(error: Error): error is Error & { name: ReplayableName } {
  const type = Object.hasOwn(REPLAYABLE_ERRORS, error.name)
    ? REPLAYABLE_ERRORS[error.name as ReplayableName]
    : undefined;
  return type !== undefined && error instanceof type;
}

export function encodeOutcome(outcome: unknown): string {
  return JSON.stringify(outcome, (_key, value: unknown) => {
    if (!(value instanceof Error)) return value;
    // Anything else failed the whole write, which is then not remembered (guard.ts).
    if (!isReplayable(value)) throw new TypeError(`${value.name} cannot be replayed`);
    // The stack stays out: it is not own-enumerable, and would say nothing of the replay.
    return { [ERROR_TAG]: value.name, ...value, message: value.message };
  });
}

export function decodeOutcome(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, ERROR_TAG)) {
      return value;
    }
    const {
      [ERROR_TAG]: name,
      __proto__: _prototype,
      ...fields
    } = value as Record<string, unknown>;
    const type = Object.hasOwn(REPLAYABLE_ERRORS, name as string)
      ? REPLAYABLE_ERRORS[name as ReplayableName]
      : undefined;
    // Written by another release of the gateway that knew an error this one does not.
    if (type === undefined) throw new TypeError(`Unknown replayed error ${String(name)}`);
    // Its constructor is not run: the fields are the ones the first answer had, message included.
    // (`__proto__` is left out above: assigned, it would replace the prototype.)
    return Object.assign(Object.create(type.prototype) as Error, fields);
  });
}
