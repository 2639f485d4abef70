/**
 * The per-caller limits the docs quote are the ones the code has: the README's configuration
 * rows, docs/errors.md's refusal rows and docs/operations.md's table name the real defaults,
 * ranges and codes. The rate-limit part of test/unit/documented-limits.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../packages/gateway/src/errors.js';
import { DEFAULT_MAX_BUCKETS } from '../../packages/gateway/src/rate-limit/in-memory-bucket-store.js';
import {
  DEFAULT_GRAPH_CALL_LIMITS,
  DEFAULT_RATE_LIMIT_POLICY,
  MAX_BURST,
  MAX_IN_PROGRESS_PER_CALLER,
  MAX_RATE_PER_SECOND,
  MIN_BURST,
  MIN_GRAPH_CALL_BURST,
} from '../../packages/gateway/src/rate-limit/policy.js';
import { RATE_LIMIT_CODES } from '../../packages/gateway/src/rate-limit/refusal.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const rowsOf = (text: string) => text.split('\n').filter((line) => line.startsWith('|'));
const cells = (row: string) => row.split('|').map((cell) => cell.trim());
const numbersIn = (text: string) =>
  [...text.matchAll(/\b\d{1,3}(?:,\d{3})*(?:\.\d+)?\b|\b\d+\b/g)].map((match) =>
    Number(match[0].replaceAll(',', '')),
  );

const { rates, maxInProgressPerCaller } = DEFAULT_RATE_LIMIT_POLICY;
const asSetting = (limit: { ratePerSecond: number; burst: number } | null) =>
  limit ? `${limit.ratePerSecond}/${limit.burst}` : 'off';

const SETTINGS = {
  GATEWAY_RATE_LIMIT_PERSON: asSetting(rates.person),
  GATEWAY_RATE_LIMIT_APP: asSetting(rates.app),
  GATEWAY_RATE_LIMIT_KEY: asSetting(rates['service-key']),
  GATEWAY_RATE_LIMIT_ANONYMOUS: asSetting(rates.anonymous),
  GATEWAY_MAX_IN_PROGRESS_PER_CALLER: String(maxInProgressPerCaller ?? 'off'),
  GATEWAY_GRAPH_CALL_LIMIT_PERSON: asSetting(DEFAULT_GRAPH_CALL_LIMITS.person),
  GATEWAY_GRAPH_CALL_LIMIT_APP: asSetting(DEFAULT_GRAPH_CALL_LIMITS.app),
  GATEWAY_GRAPH_CALL_LIMIT_KEY: asSetting(DEFAULT_GRAPH_CALL_LIMITS['service-key']),
  GATEWAY_GRAPH_CALL_LIMIT_ANONYMOUS: asSetting(DEFAULT_GRAPH_CALL_LIMITS.anonymous),
};

describe('README configuration table', () => {
  const rows = rowsOf(read('README.md'));
  const rowOf = (name: string) => rows.filter((row) => row.startsWith(`| \`${name}\` |`));

  it.each(Object.entries(SETTINGS))('documents %s with its default %s', (name, value) => {
    expect(rowOf(name)).toHaveLength(1);
    expect(cells(rowOf(name)[0] ?? '')[2]).toBe(`\`${value}\``);
  });

  it('gives the ranges the settings accept', () => {
    const rate = rowOf('GATEWAY_RATE_LIMIT_PERSON')[0] ?? '';
    expect(rate).toContain(`up to ${MAX_RATE_PER_SECOND}`);
    expect(rate).toContain(`${MIN_BURST}–${MAX_BURST}`);
    const calls = rowOf('GATEWAY_GRAPH_CALL_LIMIT_PERSON')[0] ?? '';
    expect(calls).toContain(`up to ${MAX_RATE_PER_SECOND}`);
    expect(calls).toContain(`${MIN_GRAPH_CALL_BURST}–${MAX_BURST}`);
    expect(rowOf('GATEWAY_MAX_IN_PROGRESS_PER_CALLER')[0]).toContain(
      `1–${MAX_IN_PROGRESS_PER_CALLER}`,
    );
  });
});

describe('docs/errors.md', () => {
  const rows = rowsOf(read('docs/errors.md'));

  it.each(Object.values(RATE_LIMIT_CODES))('has one row for %s', (code) => {
    expect(rows.filter((row) => row.includes(`\`${code}\``))).toHaveLength(1);
  });

  it('quotes the default buckets and the in-progress cap', () => {
    const rate = rows.find((row) => row.includes(`\`${RATE_LIMIT_CODES.rate}\``)) ?? '';
    const numbers = numbersIn(cells(rate)[1] ?? '');
    for (const limit of [rates.person, rates.app, rates['service-key']]) {
      expect(numbers).toContain(limit?.ratePerSecond);
      expect(numbers).toContain(limit?.burst);
    }
    const inProgress = rows.find((row) => row.includes(`\`${RATE_LIMIT_CODES.inProgress}\``)) ?? '';
    expect(numbersIn(cells(inProgress)[1] ?? '')).toContain(maxInProgressPerCaller);
  });

  it('has one row for the Graph-call limit, quoting its defaults', () => {
    const code = new RateLimitedError(1, 1, 20).code;
    const matching = rows.filter((row) => row.includes(`\`${code}\``));
    expect(matching).toHaveLength(1);
    const numbers = numbersIn(cells(matching[0] ?? '')[1] ?? '');
    for (const limit of [
      DEFAULT_GRAPH_CALL_LIMITS.person,
      DEFAULT_GRAPH_CALL_LIMITS.app,
      DEFAULT_GRAPH_CALL_LIMITS['service-key'],
    ]) {
      expect(numbers).toContain(limit?.ratePerSecond);
      expect(numbers).toContain(limit?.burst);
    }
  });
});

describe('docs/operations.md', () => {
  const text = read('docs/operations.md');

  it('names every setting with its default', () => {
    const rows = rowsOf(text);
    for (const [name, value] of Object.entries(SETTINGS)) {
      const row = rows.find((line) => line.includes(`\`${name}\``)) ?? '';
      const numbers = numbersIn(cells(row)[3] ?? '');
      if (value === 'off') expect(cells(row)[3]).toBe('off');
      else expect(numbers).toEqual(value.split('/').map(Number));
    }
  });

  it('says how many buckets are kept', () => {
    expect(text).toContain(`at most ${DEFAULT_MAX_BUCKETS.toLocaleString('en-US')} are kept`);
  });
});
