/**
 * GRAPH_MAX_RETRY_AFTER_SECONDS as a setting: its default and range, and the README's and
 * docs/operations.md's figures, which must be the code's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../packages/gateway/src/config.js';
import {
  DEFAULT_MAX_RETRY_AFTER_MS,
  MAX_RETRY_AFTER_CAP_SECONDS,
} from '../../packages/graph-client/src/http/retry-after-cap.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('GRAPH_MAX_RETRY_AFTER_SECONDS', () => {
  it('defaults to 60 s and reads whole seconds 1–3600', () => {
    expect(loadConfig({}).graphService.maxRetryAfterMs).toBe(DEFAULT_MAX_RETRY_AFTER_MS);
    expect(DEFAULT_MAX_RETRY_AFTER_MS).toBe(60_000);
    expect(loadConfig({ GRAPH_MAX_RETRY_AFTER_SECONDS: '120' }).graphService.maxRetryAfterMs).toBe(
      120_000,
    );
  });

  it.each(['0', '3601', '1.5', 'forever'])('refuses %j with a ConfigError naming it', (value) => {
    expect(() => loadConfig({ GRAPH_MAX_RETRY_AFTER_SECONDS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ GRAPH_MAX_RETRY_AFTER_SECONDS: value })).toThrow(
      'GRAPH_MAX_RETRY_AFTER_SECONDS',
    );
  });

  it('is documented with its default and range', () => {
    const seconds = DEFAULT_MAX_RETRY_AFTER_MS / 1000;
    const row = read('README.md')
      .split('\n')
      .filter((line) => line.startsWith('| `GRAPH_MAX_RETRY_AFTER_SECONDS` |'));
    expect(row).toHaveLength(1);
    expect(row[0]).toContain(`| \`${seconds}\` |`);
    expect(row[0]).toContain(`1–${MAX_RETRY_AFTER_CAP_SECONDS} seconds`);
    expect(read('docs/operations.md')).toContain(
      `longer than \`GRAPH_MAX_RETRY_AFTER_SECONDS\` (${seconds})`,
    );
    expect(read('docs/errors.md')).toContain(
      `at most \`GRAPH_MAX_RETRY_AFTER_SECONDS\` (${seconds};`,
    );
  });
});
