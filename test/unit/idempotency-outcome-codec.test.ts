/**
 * The text a bulk write's outcome is remembered as: plain items as JSON, typed errors as
 * instances of their class again, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import {
  CallBudgetExceededError,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitedError,
  ThrottledError,
  UpstreamUnavailableError,
} from '../../packages/gateway/src/errors.js';
import { IdempotencyKeyReusedError } from '../../packages/gateway/src/idempotency/errors.js';
import {
  decodeOutcome,
  encodeOutcome,
} from '../../packages/gateway/src/idempotency/outcome-codec.js';
import { GRAPH_WRITE_ERRORS } from '../../packages/gateway/src/schema/errors/error-types.js';

describe('idempotency outcome codec', () => {
  it('round-trips plain data unchanged', () => {
    const outcome = { printTask: { id: 't1', status: { state: 'completed' } }, list: [1, null] };
    expect(decodeOutcome(encodeOutcome(outcome))).toEqual(outcome);
  });

  it('brings item errors back as instances with their fields, without a stack', () => {
    const decoded = decodeOutcome(
      encodeOutcome([
        new NotFoundError('Microsoft Graph found nothing at GET /print/printers/p1', 'rq'),
        new ThrottledError('Microsoft Graph throttled POST …/abort', null, 7),
        new InvalidInputError([{ path: ['input', 'printJobId'], message: 'bad' }], 'rq2'),
      ]),
    ) as Error[];
    expect(decoded[0]).toBeInstanceOf(NotFoundError);
    expect(decoded[0]).toMatchObject({ code: 'NOT_FOUND', requestId: 'rq' });
    expect(decoded[0]?.message).toBe('Microsoft Graph found nothing at GET /print/printers/p1');
    expect(decoded[0]?.stack).toBeUndefined();
    expect(decoded[1]).toBeInstanceOf(ThrottledError);
    expect(decoded[1]).toMatchObject({ retryAfterSeconds: 7, code: 'THROTTLED' });
    expect(decoded[2]).toBeInstanceOf(InvalidInputError);
    expect(decoded[2]).toMatchObject({
      name: 'InvalidInputError',
      message: 'Invalid input at input.printJobId: bad',
      issues: [{ path: ['input', 'printJobId'], message: 'bad' }],
    });
  });

  it('keeps the class of a decoded error whatever fields the stored text holds', () => {
    const [decoded] = decodeOutcome(
      '[{"$gatewayError":"NotFoundError","message":"m","__proto__":{"polluted":true}}]',
    ) as Error[];
    expect(decoded).toBeInstanceOf(NotFoundError);
    expect((decoded as unknown as { polluted?: boolean }).polluted).toBeUndefined();
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('replays every error a bulk write item can end in as an instance of its class', () => {
    const items: Error[] = [
      new InvalidInputError([{ path: ['inputs', '0'], message: 'bad' }]),
      new NotFoundError('gone', 'rq'),
      new PermissionDeniedError('denied', 'rq'),
      new ThrottledError('slow down', 'rq', 5),
      new UpstreamUnavailableError('down', null, 'SHUTTING_DOWN', false),
      new CallBudgetExceededError(500, 3, 1),
      new RateLimitedError(2, 20, 200),
      new ForbiddenError('not for you'),
      new ConflictError('too late', 'rq'),
    ];
    // Every item error of the schema's bulk writes is among them: a list with any item that
    // could not be stored would be sent again once its claim lapsed.
    expect(new Set(items.map((item) => item.constructor))).toEqual(new Set(GRAPH_WRITE_ERRORS));

    const decoded = decodeOutcome(encodeOutcome(items)) as Error[];
    decoded.forEach((item, index) => {
      const original = items[index] as Error;
      expect(item).toBeInstanceOf(original.constructor);
      expect({ ...item, message: item.message }).toEqual({
        ...original,
        message: original.message,
      });
    });
  });

  it('refuses to encode an error no item can end in', () => {
    expect(() => encodeOutcome([new Error('boom')])).toThrow(/cannot be replayed/);
    expect(() => encodeOutcome([new IdempotencyKeyReusedError()])).toThrow(/cannot be replayed/);
  });

  it('refuses to decode an error it does not know, or a name from the prototype chain', () => {
    expect(() =>
      decodeOutcome('[{"$gatewayError":"IdempotencyKeyReusedError","message":"x"}]'),
    ).toThrow(/Unknown replayed error/);
    expect(() => decodeOutcome('[{"$gatewayError":"constructor","message":"x"}]')).toThrow(
      /Unknown replayed error/,
    );
    expect(() => decodeOutcome('[{"$gatewayError":"__proto__","message":"x"}]')).toThrow(
      /Unknown replayed error/,
    );
  });
});
