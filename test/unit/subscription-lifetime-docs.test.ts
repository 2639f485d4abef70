/**
 * The subscription lifetime the docs quote is the one the code asks for: Graph's maximum, the
 * margin for clocks, the default and bounds of GATEWAY_SUBSCRIPTION_LIFETIME_MINUTES, and the
 * floor a refused expiry halves down to. Fails when a constant in
 * src/graph-notifications/subscription-lifetime.ts changes and README.md or docs/ do not.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../packages/gateway/src/config.js';
import {
  DEFAULT_SUBSCRIPTION_MINUTES,
  EXPIRY_MARGIN_MINUTES,
  MAX_PRINT_SUBSCRIPTION_MINUTES,
  MIN_SUBSCRIPTION_MINUTES,
} from '../../packages/gateway/src/graph-notifications/subscription-lifetime.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const formatted = (n: number) => n.toLocaleString('en-US');
const row = (text: string) =>
  text.split('\n').find((line) => line.startsWith('| `GATEWAY_SUBSCRIPTION_LIFETIME_MINUTES` |'));

describe('documented subscription lifetime', () => {
  it('is the configured default', () => {
    expect(loadConfig({ GATEWAY_ALLOW_ANONYMOUS: 'true' }).liveEvents.subscriptionLifetimeMs).toBe(
      DEFAULT_SUBSCRIPTION_MINUTES * 60_000,
    );
  });

  it.each(['README.md', 'docs/subscriptions.md'])('%s: the setting row', (path) => {
    const line = row(read(path));
    expect(line).toContain(`| \`${DEFAULT_SUBSCRIPTION_MINUTES}\` |`);
    expect(line).toContain(`${MIN_SUBSCRIPTION_MINUTES}–${DEFAULT_SUBSCRIPTION_MINUTES}`);
    expect(line).toContain(formatted(MAX_PRINT_SUBSCRIPTION_MINUTES));
    expect(line).toContain(`${EXPIRY_MARGIN_MINUTES}-minute margin`);
  });

  it('docs/subscriptions.md: the clocks section', () => {
    const doc = read('docs/subscriptions.md');
    const clocks = doc.slice(doc.indexOf('### Clocks'), doc.indexOf('On shutdown'));
    expect(clocks).toContain(`more than ${formatted(MAX_PRINT_SUBSCRIPTION_MINUTES)} minutes away`);
    expect(clocks).toContain(`asks ${EXPIRY_MARGIN_MINUTES} minutes short of the maximum`);
    expect(clocks).toContain(`never less than ${MIN_SUBSCRIPTION_MINUTES} minutes`);
    expect(doc).toContain(`(${formatted(DEFAULT_SUBSCRIPTION_MINUTES)}: Graph's maximum`);
  });

  it('docs/replicas.md: what is asked by default', () => {
    expect(read('docs/replicas.md')).toContain(
      `${formatted(DEFAULT_SUBSCRIPTION_MINUTES)}-minute subscriptions`,
    );
  });
});
