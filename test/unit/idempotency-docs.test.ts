/**
 * docs/replicas.md#idempotency-keys and the README against the code: the bounds they quote are
 * the ones the stores enforce and config.ts accepts.
 */
import { readFileSync } from 'node:fs';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_KEYS,
  DEFAULT_MAX_OUTCOME_CHARS,
} from '../../packages/gateway/src/idempotency/memory-store.js';
import {
  DEFAULT_IDEMPOTENCY_MAX_KEYS_PER_CALLER,
  MAX_IDEMPOTENCY_KEYS_PER_CALLER,
} from '../../packages/gateway/src/idempotency/settings.js';
import { registerRedisMetrics } from '../../packages/gateway/src/metrics/redis-metrics.js';
import {
  REDIS_DATA_LOST,
  REDIS_PERSISTENCE_OFF,
} from '../../packages/gateway/src/redis/data-loss-watch.js';
import { metricTypes } from '../helpers/prometheus-text.js';

const read = (path: string) =>
  readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8').replace(/\s+/g, ' ');
const replicas = read('docs/replicas.md');
const readme = read('README.md');
const operations = read('docs/operations.md');
const formatted = (n: number) => n.toLocaleString('en-US');

describe('the idempotency bounds in the docs', () => {
  it('quote the per-caller bound and its range', () => {
    const perCaller = DEFAULT_IDEMPOTENCY_MAX_KEYS_PER_CALLER;
    expect(replicas).toContain(
      `at most \`IDEMPOTENCY_MAX_KEYS_PER_CALLER\` keys (${formatted(perCaller)} by default)`,
    );
    const row = `| \`IDEMPOTENCY_MAX_KEYS_PER_CALLER\` | \`${perCaller}\` | 1–${MAX_IDEMPOTENCY_KEYS_PER_CALLER}`;
    expect(replicas).toContain(row);
    expect(readme).toContain(`| \`IDEMPOTENCY_MAX_KEYS_PER_CALLER\` | \`${perCaller}\` |`);
    expect(readme).toContain(`(1–${MAX_IDEMPOTENCY_KEYS_PER_CALLER})`);
  });

  it('quote the in-memory backstop over all callers', () => {
    const mebi = DEFAULT_MAX_OUTCOME_CHARS / 1024 / 1024;
    expect(replicas).toContain(
      `at most ${formatted(DEFAULT_MAX_KEYS)} keys and ${mebi} Mi characters of outcomes over all callers`,
    );
  });
});

describe('a Redis that lost its data, in the docs', () => {
  it('names the codes it is logged with', () => {
    expect(replicas).toContain(`\`code\` \`${REDIS_DATA_LOST.code}\``);
    expect(replicas).toContain(`\`code\` \`${REDIS_PERSISTENCE_OFF.code}\``);
  });

  it('has a row in docs/operations.md, with its type, for every Redis metric', async () => {
    const registry = new Registry();
    registerRedisMetrics(registry, { lossesSeen: 0 });
    const types = metricTypes(await registry.metrics());
    expect(types.size).toBeGreaterThan(0);
    for (const [name, type] of types) {
      expect(operations).toContain(`| \`${name}\` | ${type} |`);
    }
  });
});
