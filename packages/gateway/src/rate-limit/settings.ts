/**
 * The per-caller limits' piece of the environment (docs/operations.md#per-caller-limits): each
 * variable is `rate/burst` or `off`, parsed by policy.ts. src/config.ts composes this piece.
 */
import { ConfigError, type EnvOf, nonEmpty } from '../settings/env.js';
import {
  DEFAULT_GRAPH_CALL_LIMITS,
  DEFAULT_RATE_LIMIT_POLICY,
  parseBucketLimit,
  parseGraphCallLimit,
  parseMaxInProgress,
  type RateLimitPolicy,
} from './policy.js';

export const RATE_LIMIT_ENV = {
  GATEWAY_RATE_LIMIT_PERSON: nonEmpty,
  GATEWAY_RATE_LIMIT_APP: nonEmpty,
  GATEWAY_RATE_LIMIT_KEY: nonEmpty,
  GATEWAY_RATE_LIMIT_ANONYMOUS: nonEmpty,
  GATEWAY_GRAPH_CALL_LIMIT_PERSON: nonEmpty,
  GATEWAY_GRAPH_CALL_LIMIT_APP: nonEmpty,
  GATEWAY_GRAPH_CALL_LIMIT_KEY: nonEmpty,
  GATEWAY_GRAPH_CALL_LIMIT_ANONYMOUS: nonEmpty,
  GATEWAY_MAX_IN_PROGRESS_PER_CALLER: nonEmpty,
};

type RateLimitEnv = EnvOf<typeof RATE_LIMIT_ENV>;

/** Each variable falls back to its caller kind's default; `off` turns that limit off. */
export function rateLimitPolicy(vars: RateLimitEnv): RateLimitPolicy {
  const parsed = <T>(name: keyof RateLimitEnv, parse: (raw: string) => T, fallback: T): T => {
    const raw = vars[name];
    if (typeof raw !== 'string') return fallback;
    try {
      return parse(raw);
    } catch (error) {
      throw new ConfigError(`${name}: ${(error as Error).message}`);
    }
  };
  const rates = DEFAULT_RATE_LIMIT_POLICY.rates;
  const calls = DEFAULT_GRAPH_CALL_LIMITS;
  return {
    rates: {
      person: parsed('GATEWAY_RATE_LIMIT_PERSON', parseBucketLimit, rates.person),
      app: parsed('GATEWAY_RATE_LIMIT_APP', parseBucketLimit, rates.app),
      'service-key': parsed('GATEWAY_RATE_LIMIT_KEY', parseBucketLimit, rates['service-key']),
      anonymous: parsed('GATEWAY_RATE_LIMIT_ANONYMOUS', parseBucketLimit, rates.anonymous),
    },
    graphCalls: {
      person: parsed('GATEWAY_GRAPH_CALL_LIMIT_PERSON', parseGraphCallLimit, calls.person),
      app: parsed('GATEWAY_GRAPH_CALL_LIMIT_APP', parseGraphCallLimit, calls.app),
      'service-key': parsed(
        'GATEWAY_GRAPH_CALL_LIMIT_KEY',
        parseGraphCallLimit,
        calls['service-key'],
      ),
      anonymous: parsed('GATEWAY_GRAPH_CALL_LIMIT_ANONYMOUS', parseGraphCallLimit, calls.anonymous),
    },
    maxInProgressPerCaller: parsed(
      'GATEWAY_MAX_IN_PROGRESS_PER_CALLER',
      parseMaxInProgress,
      DEFAULT_RATE_LIMIT_POLICY.maxInProgressPerCaller,
    ),
  };
}
