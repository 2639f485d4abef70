/**
 * What one request's Graph calls are charged against: the budget itself, and a session at the
 * SDK seam, where a retry is visible as a second request of the same call.
 */
import { describe, expect, it } from 'vitest';
import { CallBudgetExceededError } from '../../packages/gateway/src/errors.js';
import { RequestCallBudget } from '../../packages/graph-client/src/call-budget.js';
import { staticToken } from '../../packages/graph-client/src/credentials/credentials.js';
import { createGraphTransport } from '../../packages/graph-client/src/http/client.js';
import {
  DEFAULT_UPSTREAM_OPTIONS,
  Upstream,
} from '../../packages/graph-client/src/http/upstream.js';
import { GraphSession } from '../../packages/graph-client/src/session.js';
import { FakeGraphHttp } from '../helpers/fake-graph-http.js';

describe('RequestCallBudget', () => {
  it('refuses a reservation it cannot cover whole, and takes nothing for it', () => {
    const budget = new RequestCallBudget(5);
    budget.reserve(3);

    expect(() => budget.reserve(3)).toThrow(CallBudgetExceededError);
    expect(() => budget.reserve(3)).toThrow(
      expect.objectContaining({ maxCallsPerRequest: 5, requestedCalls: 3, remainingCalls: 2 }),
    );
    expect(budget.remaining).toBe(2);
  });

  it('spends a reservation first, then the request budget', () => {
    const budget = new RequestCallBudget(3);
    const reservation = budget.reserve(2);

    reservation.take(1);
    reservation.take(1);
    expect(budget.remaining).toBe(1);
    reservation.take(1);
    expect(budget.remaining).toBe(0);
    expect(() => reservation.take(1)).toThrow(CallBudgetExceededError);
  });
});

describe('GraphSession', () => {
  it('charges a call once however often it is retried', async () => {
    let attempts = 0;
    const http = new FakeGraphHttp(() =>
      ++attempts === 1
        ? { status: 429, headers: { 'Retry-After': '0' } }
        : { status: 200, body: { id: 'p-1' } },
    );
    const upstream = new Upstream(
      createGraphTransport({
        baseUrl: 'https://graph.example.test',
        auth: staticToken('t'),
        timeoutMs: 1_000,
        httpHandler: http,
      }),
      { ...DEFAULT_UPSTREAM_OPTIONS, maxInFlight: 4, sharedThrottle: false },
    );
    const session = GraphSession.open(upstream, {
      retry: { maxAttempts: 1, maxThrottledAttempts: 3, backoffBaseMs: 1, backoffMaxMs: 1 },
      batching: true,
      deadlineMs: 5_000,
      maxCallsPerRequest: 1,
    });

    await expect(session.call({ method: 'GET', url: '/print/printers/p-1' })).resolves.toEqual({
      id: 'p-1',
    });
    expect(http.sent.map((request) => request.path)).toEqual([
      '/print/printers/p-1',
      '/print/printers/p-1',
    ]);
    await expect(session.call({ method: 'GET', url: '/print/printers/p-2' })).rejects.toThrow(
      CallBudgetExceededError,
    );
    expect(http.sent).toHaveLength(2);
  });
});
