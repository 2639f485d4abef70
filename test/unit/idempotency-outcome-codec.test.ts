/**
 * The text a bulk write's outcome is remembered as: plain items as JSON, typed errors as
 * instances of their class again, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import {
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  ThrottledError,
} from '../../src/errors.js';
import { decodeOutcome, encodeOutcome } from '../../src/idempotency/outcome-codec.js';

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
      message: 'Invalid input: bad',
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

  it('refuses to encode an error no item can end in', () => {
    expect(() => encodeOutcome([new ForbiddenError('no')])).toThrow(/cannot be replayed/);
    expect(() => encodeOutcome([new Error('boom')])).toThrow(/cannot be replayed/);
  });

  it('refuses to decode an error it does not know, or a name from the prototype chain', () => {
    expect(() => decodeOutcome('[{"$gatewayError":"ForbiddenError","message":"x"}]')).toThrow(
      /Unknown replayed error/,
    );
    expect(() => decodeOutcome('[{"$gatewayError":"constructor","message":"x"}]')).toThrow(
      /Unknown replayed error/,
    );
    expect(() => decodeOutcome('[{"$gatewayError":"__proto__","message":"x"}]')).toThrow(
      /Unknown replayed error/,
    );
  });
});
