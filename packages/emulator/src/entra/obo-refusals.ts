// The admin knob `POST /_emulator/entra/obo-refusals`: the next on-behalf-of exchanges for one
// person are refused the way Entra refuses them when Conditional Access wants more (MFA) or
// when the tenant never consented to the gateway's delegated Graph permissions.
import { isJsonObject } from '../json-object.js';

export type OboRefusalKind = 'interaction_required' | 'consent_required';

export const OBO_REFUSAL_KINDS: readonly OboRefusalKind[] = [
  'interaction_required',
  'consent_required',
];

/** A knob refuses at most this many exchanges, so a typo cannot wedge a person for good. */
export const MAX_OBO_REFUSAL_TIMES = 100;

export interface OboRefusalRule {
  userId: string;
  kind: OboRefusalKind;
  times: number;
}

export class InvalidOboRefusalError extends Error {
  override readonly name = 'InvalidOboRefusalError';
}

export function parseOboRefusal(value: unknown): OboRefusalRule {
  if (!isJsonObject(value)) {
    throw new InvalidOboRefusalError('Expected {"userId": "<oid>", "kind": "...", "times": 1}.');
  }
  const { userId, kind, times = 1 } = value;
  if (typeof userId !== 'string' || userId === '') {
    throw new InvalidOboRefusalError("userId must be the person's object id (oid).");
  }
  if (typeof kind !== 'string' || !(OBO_REFUSAL_KINDS as readonly string[]).includes(kind)) {
    throw new InvalidOboRefusalError(`kind must be one of ${OBO_REFUSAL_KINDS.join(', ')}.`);
  }
  if (
    typeof times !== 'number' ||
    !Number.isInteger(times) ||
    times < 1 ||
    times > MAX_OBO_REFUSAL_TIMES
  ) {
    throw new InvalidOboRefusalError(
      `times must be an integer from 1 to ${MAX_OBO_REFUSAL_TIMES}.`,
    );
  }
  return { userId: userId.toLowerCase(), kind: kind as OboRefusalKind, times };
}

/** Pending refusals per person, used up one exchange at a time, oldest rule first. */
export class OboRefusals {
  #rules: OboRefusalRule[] = [];

  add(rule: OboRefusalRule): void {
    this.#rules.push({ ...rule });
  }

  /** The refusal the next exchange for `userId` gets, if any; counts it as used. */
  take(userId: string): OboRefusalKind | undefined {
    const rule = this.#rules.find((candidate) => candidate.userId === userId.toLowerCase());
    if (rule === undefined) return undefined;
    rule.times -= 1;
    if (rule.times === 0) this.#rules = this.#rules.filter((candidate) => candidate !== rule);
    return rule.kind;
  }

  clear(): void {
    this.#rules = [];
  }
}
