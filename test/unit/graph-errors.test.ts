/**
 * The error mapping table (docs/errors.md): every Graph status and transport failure, for a
 * read and for a write, to the error a resolver throws.
 */
import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  GatewayFault,
  InvalidInputError,
  NotFoundError,
  PermissionDeniedError,
  ThrottledError,
  UpstreamUnavailableError,
} from '../../packages/gateway/src/errors.js';
import {
  type GraphCall,
  type GraphReply,
  GraphTransportError,
} from '../../packages/graph-client/src/call.js';
import { retryAfterSeconds, toGatewayError } from '../../packages/graph-client/src/errors.js';

const read: GraphCall = { method: 'GET', url: '/print/printers/p/jobs/1' };
const write: GraphCall = { method: 'POST', url: '/print/printers/p/jobs/1/abort' };

function reply(status: number, headers: Record<string, string> = {}): GraphReply {
  return {
    status,
    headers: { 'request-id': 'header-id', ...headers },
    body: { error: { code: 'someCode', message: 'm', innerError: { 'request-id': 'body-id' } } },
  };
}

describe('toGatewayError', () => {
  it.each([
    [400, InvalidInputError, 'INVALID_INPUT'],
    [422, InvalidInputError, 'INVALID_INPUT'],
    [403, PermissionDeniedError, 'PERMISSION_DENIED'],
    [404, NotFoundError, 'NOT_FOUND'],
    [410, NotFoundError, 'NOT_FOUND'],
    [409, ConflictError, 'CONFLICT'],
    [412, ConflictError, 'CONFLICT'],
    [423, ConflictError, 'CONFLICT'],
    [429, ThrottledError, 'THROTTLED'],
    [500, UpstreamUnavailableError, 'UPSTREAM_UNAVAILABLE'],
    [502, UpstreamUnavailableError, 'UPSTREAM_UNAVAILABLE'],
    [503, UpstreamUnavailableError, 'UPSTREAM_UNAVAILABLE'],
    [504, UpstreamUnavailableError, 'UPSTREAM_TIMEOUT'],
    [401, GatewayFault, 'UPSTREAM_AUTH_FAILED'],
    [405, GatewayFault, 'UPSTREAM_UNEXPECTED_STATUS'],
    [415, GatewayFault, 'UPSTREAM_UNEXPECTED_STATUS'],
    [501, GatewayFault, 'UPSTREAM_UNEXPECTED_STATUS'],
  ])('maps %i to %o with code %s', (status, type, code) => {
    const error = toGatewayError(reply(status), read);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ code });
  });

  it("keeps Graph's request-id from the error body, falling back to the header", () => {
    expect(toGatewayError(reply(404), read)).toMatchObject({ requestId: 'body-id' });
    const headerOnly: GraphReply = { status: 404, headers: { 'request-id': 'h' }, body: null };
    expect(toGatewayError(headerOnly, read)).toMatchObject({ requestId: 'h' });
  });

  it('takes retryAfterSeconds from Retry-After, rounding fractions up', () => {
    expect(toGatewayError(reply(429, { 'retry-after': '2.128' }), read)).toMatchObject({
      retryAfterSeconds: 3,
    });
  });

  it('falls back to 10 seconds when a 429 has no usable Retry-After', () => {
    expect(toGatewayError(reply(429), read)).toMatchObject({ retryAfterSeconds: 10 });
    expect(toGatewayError(reply(429, { 'retry-after': 'soon' }), read)).toMatchObject({
      retryAfterSeconds: 10,
    });
  });

  it('reads an HTTP-date Retry-After as seconds from now', () => {
    const now = Date.parse('2026-11-21T10:00:00Z');
    const answer = reply(503, { 'retry-after': 'Sat, 21 Nov 2026 10:00:30 GMT' });
    expect(retryAfterSeconds(answer, now)).toBe(30);
  });

  it.each([500, 503, 504])('says the outcome of a write is unknown after %i', (status) => {
    expect(toGatewayError(reply(status), write)).toMatchObject({ outcomeUnknown: true });
    expect(toGatewayError(reply(status), read)).toMatchObject({ outcomeUnknown: false });
  });

  it.each([
    ['refused', 'UPSTREAM_UNAVAILABLE', false],
    ['network', 'UPSTREAM_UNAVAILABLE', true],
    ['timeout', 'UPSTREAM_TIMEOUT', true],
  ] as const)('maps a %s connection to %s (write outcome unknown: %s)', (kind, code, unknown) => {
    const failure = new GraphTransportError(kind, 'no answer');
    expect(toGatewayError(failure, write)).toMatchObject({ code, outcomeUnknown: unknown });
    expect(toGatewayError(failure, read)).toMatchObject({ code, outcomeUnknown: false });
  });

  it('never copies Graph’s error message into what clients see', () => {
    const error = toGatewayError(reply(403), read);
    expect(error.message).not.toContain('m,');
    expect(error.message).toContain('someCode');
  });
});
