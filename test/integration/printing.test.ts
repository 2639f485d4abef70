/**
 * Printing from an app (issue 22, item 2) end to end: the four fields through the in-process
 * gateway, the real Graph SDK over real sockets to the emulator, a person's token from the
 * emulator's Entra, and the on-behalf-of exchange at that same Entra (over TLS, as
 * @azure/identity needs; test/helpers/entra-over-tls.ts). The emulator's request log says which
 * token each Graph call carried and what was written; its Entra counts the exchanges.
 */
import { DEMO, type RecordedRequest } from '@universal-print-gateway/emulator';
import { describe, expect, it } from 'vitest';
import {
  CALLERS_OVER_HTTP,
  type CallerName,
  PEOPLE,
  useTestGateway,
} from '../helpers/test-gateway.js';

const env = useTestGateway({
  ...CALLERS_OVER_HTTP,
  personScopes: ['Print.Release', 'Print.Submit'],
  onBehalfOf: true,
});

const FOLLOW_ME = DEMO.shares.followMe;
const SIZE = 1_000;

const SHARES = `query { printerShares(first: 10) {
  __typename
  ... on Error { code message }
  ... on PrinterShareConnection { edges { node {
    id displayName isAcceptingJobs location { building }
    capabilities { contentTypes colorModes duplexModes }
  } } }
} }`;
const CREATE = `mutation ($input: CreatePrintJobInput!) { createPrintJob(input: $input) {
  __typename
  ... on Error { code message }
  ... on InvalidInputError { issues { path message } }
  ... on CreatePrintJobSuccess {
    printJob { id printerId }
    upload { uploadUrl nextExpectedRanges maxBytesPerRequest }
  }
} }`;
const START = `mutation ($input: StartPrintJobInput!) { startPrintJob(input: $input) {
  __typename
  ... on Error { code message }
  ... on UploadIncompleteError { nextExpectedRanges }
  ... on StartPrintJobSuccess { status { state } }
} }`;
const CANCEL = `mutation ($input: CancelPrintJobInput!) { cancelPrintJob(input: $input) {
  __typename
  ... on Error { code message }
  ... on CancelPrintJobSuccess { printJob { id } }
} }`;
const MY_JOBS = `query { myPrintJobs(first: 50) {
  ... on WaitingPrintJobConnection { edges { node { id printerId } } }
} }`;

const pdf = (overrides: Record<string, unknown> = {}) => ({
  printerShareId: FOLLOW_ME,
  displayName: 'Quarterly report',
  document: { name: 'report.pdf', contentType: 'application/pdf', size: SIZE },
  ...overrides,
});

interface Created {
  printJob: { id: string; printerId: string };
  upload: { uploadUrl: string; nextExpectedRanges: string[]; maxBytesPerRequest: number };
}

async function create(caller: CallerName, input: Record<string, unknown> = pdf()) {
  const result = await env.execute<{ createPrintJob: { __typename: string } & Created }, unknown>(
    caller,
    CREATE,
    { input },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.createPrintJob;
}

/** What a client does with uploadUrl: PUT the bytes, no Authorization header. */
const put = (uploadUrl: string, first: number, last: number) =>
  fetch(uploadUrl, {
    method: 'PUT',
    headers: { 'content-range': `bytes ${first}-${last}/${SIZE}` },
    body: new Uint8Array(last - first + 1),
  });

const start = (caller: CallerName, printJobId: string) =>
  env.execute<{ startPrintJob: Record<string, unknown> }, unknown>(caller, START, {
    input: { printerShareId: FOLLOW_ME, printJobId },
  });

const cancel = (caller: CallerName, printerId: string, printJobId: string) =>
  env.execute<{ cancelPrintJob: Record<string, unknown> }, unknown>(caller, CANCEL, {
    input: { printerId, printJobId },
  });

const graphLog = () => env.emulator.requests.entries();
/** The Graph calls that wrote: a direct write, or a write inside a `$batch` envelope. */
const writes = () => env.writesSent().map((entry) => `${entry.method} ${entry.path}`);
const whose = (entry: RecordedRequest) =>
  entry.caller?.kind === 'user' ? entry.caller.userId : entry.caller?.kind;
const exchanges = () => env.emulator.entra.hits().onBehalfOf;

describe('printing from an app, through the emulator', () => {
  it("lists the shares the person can print to, read with that person's own Graph token", async () => {
    const result = await env.execute<{ printerShares: Record<string, unknown> }, unknown>(
      'adele',
      SHARES,
    );
    expect(result.data?.printerShares).toMatchObject({
      __typename: 'PrinterShareConnection',
      edges: [
        {
          node: {
            id: FOLLOW_ME,
            displayName: 'Follow-me printing',
            isAcceptingJobs: true,
            location: { building: 'Contoso HQ' },
            capabilities: {
              contentTypes: ['application/pdf', 'application/oxps'],
              colorModes: expect.arrayContaining(['COLOR']),
              duplexModes: expect.arrayContaining(['FLIP_ON_LONG_EDGE']),
            },
          },
        },
        { node: { id: DEMO.shares.reception } },
      ],
    });
    const reads = graphLog().filter((entry) => entry.path === '/print/shares');
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.map(whose)).toEqual(reads.map(() => PEOPLE.adele));
    expect(exchanges()).toEqual({ [PEOPLE.adele]: 1 });
    expect(env.personTokens.exchanges).toBe(1);
  });

  it('creates, uploads to uploadUrl, refuses an early start with the missing ranges, starts, and the job waits in myPrintJobs', async () => {
    const created = await create('adele');
    expect(created).toMatchObject({
      __typename: 'CreatePrintJobSuccess',
      printJob: { printerId: DEMO.printers.floor1 },
      upload: { nextExpectedRanges: ['0-'], maxBytesPerRequest: 10 * 1024 * 1024 - 1 },
    });
    const { printJob, upload } = created as Created;
    // The bytes go to the emulator's URL, never through the gateway.
    expect(new URL(upload.uploadUrl).origin).toBe(env.emulator.url);
    expect((await put(upload.uploadUrl, 0, 399)).status).toBe(202);

    const early = await start('adele', printJob.id);
    expect(early.data?.startPrintJob).toEqual({
      __typename: 'UploadIncompleteError',
      code: 'UPLOAD_INCOMPLETE',
      message: expect.any(String),
      nextExpectedRanges: [`400-${SIZE - 1}`],
    });

    expect((await put(upload.uploadUrl, 400, SIZE - 1)).status).toBe(201);
    const started = await start('adele', printJob.id);
    expect(started.data?.startPrintJob).toMatchObject({ __typename: 'StartPrintJobSuccess' });

    const mine = await env.execute<{ myPrintJobs: { edges: Array<{ node: unknown }> } }, unknown>(
      'adele',
      MY_JOBS,
    );
    expect(mine.data?.myPrintJobs.edges.map((edge) => edge.node)).toContainEqual({
      id: printJob.id,
      printerId: DEMO.printers.floor1,
    });
    // Every printing call carried Adele's own Graph token, from one exchange.
    const printing = graphLog().filter((entry) => entry.path.startsWith('/print/shares'));
    expect(printing.map(whose)).toEqual(printing.map(() => PEOPLE.adele));
    expect(exchanges()).toEqual({ [PEOPLE.adele]: 1 });
  });

  it('a content type the share does not list: InvalidInputError naming it, and nothing written to Graph', async () => {
    const refused = await create(
      'adele',
      pdf({ document: { name: 'photo.png', contentType: 'image/png', size: SIZE } }),
    );
    expect(refused).toMatchObject({
      __typename: 'InvalidInputError',
      issues: [
        {
          path: ['input', 'document', 'contentType'],
          message: expect.stringContaining('application/pdf, application/oxps'),
        },
      ],
    });
    expect(writes()).toEqual([]);
  });

  it('with an idempotencyKey, a retried create answers the same job and upload: one job on Graph', async () => {
    const input = pdf({ idempotencyKey: 'print-retry-0001' });
    const first = await create('adele', input);
    const again = await create('adele', input);
    expect(first?.__typename).toBe('CreatePrintJobSuccess');
    expect(again).toEqual(first);
    expect(
      writes().filter((write) => write === `POST /print/shares/${FOLLOW_ME}/jobs`),
    ).toHaveLength(1);
  });

  it("cancels the person's own job; someone else's is not found and nothing is sent", async () => {
    const { printJob } = (await create('adele')) as Created;
    const path = `/print/printers/${printJob.printerId}/jobs/${printJob.id}/cancel`;

    const megans = await cancel('megan', printJob.printerId, printJob.id);
    expect(megans.data?.cancelPrintJob).toMatchObject({ __typename: 'NotFoundError' });
    expect(writes()).not.toContain(`POST ${path}`);

    const own = await cancel('adele', printJob.printerId, printJob.id);
    expect(own.data?.cancelPrintJob).toMatchObject({
      __typename: 'CancelPrintJobSuccess',
      printJob: { id: printJob.id },
    });
    const sent = graphLog().filter((entry) => entry.method === 'POST' && entry.path === path);
    expect(sent.map(whose)).toEqual([PEOPLE.adele]);
  });

  it.each(['stationKey', 'stationApp'] as const)(
    '%s: ForbiddenError, with no call to Entra or Graph',
    async (caller) => {
      const asked = await Promise.all([
        env.execute(caller, CREATE, { input: pdf() }),
        env.execute(caller, SHARES),
        start(caller, 'job-1'),
        cancel(caller, DEMO.printers.floor1, 'job-1'),
      ]);
      const answers = asked.map((answer) => Object.values(answer.data ?? {})[0]);
      expect(answers).toEqual(
        Array.from({ length: 4 }, () =>
          expect.objectContaining({ __typename: 'ForbiddenError', code: 'FORBIDDEN' }),
        ),
      );
      expect(graphLog()).toEqual([]);
      expect(exchanges()).toEqual({});
    },
  );
});
