/**
 * What the subscription manager asks Graph for: a refused expiry is told apart from other 400s
 * (only it is asked again, shorter), and the lifetime halves down to its floor, never below.
 */
import { describe, expect, it } from 'vitest';
import {
  MIN_SUBSCRIPTION_MINUTES,
  refusesExpiry,
  SubscriptionLifetime,
} from '../../packages/gateway/src/graph-notifications/subscription-lifetime.js';
import type { GraphReply } from '../../packages/graph-client/src/call.js';

const reply = (status: number, body: unknown): GraphReply => ({ status, headers: {}, body });
const graphError = (code: string, message: unknown) => ({ error: { code, message } });

describe('refusesExpiry', () => {
  it("is Graph's 400 for the expiration, whatever its code", () => {
    const words = 'Subscription expiration can only be 4230 minutes in the future.';
    expect(refusesExpiry(reply(400, graphError('ExtensionError', words)))).toBe(true);
    expect(refusesExpiry(reply(400, graphError('ValidationError', words)))).toBe(true);
  });

  it.each([
    ['another 400', reply(400, graphError('invalidRequest', 'clientState must be a string.'))],
    ['another status', reply(409, graphError('conflict', 'expiration'))],
    ['no body', reply(400, null)],
    ['a message that is not text', reply(400, graphError('ExtensionError', { expiration: 1 }))],
  ])('is not %s', (_name, answer) => {
    expect(refusesExpiry(answer)).toBe(false);
  });
});

describe('SubscriptionLifetime', () => {
  it('halves on each refusal down to its floor, then says it cannot shorten', () => {
    const lifetime = new SubscriptionLifetime(4_200 * 60_000);
    const asked: number[] = [];
    while (lifetime.shorten(lifetime.ms)) asked.push(lifetime.ms / 60_000);
    expect(asked).toEqual([2_100, 1_050, 525, 262, 131, 65, 32, 16, 8, 5]);
    expect(lifetime.ms).toBe(MIN_SUBSCRIPTION_MINUTES * 60_000);
  });

  it('halves once for calls refused together: the second was refused what the first was', () => {
    const lifetime = new SubscriptionLifetime(4_200 * 60_000);
    const asked = lifetime.ms;
    expect(lifetime.shorten(asked)).toBe(true);
    expect(lifetime.shorten(asked)).toBe(true);
    expect(lifetime.ms).toBe(2_100 * 60_000);
  });
});
