import { setTimeout as delay } from 'node:timers/promises';
import { defaultCodeFor, GraphFailure } from './graph-errors.js';
import type { RequestVia } from './request-log.js';

/** 'any' covers direct requests and batch items, never the $batch envelope itself. */
export type FaultScope = RequestVia | 'any';

export interface FaultRule {
  /** Case-insensitive; any method when absent. */
  method?: string;
  /** RegExp source tested against the path after /v1.0, without the query string. */
  path: string;
  /** Answer this status (400-599) with a Graph-shaped error instead of the real answer. */
  status?: number;
  /** The error code; defaults to Graph's usual code for the status. */
  code?: string;
  /** Sent as `Retry-After` on 429 and 503. */
  retryAfterSeconds?: number;
  /** Delay before answering (in a batch, delays the whole envelope). */
  latencyMs?: number;
  /** Never answer, until the emulator closes. */
  hang?: boolean;
  /** Apply this many times, then expire. Unlimited when absent. */
  times?: number;
  /** @default 'any' */
  scope?: FaultScope;
  /**
   * Apply to this share (0–1] of the requests that match, evenly and deterministically: 0.3
   * hits the 4th, 7th, 10th… match (3 in every 10). A match it skips falls through to the
   * rules after it. @default 1
   */
  share?: number;
}

export class InvalidFaultRuleError extends Error {
  override readonly name = 'InvalidFaultRuleError';
}

const SCOPES: readonly FaultScope[] = ['direct', 'batch-item', 'batch-envelope', 'any'];

function fail(message: string): never {
  throw new InvalidFaultRuleError(message);
}

function optionalNumber(
  input: Record<string, unknown>,
  key: string,
  valid: (value: number) => boolean,
): number | undefined {
  const value = input[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !valid(value)) fail(`${key} is out of range or not a number.`);
  return value;
}

/** Validates a rule from an untyped source (the admin endpoint, or JS callers). */
export function parseFaultRule(input: unknown): FaultRule {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    fail('A fault rule must be a JSON object.');
  }
  const raw = input as Record<string, unknown>;
  const path = raw['path'];
  if (typeof path !== 'string' || path === '') fail('path (a RegExp source) is required.');
  try {
    new RegExp(path);
  } catch {
    fail(`path '${path}' is not a valid regular expression.`);
  }
  const rule: FaultRule = { path };
  const { method, code, hang, scope } = raw;
  if (method !== undefined) {
    if (typeof method !== 'string' || method === '') fail('method must be a non-empty string.');
    rule.method = method;
  }
  if (code !== undefined) {
    if (typeof code !== 'string') fail('code must be a string.');
    rule.code = code;
  }
  if (hang !== undefined) {
    if (typeof hang !== 'boolean') fail('hang must be a boolean.');
    rule.hang = hang;
  }
  if (scope !== undefined) {
    const known = SCOPES.find((candidate) => candidate === scope);
    if (known === undefined) fail(`scope must be one of ${SCOPES.join(', ')}.`);
    rule.scope = known;
  }
  const status = optionalNumber(raw, 'status', (v) => Number.isInteger(v) && v >= 400 && v <= 599);
  const retryAfterSeconds = optionalNumber(raw, 'retryAfterSeconds', (v) => v >= 0);
  const latencyMs = optionalNumber(raw, 'latencyMs', (v) => v >= 0);
  const times = optionalNumber(raw, 'times', (v) => Number.isInteger(v) && v >= 1);
  const share = optionalNumber(raw, 'share', (v) => v > 0 && v <= 1);
  if (share !== undefined) rule.share = share;
  if (status !== undefined) rule.status = status;
  if (retryAfterSeconds !== undefined) rule.retryAfterSeconds = retryAfterSeconds;
  if (latencyMs !== undefined) rule.latencyMs = latencyMs;
  if (times !== undefined) rule.times = times;
  return rule;
}

interface ActiveRule {
  id: string;
  rule: FaultRule;
  pattern: RegExp;
  remaining: number;
  /** Matches seen so far, for `share`. */
  matched: number;
}

function scopeMatches(scope: FaultScope, via: RequestVia): boolean {
  return scope === 'any' ? via !== 'batch-envelope' : scope === via;
}

/** Rules are checked in insertion order; the first match wins and uses up one of its `times`. */
export class FaultInjector {
  #rules: ActiveRule[] = [];
  #nextId = 1;

  /** @throws InvalidFaultRuleError when the rule is malformed. */
  add(rule: FaultRule): string {
    const checked = parseFaultRule(rule);
    const id = `fault-${this.#nextId++}`;
    this.#rules.push({
      id,
      rule: checked,
      pattern: new RegExp(checked.path),
      remaining: checked.times ?? Number.POSITIVE_INFINITY,
      matched: 0,
    });
    return id;
  }

  clear(): void {
    this.#rules = [];
  }

  take(method: string, path: string, via: RequestVia): FaultRule | undefined {
    const active = this.#rules.find(
      (candidate) =>
        scopeMatches(candidate.rule.scope ?? 'any', via) &&
        (candidate.rule.method === undefined ||
          candidate.rule.method.toUpperCase() === method.toUpperCase()) &&
        candidate.pattern.test(path) &&
        takesShare(candidate),
    );
    if (active === undefined) {
      return undefined;
    }
    active.remaining -= 1;
    if (active.remaining <= 0) {
      this.#rules = this.#rules.filter((candidate) => candidate !== active);
    }
    return active.rule;
  }
}

/** Counts the match and says whether this one falls in the rule's share. */
function takesShare(active: ActiveRule): boolean {
  const share = active.rule.share ?? 1;
  const before = Math.floor(active.matched * share);
  active.matched += 1;
  return Math.floor(active.matched * share) > before;
}

function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/**
 * Plays a matched rule: waits, hangs, or throws the injected failure. Returns normally when the
 * real answer should follow. Rejects with the abort reason when the emulator closes meanwhile.
 */
export async function playFault(rule: FaultRule, signal: AbortSignal): Promise<void> {
  if (rule.latencyMs !== undefined && rule.latencyMs > 0) {
    await delay(rule.latencyMs, undefined, { signal });
  }
  if (rule.hang === true) {
    await untilAborted(signal);
  }
  if (rule.status === undefined) {
    return;
  }
  const throttled = rule.status === 429 || rule.status === 503;
  const headers: Record<string, string> =
    throttled && rule.retryAfterSeconds !== undefined
      ? { 'Retry-After': String(rule.retryAfterSeconds) }
      : {};
  const message =
    rule.status === 429 ? 'Please retry again later.' : `Injected fault (HTTP ${rule.status}).`;
  throw new GraphFailure(rule.status, rule.code ?? defaultCodeFor(rule.status), message, headers);
}
