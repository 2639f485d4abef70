/**
 * redirectPrintJob against the emulator, with real callers: the new job on the destination, the
 * exact body Graph received, ownership, permissions, the audit line, and a redirect that is
 * never resent after an ambiguous failure.
 */

import { DEMO } from '@universal-print-gateway/emulator';
import { describe, expect, it } from 'vitest';
import { PrintTaskDocument, RedirectPrintJobDocument } from '../__generated__/graphql.js';
import { CALLERS_OVER_HTTP, PEOPLE, useTestGateway } from '../helpers/test-gateway.js';

const env = useTestGateway(CALLERS_OVER_HTTP);
const { floor1, direct, floor2Colour } = DEMO.printers;
const ADELES = DEMO.jobs.floor1WaitingAdele;
const MEGANS = DEMO.jobs.floor1WaitingMegan;
const redirectPath = (job: string) => `/print/printers/${floor1}/jobs/${job}/redirect`;
const redirectsSent = (job: string) =>
  env.emulator.requests.entries().filter((entry) => entry.path === redirectPath(job));

describe('redirectPrintJob', () => {
  it('answers the new job on the destination and sends Graph exactly the documented body', async () => {
    const result = await env.execute('stationApp', RedirectPrintJobDocument, {
      input: {
        printerId: floor1,
        printJobId: ADELES,
        destinationPrinterId: floor2Colour,
        configuration: { copies: 2, colorMode: 'COLOR', duplexMode: 'ONE_SIDED', mediaSize: null },
      },
    });

    // Colour, one-sided, two copies: all the colour device can do (its capabilities are read).
    const answer = result.data?.redirectPrintJob;
    expect(answer?.__typename).toBe('RedirectPrintJobSuccess');
    const job = answer?.__typename === 'RedirectPrintJobSuccess' ? answer.printJob : undefined;
    expect(job?.id).not.toBe(ADELES);
    expect(job?.printerId).toBe(floor2Colour);
    expect(job?.createdBy?.id).toBe(PEOPLE.adele);
    expect(job?.redirectedFrom).toMatch(new RegExp(`/print/printers/${floor1}/jobs/${ADELES}$`));
    expect(env.writesSent().map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      {
        method: 'POST',
        path: redirectPath(ADELES),
        // A null field is left out: "no preference" keeps the job's own value.
        body: {
          destinationPrinterId: floor2Colour,
          configuration: { copies: 2, colorMode: 'color', duplexMode: 'oneSided' },
        },
      },
    ]);

    const task = await env.execute('stationApp', PrintTaskDocument, {
      taskDefinitionId: DEMO.taskDefinitionId,
      id: DEMO.tasks.floor1WaitingAdele,
    });
    const printTask = task.data?.printTask;
    expect(printTask?.__typename === 'PrintTask' && printTask.status.state).toBe('COMPLETED');

    expect(env.auditLines()).toEqual([
      expect.objectContaining({
        operation: 'redirectPrintJob',
        target: {
          printerId: floor1,
          printJobId: ADELES,
          destinationPrinterId: floor2Colour,
          redirectedPrintJobId: job?.id,
        },
        outcome: 'RedirectPrintJobSuccess',
        graphRequestId: expect.any(String),
      }),
    ]);
  });

  it('leaves configuration out of the body when none is given; a person reads the job first', async () => {
    const result = await env.execute('adele', RedirectPrintJobDocument, {
      input: { printerId: floor1, printJobId: ADELES, destinationPrinterId: direct },
    });

    expect(result.data?.redirectPrintJob.__typename).toBe('RedirectPrintJobSuccess');
    expect(env.writesSent().map((write) => write.body)).toEqual([{ destinationPrinterId: direct }]);
    expect(env.upstreamByMethod()).toMatchObject({ getItems: 0, writeItems: 0, direct: 2 });
  });

  it('answers ConflictError for a job without a processing task', async () => {
    const result = await env.execute('stationApp', RedirectPrintJobDocument, {
      input: {
        printerId: floor1,
        printJobId: DEMO.jobs.floor1Completed,
        destinationPrinterId: direct,
      },
    });

    expect(result.data?.redirectPrintJob).toMatchObject({
      __typename: 'ConflictError',
      code: 'CONFLICT',
      requestId: expect.any(String),
    });
  });

  it("hides another person's job as not found and sends no write", async () => {
    const result = await env.execute('adele', RedirectPrintJobDocument, {
      input: { printerId: floor1, printJobId: MEGANS, destinationPrinterId: direct },
    });

    expect(result.data?.redirectPrintJob).toMatchObject({
      __typename: 'NotFoundError',
      requestId: null,
    });
    expect(env.writesSent()).toEqual([]);
    expect(env.auditLines().map((line) => line['outcome'])).toEqual(['NOT_FOUND']);
  });

  it('refuses a read-only caller before anything is sent, and audits the refusal', async () => {
    const result = await env.execute('dashboardApp', RedirectPrintJobDocument, {
      input: { printerId: floor1, printJobId: ADELES, destinationPrinterId: direct },
    });

    expect(result.data?.redirectPrintJob.__typename).toBe('ForbiddenError');
    expect(env.emulator.requests.entries()).toEqual([]);
    expect(env.auditLines()).toEqual([
      expect.objectContaining({
        operation: 'redirectPrintJob',
        target: { printerId: floor1, printJobId: ADELES, destinationPrinterId: direct },
        outcome: 'FORBIDDEN',
      }),
    ]);
  });

  it.each([
    { field: 'copies', configuration: { copies: 1000 } },
    { field: 'colorMode', configuration: { colorMode: 'UNKNOWN_FUTURE_VALUE' as const } },
    { field: 'pageRanges', configuration: { pageRanges: [{ start: 3, end: 2 }] } },
  ])('rejects $field out of bounds before anything is sent', async ({ field, configuration }) => {
    const result = await env.execute('stationApp', RedirectPrintJobDocument, {
      input: { printerId: floor1, printJobId: ADELES, destinationPrinterId: direct, configuration },
    });

    const answer = result.data?.redirectPrintJob;
    expect(answer?.__typename).toBe('InvalidInputError');
    const paths =
      answer?.__typename === 'InvalidInputError'
        ? answer.issues.map((issue) => issue.path.join('.'))
        : [];
    expect(paths[0]).toMatch(new RegExp(`^input\\.configuration\\.${field}`));
    expect(env.emulator.requests.entries()).toEqual([]);
  });

  it.each([
    { fault: '503', rule: { status: 503 }, code: 'UPSTREAM_UNAVAILABLE', answered: 1 },
    { fault: '504', rule: { status: 504 }, code: 'UPSTREAM_TIMEOUT', answered: 1 },
    // The only attempt hangs past the gateway's 5 s timeout; a resend would be answered 200.
    { fault: 'a timeout', rule: { hang: true, times: 1 }, code: 'UPSTREAM_TIMEOUT', answered: 0 },
  ])(
    'after $fault: outcomeUnknown, and the redirect was sent once',
    async ({ rule, code, answered }) => {
      env.emulator.faults.add({ method: 'POST', path: '/redirect$', ...rule });

      const result = await env.execute('stationApp', RedirectPrintJobDocument, {
        input: { printerId: floor1, printJobId: ADELES, destinationPrinterId: direct },
      });

      expect(result.data?.redirectPrintJob).toMatchObject({
        __typename: 'UpstreamUnavailableError',
        code,
        outcomeUnknown: true,
      });
      expect(redirectsSent(ADELES)).toHaveLength(answered);
      expect(env.auditLines().map((line) => line['outcome'])).toEqual([code]);
    },
    15_000,
  );
});
