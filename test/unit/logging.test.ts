/**
 * The logger's line: its shape, what it censors, the ids it adds inside a request scope (the
 * active span's trace id before the caller's `traceparent`), and the audit line written through it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  type Context,
  type ContextManager,
  context,
  ROOT_CONTEXT,
  TraceFlags,
  trace,
} from '@opentelemetry/api';
import { generateKeyPair, SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuditLog } from '../../packages/gateway/src/audit/audit-log.js';
import {
  type RequestScope,
  runInRequestScope,
} from '../../packages/gateway/src/logging/request-scope.js';
import { memoryLogger } from '../helpers/memory-logger.js';

function scope(fields: Partial<RequestScope> = {}): RequestScope {
  return {
    requestId: 'req-1',
    incomingTraceId: undefined,
    traceId: undefined,
    operations: [],
    caller: undefined,
    errorCodes: [],
    executed: false,
    ...fields,
  };
}

/** A signed JWT in the shape of an Entra access token: what a leak would look like. */
async function realToken(): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT({ oid: 'someone', scp: 'Print.Release' })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
}

describe('the log line', () => {
  it('is one JSON object with an ISO time, a level label and a message', () => {
    const { logger, lines } = memoryLogger();
    logger.warn({ code: 'X' }, 'something');

    expect(lines).toEqual([
      {
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        level: 'warn',
        message: 'something',
        code: 'X',
      },
    ]);
  });

  it('writes nothing below its level', () => {
    const { logger, lines } = memoryLogger('warn');
    logger.info('dropped');
    logger.debug('dropped');
    logger.error('kept');

    expect(lines.map((line) => line.message)).toEqual(['kept']);
  });

  it('censors tokens, secrets, keys, cookies and authorization headers at any depth a log call uses', async () => {
    const token = await realToken();
    const { logger, lines } = memoryLogger();
    logger.info(
      {
        authorization: `Bearer ${token}`,
        token,
        clientSecret: 'the-client-secret-value',
        headers: { authorization: `Bearer ${token}`, cookie: 'session=abc', 'x-api-key': 'k-123' },
        request: { headers: { Authorization: `Bearer ${token}`, 'set-cookie': 'a=b' } },
        credentials: { access_token: token, apiKey: 'service-key-0123456789' },
        kept: 'visible',
      },
      'with secrets',
    );

    const text = JSON.stringify(lines);
    for (const secret of [token, 'the-client-secret-value', 'session=abc', 'k-123', 'a=b']) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain('service-key-0123456789');
    expect(text).not.toMatch(/Bearer/);
    expect(lines[0]).toMatchObject({
      authorization: '[redacted]',
      headers: { authorization: '[redacted]', cookie: '[redacted]' },
      request: { headers: { Authorization: '[redacted]' } },
      kept: 'visible',
    });
  });
});

describe('inside a request scope', () => {
  it('every line carries the request id, and the trace id of the incoming traceparent', async () => {
    const { logger, lines } = memoryLogger();
    logger.info('before');
    await runInRequestScope(scope({ incomingTraceId: 'a'.repeat(32) }), async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.info('after an await');
    });
    logger.info('after');

    expect(lines).toEqual([
      expect.not.objectContaining({ requestId: expect.anything() }),
      expect.objectContaining({
        message: 'after an await',
        requestId: 'req-1',
        traceId: 'a'.repeat(32),
      }),
      expect.not.objectContaining({ requestId: expect.anything() }),
    ]);
  });

  it('has no trace id when no span is active and no traceparent came', () => {
    const { logger, lines } = memoryLogger();
    runInRequestScope(scope(), () => logger.info('plain'));

    expect(lines[0]).toMatchObject({ requestId: 'req-1' });
    expect(lines[0]).not.toHaveProperty('traceId');
  });

  it('writes the audit line of a write through the logger, with both ids and without a second time field', () => {
    const { logger, lines } = memoryLogger();
    const audit = createAuditLog(logger);
    runInRequestScope(scope({ incomingTraceId: 'b'.repeat(32) }), () =>
      audit.record({
        operation: 'abortPrintJob',
        caller: { kind: 'service-key', name: 'station', permissions: ['Print.Release.All'] },
        onBehalfOf: null,
        target: { printerId: 'p', printJobId: '1' },
        outcome: 'AbortPrintJobSuccess',
        graphRequestId: 'g-1',
      }),
    );

    expect(lines).toEqual([
      {
        time: expect.any(String),
        level: 'info',
        message: 'audit',
        requestId: 'req-1',
        traceId: 'b'.repeat(32),
        audit: true,
        operation: 'abortPrintJob',
        caller: { kind: 'service-key', name: 'station' },
        target: { printerId: 'p', printJobId: '1' },
        outcome: 'AbortPrintJobSuccess',
        graphRequestId: 'g-1',
      },
    ]);
  });
});

/**
 * The smallest context manager: what the OpenTelemetry SDK installs, so that `context.with`
 * makes a span active for everything that runs inside it.
 */
class AsyncContextManager implements ContextManager {
  private readonly storage = new AsyncLocalStorage<Context>();
  active(): Context {
    return this.storage.getStore() ?? ROOT_CONTEXT;
  }
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    active: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    return this.storage.run(active, () => fn.call(thisArg, ...args));
  }
  bind<T>(_context: Context, target: T): T {
    return target;
  }
  enable(): this {
    return this;
  }
  disable(): this {
    this.storage.disable();
    return this;
  }
}

describe('with tracing on', () => {
  afterEach(() => context.disable());

  it("takes the trace id of the active span over the caller's traceparent", () => {
    context.setGlobalContextManager(new AsyncContextManager());
    const span = trace.wrapSpanContext({
      traceId: 'c'.repeat(32),
      spanId: 'd'.repeat(16),
      traceFlags: TraceFlags.SAMPLED,
    });
    const { logger, lines } = memoryLogger();

    runInRequestScope(scope({ incomingTraceId: 'a'.repeat(32) }), () => {
      context.with(trace.setSpan(context.active(), span), () => logger.info('in a span'));
      logger.info('outside the span');
    });

    expect(lines.map((line) => line['traceId'])).toEqual(['c'.repeat(32), 'a'.repeat(32)]);
  });
});
