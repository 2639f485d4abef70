/**
 * The request id a client may choose, the trace id read from a W3C `traceparent`, and how both
 * reach a log line.
 */
import { describe, expect, it } from 'vitest';
import { requestIdFrom } from '../../packages/gateway/src/logging/request-id.js';
import {
  mergeLogFields,
  requestLogFields,
  runInRequestScope,
} from '../../packages/gateway/src/logging/request-scope.js';
import { traceIdFromTraceparent } from '../../packages/gateway/src/logging/trace-ids.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdFrom', () => {
  it.each(['a', 'ticket-42.a_B', 'x'.repeat(64), '0af7651916cd43dd8448eb211c80319c'])(
    'keeps the client id %s',
    (id) => {
      expect(requestIdFrom(id)).toBe(id);
    },
  );

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['65 characters', 'x'.repeat(65)],
    ['with CR LF', 'abc\r\nx-injected: 1'],
    ['with a space', 'a b'],
    ['with quotes', '"a"'],
    ['with unicode', 'café-☃'],
    ['with a slash', '../etc'],
    ['sent twice', ['a', 'b']],
  ])('replaces an id that is %s with a fresh UUID', (_, header) => {
    const id = requestIdFrom(header);
    expect(id).toMatch(UUID);
    expect(requestIdFrom(header)).not.toBe(id);
  });
});

describe('traceIdFromTraceparent', () => {
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';

  it('reads the trace id of a version 00 header', () => {
    expect(traceIdFromTraceparent(`00-${traceId}-00f067aa0ba902b7-01`)).toBe(traceId);
  });

  it('reads a future version, fields appended included', () => {
    expect(traceIdFromTraceparent(`cc-${traceId}-00f067aa0ba902b7-01-what-comes-next`)).toBe(
      traceId,
    );
  });

  it.each([
    ['absent', undefined],
    ['repeated', [`00-${traceId}-00f067aa0ba902b7-01`]],
    ['version ff', `ff-${traceId}-00f067aa0ba902b7-01`],
    ['version 00 with more fields', `00-${traceId}-00f067aa0ba902b7-01-extra`],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`],
    ['an all-zero parent id', `00-${traceId}-${'0'.repeat(16)}-01`],
    ['upper case', `00-${traceId.toUpperCase()}-00f067aa0ba902b7-01`],
    ['a short trace id', `00-${traceId.slice(1)}-00f067aa0ba902b7-01`],
    ['followed by CR LF', `00-${traceId}-00f067aa0ba902b7-01\r\nx: y`],
    ['huge', `00-${traceId}-00f067aa0ba902b7-01-${'a'.repeat(600)}`],
  ])('ignores a header that is %s', (_, header) => {
    expect(traceIdFromTraceparent(header)).toBeUndefined();
  });
});

describe('the ids the logger adds to a line in a request', () => {
  const scope = {
    requestId: 'req-1',
    incomingTraceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    traceId: undefined,
    operations: [],
    caller: undefined,
    errorCodes: [],
    executed: false,
  };
  const logged = (line: object) =>
    runInRequestScope(scope, () => mergeLogFields(line, requestLogFields(line)));

  it('adds the request id and trace id a line lacks', () => {
    expect(logged({ message: 'retrying' })).toEqual({
      requestId: 'req-1',
      traceId: scope.incomingTraceId,
      message: 'retrying',
    });
  });

  it("keeps a line's own ids and writes that line as it is", () => {
    const line = { requestId: 'own', traceId: 'own-trace', access: true };
    expect(logged(line)).toBe(line);
    expect(line).toEqual({ requestId: 'own', traceId: 'own-trace', access: true });
  });

  it("adds only what is missing, without changing the caller's object", () => {
    const line = { requestId: 'own' };
    expect(logged(line)).toEqual({ requestId: 'own', traceId: scope.incomingTraceId });
    expect(line).toEqual({ requestId: 'own' });
  });

  it('adds nothing outside a request', () => {
    const line = { message: 'started' };
    expect(mergeLogFields(line, requestLogFields(line))).toBe(line);
  });
});
