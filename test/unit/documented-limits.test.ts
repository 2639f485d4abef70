/**
 * The limits the docs quote are the ones the code enforces: docs/errors.md has a row per limit
 * code with its number, and docs/federation.md's "Document limits" names every number. Fails
 * when a constant in src/edge/limits.ts changes and the docs do not, or the other way round.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as limits from '../../packages/gateway/src/edge/limits.js';

const doc = (name: string) => readFileSync(new URL(`../../docs/${name}`, import.meta.url), 'utf8');
const formatted = (n: number) => n.toLocaleString('en-US');

/** Each limit: its code, its number, and how docs/federation.md words it. */
const LIMITS = [
  { code: limits.LIMIT_CODES.depth, n: limits.MAX_DEPTH, phrase: `depth ${limits.MAX_DEPTH}` },
  {
    code: limits.LIMIT_CODES.aliases,
    n: limits.MAX_ALIASES,
    phrase: `${formatted(limits.MAX_ALIASES)} aliases`,
  },
  {
    code: limits.LIMIT_CODES.tokens,
    n: limits.MAX_TOKENS,
    phrase: `${formatted(limits.MAX_TOKENS)} tokens`,
  },
  {
    code: limits.LIMIT_CODES.directives,
    n: limits.MAX_DIRECTIVES,
    phrase: `${formatted(limits.MAX_DIRECTIVES)} directives`,
  },
  {
    code: limits.LIMIT_CODES.cost,
    n: limits.MAX_COST,
    phrase: `cost ${formatted(limits.MAX_COST)}`,
  },
  {
    code: limits.LIMIT_CODES.nesting,
    n: limits.MAX_NESTING,
    phrase: `nesting ${formatted(limits.MAX_NESTING)}`,
  },
  {
    code: limits.LIMIT_CODES.operations,
    n: limits.MAX_OPERATIONS_PER_REQUEST,
    phrase: `${limits.MAX_OPERATIONS_PER_REQUEST} operations per batched request`,
  },
  {
    code: limits.LIMIT_CODES.streamInitialCount,
    n: limits.MAX_STREAM_INITIAL_COUNT,
    phrase: `\`@stream\` initialCount at most ${limits.MAX_STREAM_INITIAL_COUNT}`,
  },
  {
    code: limits.LIMIT_CODES.bodySize,
    n: limits.MAX_REQUEST_BODY_BYTES,
    phrase: `${formatted(limits.MAX_REQUEST_BODY_BYTES)} bytes per body`,
  },
];

/** Numbers as written in prose: `5,000`, `8`. */
const numbersIn = (text: string) =>
  [...text.matchAll(/\b\d{1,3}(?:,\d{3})*\b/g)].map((match) =>
    Number(match[0].replaceAll(',', '')),
  );

describe('documented limits', () => {
  it('covers every limit code', () => {
    expect(LIMITS.map((limit) => limit.code).sort()).toEqual(
      Object.values(limits.LIMIT_CODES).sort(),
    );
  });

  describe('docs/errors.md', () => {
    const rows = doc('errors.md')
      .split('\n')
      .filter((line) => line.startsWith('|'));

    it.each(LIMITS)('has one row for $code with its number', ({ code, n }) => {
      const matching = rows.filter((row) => row.includes(`\`${code}\``));
      expect(matching).toHaveLength(1);
      const when = matching[0]?.split('|')[1] ?? '';
      expect(numbersIn(when)).toContain(n);
    });

    it('no longer promises BAD_USER_INPUT for limits', () => {
      expect(doc('errors.md')).not.toContain('BAD_USER_INPUT');
    });
  });

  describe('docs/federation.md', () => {
    const bullet =
      doc('federation.md')
        .split(/\n(?=- )/)
        .find((item) => item.startsWith('- **Document limits**'))
        ?.replace(/\s+/g, ' ') ?? '';

    it.each(LIMITS)('names $code as "$phrase"', ({ phrase }) => {
      expect(bullet).toContain(phrase);
    });

    it('quotes no other number', () => {
      expect(numbersIn(bullet.split(')')[0] ?? '').sort()).toEqual(
        LIMITS.map((limit) => limit.n).sort(),
      );
    });
  });
});
