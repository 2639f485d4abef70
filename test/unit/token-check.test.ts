/**
 * The background Graph token check behind /ready: its verdicts, its backoff, and what a static
 * GRAPH_ACCESS_TOKEN means. The token source is an injected function here; the real
 * @azure/identity flow against the emulator's Entra is test/process/readiness.test.ts.
 */
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../packages/gateway/src/logging/logger.js';
import { Readiness, readinessAnswer } from '../../packages/gateway/src/server/readiness.js';
import {
  GraphTokenCheck,
  retryDelay,
  TOKEN_RETRY_FIRST_MS,
} from '../../packages/graph-client/src/credentials/token-check.js';
import {
  StaticTokenExpiredError,
  staticTokenSource,
} from '../../packages/graph-client/src/credentials/token-source.js';

afterEach(() => {
  vi.useRealTimers();
});

const OPTIONS = { intervalMs: 60_000, retryMaxMs: 30_000 };

describe('GraphTokenCheck', () => {
  it('is pending until the first check settles, then ready', async () => {
    vi.useFakeTimers();
    let settle: (value: { expiresAt?: number }) => void = () => {};
    const check = new GraphTokenCheck(
      () => new Promise((resolve) => (settle = resolve)),
      OPTIONS,
      silentLogger,
    );
    const readiness = new Readiness(check);
    check.start();
    expect(readinessAnswer(readiness)).toEqual({
      status: 503,
      body: { status: 'graph-credentials-pending' },
    });
    settle({});
    await vi.advanceTimersByTimeAsync(0);
    expect(readinessAnswer(readiness)).toEqual({ status: 200, body: { status: 'ready' } });
    check.stop();
  });

  it('retries a failing check with growing waits and turns ready when it succeeds', async () => {
    vi.useFakeTimers();
    const attempts: number[] = [];
    const check = new GraphTokenCheck(
      () => {
        attempts.push(Date.now());
        return attempts.length <= 3
          ? Promise.reject(new Error('AADSTS7000215: Invalid client secret provided.'))
          : Promise.resolve({});
      },
      OPTIONS,
      silentLogger,
    );
    const readiness = new Readiness(check);
    check.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(readinessAnswer(readiness)).toMatchObject({
      status: 503,
      body: { status: 'graph-credentials-failing', consecutiveFailures: 1 },
    });
    expect(JSON.stringify(readinessAnswer(readiness).body)).not.toContain('AADSTS');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(attempts).toHaveLength(4);
    const waits = attempts.slice(1).map((at, i) => at - (attempts[i] as number));
    // 1 s, 2 s, 4 s, each ±20%.
    expect(waits[0]).toBeGreaterThanOrEqual(800);
    expect(waits[0]).toBeLessThanOrEqual(1_200);
    expect(waits[1]).toBeGreaterThanOrEqual(1_600);
    expect(waits[1]).toBeLessThanOrEqual(2_400);
    expect(waits[2]).toBeGreaterThanOrEqual(3_200);
    expect(waits[2]).toBeLessThanOrEqual(4_800);
    expect(readinessAnswer(readiness).status).toBe(200);
    check.stop();
  });

  it('rechecks every interval while it works, and turns not ready when the token stops coming', async () => {
    vi.useFakeTimers();
    let working = true;
    let calls = 0;
    const check = new GraphTokenCheck(
      () => {
        calls += 1;
        return working ? Promise.resolve({}) : Promise.reject(new Error('Entra is down'));
      },
      OPTIONS,
      silentLogger,
    );
    check.start();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(OPTIONS.intervalMs * 3);
    expect(calls).toBe(4);
    working = false;
    await vi.advanceTimersByTimeAsync(OPTIONS.intervalMs);
    expect(check.state()).toMatchObject({ kind: 'failing', consecutiveFailures: 1 });
    check.stop();
    await vi.advanceTimersByTimeAsync(OPTIONS.intervalMs * 10);
    expect(calls).toBe(5);
  });

  it('rechecks at the token expiry when that comes before the interval', async () => {
    vi.useFakeTimers();
    const source = staticTokenSource(await jwtExpiringIn(5));
    const check = new GraphTokenCheck(source.obtain, OPTIONS, silentLogger);
    check.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(check.state()).toEqual({ kind: 'ok' });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(check.state()).toMatchObject({ kind: 'failing' });
    check.stop();
  });

  it('caps the backoff at retryMaxMs', () => {
    for (let failures = 1; failures < 40; failures += 1) {
      const delay = retryDelay(failures, 5_000);
      expect(delay).toBeLessThanOrEqual(5_000);
      expect(delay).toBeGreaterThanOrEqual(Math.min(5_000, TOKEN_RETRY_FIRST_MS) * 0.8);
    }
  });
});

describe('a static GRAPH_ACCESS_TOKEN', () => {
  it('is good while its exp lies ahead, and refused once it passed', async () => {
    await expect(staticTokenSource(await jwtExpiringIn(600)).obtain()).resolves.toHaveProperty(
      'expiresAt',
    );
    await expect(staticTokenSource(await jwtExpiringIn(-1)).obtain()).rejects.toBeInstanceOf(
      StaticTokenExpiredError,
    );
  });

  it('is always good when it is not a JWT (the emulator tokens)', async () => {
    await expect(staticTokenSource('emulator-gateway-app-token').obtain()).resolves.toEqual({});
  });
});

async function jwtExpiringIn(seconds: number): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime(Math.floor(Date.now() / 1000) + seconds)
    .sign(new TextEncoder().encode('a test key of thirty-two bytes!!'));
}
