/**
 * The README's configuration rows and docs/authorization.md against the code: the defaults and
 * bounds of acting as the person (on-behalf-of) they quote are the ones config.ts applies.
 */
import { readFileSync } from 'node:fs';
import {
  DEFAULT_GRAPH_DELEGATED_SCOPES,
  DEFAULT_OBO_CACHE_MAX_ENTRIES,
  OBO_RENEWAL_MARGIN_MS,
} from '@universal-print-gateway/graph-client';
import { describe, expect, it } from 'vitest';
import {
  MAX_DELEGATED_SCOPES,
  MAX_OBO_CACHE_ENTRIES,
} from '../../packages/gateway/src/auth/delegation-settings.js';
import { loadConfig } from '../../packages/gateway/src/config.js';

const read = (path: string) =>
  readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8').replace(/\s+/g, ' ');
const readme = read('README.md');
const authorization = read('docs/authorization.md');
const formatted = (n: number) => n.toLocaleString('en-US');

describe('acting as the person, in the docs', () => {
  it('quotes the defaults config.ts applies', () => {
    const config = loadConfig({});
    expect(config.graphDelegation).toEqual({
      scopes: [DEFAULT_GRAPH_DELEGATED_SCOPES],
      cacheMaxEntries: DEFAULT_OBO_CACHE_MAX_ENTRIES,
    });
    expect(readme).toContain(
      `| \`GRAPH_DELEGATED_SCOPES\` | \`${DEFAULT_GRAPH_DELEGATED_SCOPES}\` |`,
    );
    expect(readme).toContain(`at most ${MAX_DELEGATED_SCOPES}.`);
    expect(readme).toContain(
      `| \`GRAPH_OBO_CACHE_MAX_ENTRIES\` | \`${DEFAULT_OBO_CACHE_MAX_ENTRIES}\` | People's Graph tokens kept in memory (0–${MAX_OBO_CACHE_ENTRIES})`,
    );
    expect(authorization).toContain(
      `\`GRAPH_OBO_CACHE_MAX_ENTRIES\` (${formatted(DEFAULT_OBO_CACHE_MAX_ENTRIES)}) entries`,
    );
  });

  it('quotes the renewal margin', () => {
    const minutes = OBO_RENEWAL_MARGIN_MS / 60_000;
    expect(readme).toContain(`each until ${minutes} minutes before it expires`);
    expect(authorization).toContain(`cached until ${minutes} minutes before it expires`);
  });

  it('refuses settings outside the documented bounds', () => {
    expect(() =>
      loadConfig({ GRAPH_OBO_CACHE_MAX_ENTRIES: String(MAX_OBO_CACHE_ENTRIES + 1) }),
    ).toThrow(/GRAPH_OBO_CACHE_MAX_ENTRIES/);
    expect(() =>
      loadConfig({
        GRAPH_DELEGATED_SCOPES: Array.from(
          { length: MAX_DELEGATED_SCOPES + 1 },
          (_, i) => `s${i}`,
        ).join(' '),
      }),
    ).toThrow(/GRAPH_DELEGATED_SCOPES/);
    expect(() => loadConfig({ GRAPH_DELEGATED_SCOPES: 'a\u0000b' })).toThrow(
      /GRAPH_DELEGATED_SCOPES/,
    );
    expect(
      loadConfig({ GRAPH_DELEGATED_SCOPES: ' PrintJob.Create  PrinterShare.ReadBasic.All ' })
        .graphDelegation.scopes,
    ).toEqual(['PrintJob.Create', 'PrinterShare.ReadBasic.All']);
  });
});
