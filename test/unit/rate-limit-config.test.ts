/**
 * The per-caller limits as settings: per-kind defaults, `rate/burst` and `off`, and a
 * ConfigError naming the variable for anything else.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../packages/gateway/src/config.js';
import { DEFAULT_RATE_LIMIT_POLICY } from '../../packages/gateway/src/rate-limit/policy.js';

describe('per-caller limit settings', () => {
  it('defaults: persons 5/s burst 30, apps and service keys 20/s burst 100, anonymous off, 16 in progress; Graph calls 20/200 and 100/500', () => {
    expect(loadConfig({}).rateLimits).toEqual({
      rates: {
        person: { ratePerSecond: 5, burst: 30 },
        app: { ratePerSecond: 20, burst: 100 },
        'service-key': { ratePerSecond: 20, burst: 100 },
        anonymous: null,
      },
      graphCalls: {
        person: { ratePerSecond: 20, burst: 200 },
        app: { ratePerSecond: 100, burst: 500 },
        'service-key': { ratePerSecond: 100, burst: 500 },
        anonymous: null,
      },
      maxInProgressPerCaller: 16,
    });
    expect(loadConfig({}).rateLimits).toEqual(DEFAULT_RATE_LIMIT_POLICY);
  });

  it('reads rate/burst per kind, decimals in the rate, and off or 0', () => {
    const { rateLimits } = loadConfig({
      GATEWAY_RATE_LIMIT_PERSON: '0.5/10',
      GATEWAY_RATE_LIMIT_APP: 'off',
      GATEWAY_RATE_LIMIT_KEY: ' 200/1000 ',
      GATEWAY_RATE_LIMIT_ANONYMOUS: '50/500',
      GATEWAY_MAX_IN_PROGRESS_PER_CALLER: '0',
      GATEWAY_GRAPH_CALL_LIMIT_PERSON: '2.5/20',
      GATEWAY_GRAPH_CALL_LIMIT_APP: '0',
      GATEWAY_GRAPH_CALL_LIMIT_KEY: '1000/5000',
      GATEWAY_GRAPH_CALL_LIMIT_ANONYMOUS: '50/100',
    });
    expect(rateLimits).toEqual({
      rates: {
        person: { ratePerSecond: 0.5, burst: 10 },
        app: null,
        'service-key': { ratePerSecond: 200, burst: 1000 },
        anonymous: { ratePerSecond: 50, burst: 500 },
      },
      graphCalls: {
        person: { ratePerSecond: 2.5, burst: 20 },
        app: null,
        'service-key': { ratePerSecond: 1000, burst: 5000 },
        anonymous: { ratePerSecond: 50, burst: 100 },
      },
      maxInProgressPerCaller: null,
    });
    expect(loadConfig({ GATEWAY_MAX_IN_PROGRESS_PER_CALLER: 'OFF' }).rateLimits).toMatchObject({
      maxInProgressPerCaller: null,
    });
    expect(loadConfig({ GATEWAY_MAX_IN_PROGRESS_PER_CALLER: '64' }).rateLimits).toMatchObject({
      maxInProgressPerCaller: 64,
    });
  });

  it.each([
    ['GATEWAY_RATE_LIMIT_PERSON', '5'],
    ['GATEWAY_RATE_LIMIT_PERSON', '5/30/2'],
    ['GATEWAY_RATE_LIMIT_APP', '-1/100'],
    ['GATEWAY_RATE_LIMIT_APP', '0/100'],
    ['GATEWAY_RATE_LIMIT_KEY', '20/9'],
    ['GATEWAY_RATE_LIMIT_KEY', '20/100001'],
    ['GATEWAY_RATE_LIMIT_KEY', '100001/100'],
    ['GATEWAY_RATE_LIMIT_ANONYMOUS', 'unlimited'],
    ['GATEWAY_RATE_LIMIT_ANONYMOUS', ''],
    ['GATEWAY_MAX_IN_PROGRESS_PER_CALLER', '1.5'],
    ['GATEWAY_MAX_IN_PROGRESS_PER_CALLER', '10001'],
    ['GATEWAY_MAX_IN_PROGRESS_PER_CALLER', '-3'],
    ['GATEWAY_GRAPH_CALL_LIMIT_PERSON', '20'],
    ['GATEWAY_GRAPH_CALL_LIMIT_APP', '0/100'],
    ['GATEWAY_GRAPH_CALL_LIMIT_KEY', '20/19'],
    ['GATEWAY_GRAPH_CALL_LIMIT_ANONYMOUS', 'lots'],
  ])('refuses %s=%j with a ConfigError naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });

  it('explains that a burst must hold a whole batched request', () => {
    expect(() => loadConfig({ GATEWAY_RATE_LIMIT_KEY: '20/9' })).toThrow(
      /burst must be 10–100000: a batched request of 10 operations must fit/,
    );
  });

  it('explains that a Graph-call burst must hold a whole $batch envelope', () => {
    expect(() => loadConfig({ GATEWAY_GRAPH_CALL_LIMIT_PERSON: '20/19' })).toThrow(
      /GATEWAY_GRAPH_CALL_LIMIT_PERSON: the burst must be 20–100000: a \$batch envelope of 20 Graph calls must fit/,
    );
  });
});
