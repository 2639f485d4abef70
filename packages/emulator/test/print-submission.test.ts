/**
 * Printing through a share as a person, end to end: create → upload session → PUTs (out of
 * order) → start → the trigger's task and its change notification; then every refusal.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, EMULATOR_TOKENS } from '../src/seed.js';
import { useEmulator } from '../src/vitest.js';
import { graphTokenFor } from './entra-tokens.js';
import { type GraphErrorBody, graph } from './graph-http.js';
import { sdkClient } from './sdk-client.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

const env = useEmulator({
  subscriptions: { handshakeTimeoutMs: 300, deliveryTimeoutMs: 300, retryDelaysMs: [50, 100] },
});
const MiB = 1024 * 1024;
const tasksResource = `print/taskDefinitions/${DEMO.taskDefinitionId}/tasks`;

let adele: string;
let megan: string;
beforeAll(async () => {
  adele = await graphTokenFor(env.emulator.url, 'adele');
  megan = await graphTokenFor(env.emulator.url, 'megan');
});

interface CreatedJob {
  id: string;
  displayName: string;
  createdBy: { id: string };
  status: { state: string; details: string[]; description: string };
  documents: { id: string; uploadedDateTime: string | null }[];
}

interface UploadSession {
  uploadUrl: string;
  expirationDateTime: string;
  nextExpectedRanges: string[];
}

const shareJobs = (shareId: string) => `/print/shares/${shareId}/jobs`;

async function createJob(token: string, shareId: string = DEMO.shares.followMe, size = 30) {
  const client = sdkClient(env.emulator.url, token);
  return (await client.api(shareJobs(shareId)).post({
    displayName: 'Quarterly report',
    configuration: { copies: 2, colorMode: 'color' },
    documents: [{ displayName: 'report.pdf', contentType: 'application/pdf', size }],
  })) as CreatedJob;
}

function sessionPath(shareId: string, job: CreatedJob) {
  return `${shareJobs(shareId)}/${job.id}/documents/${job.documents[0]?.id}/createUploadSession`;
}

async function openSession(
  token: string,
  job: CreatedJob,
  size: number,
  shareId: string = DEMO.shares.followMe,
  contentType = 'application/pdf',
) {
  return graph<UploadSession & GraphErrorBody>(
    env.emulator.url,
    'POST',
    sessionPath(shareId, job),
    {
      token,
      json: { properties: { documentName: 'report.pdf', contentType, size } },
    },
  );
}

async function put(
  uploadUrl: string,
  range: string | undefined,
  body: Uint8Array<ArrayBuffer>,
  headers: Record<string, string> = {},
) {
  const response = await fetch(uploadUrl, {
    method: 'PUT',
    headers: { ...(range === undefined ? {} : { 'Content-Range': range }), ...headers },
    body,
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown> & GraphErrorBody,
  };
}

const bytes = (length: number) => new Uint8Array(length).fill(7);

function start(token: string, job: CreatedJob, shareId: string = DEMO.shares.followMe) {
  return graph<Record<string, unknown> & GraphErrorBody>(
    env.emulator.url,
    'POST',
    `${shareJobs(shareId)}/${job.id}/start`,
    { token },
  );
}

describe('printing through the follow-me share', () => {
  let hook: WebhookReceiver;
  beforeEach(async () => {
    hook = await startWebhookReceiver();
  });
  afterEach(() => hook.close());

  it('creates, uploads out of order, starts: the job waits behind a processing task and its notification is delivered', async () => {
    const subscription = await graph(env.emulator.url, 'POST', '/subscriptions', {
      json: {
        changeType: 'created',
        resource: tasksResource,
        notificationUrl: hook.url,
        expirationDateTime: new Date(Date.now() + 60 * 60_000).toISOString(),
        clientState: 'state',
      },
    });
    expect(subscription.status).toBe(201);

    const job = await createJob(adele);
    expect(job).toMatchObject({
      displayName: 'Quarterly report',
      createdBy: { id: DEMO.users.adele.id },
      status: { state: 'paused', details: ['uploadPending'] },
      documents: [{ uploadedDateTime: null }],
    });
    const session = await openSession(adele, job, 30);
    expect(session.status).toBe(200);
    expect(session.body.nextExpectedRanges).toEqual(['0-']);
    expect(session.body.uploadUrl).toMatch(
      new RegExp(`^${env.emulator.url}/_upload/[^?]+\\?tempauth=.+`),
    );
    expect(Date.parse(session.body.expirationDateTime)).toBeGreaterThan(Date.now());

    const { uploadUrl } = session.body;
    const second = await put(uploadUrl, 'bytes 20-29/30', bytes(10));
    expect(second).toMatchObject({ status: 202, body: { nextExpectedRanges: ['0-19'] } });
    const middle = await put(uploadUrl, 'bytes=5-9/30', bytes(5));
    expect(middle).toMatchObject({ status: 202, body: { nextExpectedRanges: ['0-4', '10-19'] } });
    const status = await fetch(uploadUrl);
    expect(await status.json()).toMatchObject({ nextExpectedRanges: ['0-4', '10-19'] });
    expect((await put(uploadUrl, 'bytes 10-19/30', bytes(10))).status).toBe(202);
    const last = await put(uploadUrl, 'bytes 0-4/30', bytes(5));
    expect(last).toMatchObject({
      status: 201,
      body: {
        id: job.documents[0]?.id,
        documentName: 'report.pdf',
        contentType: 'application/pdf',
        size: 30,
      },
    });
    // The session is gone once complete (Graph's upload page).
    expect((await put(uploadUrl, 'bytes 0-4/30', bytes(5))).status).toBe(404);

    const started = await start(adele, job);
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ state: 'paused', details: ['releaseWait'] });

    const task = env.emulator.store.tasksOfJob(job.id)[0];
    expect(task).toMatchObject({ state: 'processing', definitionId: DEMO.taskDefinitionId });
    const [notification] = await hook.waitForNotifications(1);
    expect(notification?.['resource']).toBe(`${tasksResource}/${task?.id}`);
    // Adele's waiting jobs (as myPrintJobs reads them) now include it.
    const listed = await graph<{ value: { id: string; status: { details: string[] } }[] }>(
      env.emulator.url,
      'GET',
      `/print/printers/${DEMO.printers.floor1}/jobs?$filter=createdBy/userPrincipalName eq '${DEMO.users.adele.userPrincipalName}'&$top=100`,
    );
    expect(listed.body.value.find((listedJob) => listedJob.id === job.id)?.status.details).toEqual([
      'releaseWait',
    ]);
    // A retried start changes nothing: still one task.
    expect((await start(adele, job)).status).toBe(200);
    expect(env.emulator.store.tasksOfJob(job.id)).toHaveLength(1);
  });

  it('prints at once on a share whose printer has no trigger', async () => {
    const job = await createJob(adele, DEMO.shares.reception, 4);
    const session = await openSession(adele, job, 4, DEMO.shares.reception);
    expect((await put(session.body.uploadUrl, 'bytes 0-3/4', bytes(4))).status).toBe(201);
    const started = await start(adele, job, DEMO.shares.reception);
    // No release step; printDurationMs is 0 here, so it has already printed.
    expect(started.body).toMatchObject({ state: 'completed', details: ['completedSuccessfully'] });
    expect(env.emulator.store.tasksOfJob(job.id)).toEqual([]);
  });
});

describe('upload refusals', () => {
  async function openedSession(size: number) {
    const job = await createJob(adele, DEMO.shares.followMe, size);
    const session = await openSession(adele, job, size);
    return { job, uploadUrl: session.body.uploadUrl };
  }

  it('answers 400 for a missing, malformed or inverted Content-Range and for the wrong total', async () => {
    const { uploadUrl } = await openedSession(100);
    for (const range of [
      undefined,
      'bytes */100',
      'bytes 0-9',
      'items 0-9/100',
      'bytes 9-0/100',
      'bytes 0-100/100',
      'bytes 0-9/99',
    ]) {
      const reply = await put(uploadUrl, range, bytes(10));
      expect(reply.status, String(range)).toBe(400);
      expect(reply.body.error.code).toBe('invalidRequest');
    }
    // Content-Length that does not match the range.
    expect((await put(uploadUrl, 'bytes 0-19/100', bytes(10))).status).toBe(400);
  });

  it('answers 416 for bytes that overlap what arrived, and keeps the session usable', async () => {
    const { uploadUrl } = await openedSession(100);
    expect((await put(uploadUrl, 'bytes 10-19/100', bytes(10))).status).toBe(202);
    const overlap = await put(uploadUrl, 'bytes 15-24/100', bytes(10));
    expect(overlap.status).toBe(416);
    const status = (await (await fetch(uploadUrl)).json()) as UploadSession;
    expect(status.nextExpectedRanges).toEqual(['0-9', '20-99']);
  });

  it('answers 413 for a request of 10 MiB or more, and takes 10 MiB − 1', async () => {
    const size = 20 * MiB;
    const { uploadUrl } = await openedSession(size);
    const tooLarge = await put(uploadUrl, `bytes 0-${10 * MiB - 1}/${size}`, bytes(10 * MiB));
    expect(tooLarge.status).toBe(413);
    const largest = await put(uploadUrl, `bytes 0-${10 * MiB - 2}/${size}`, bytes(10 * MiB - 1));
    expect(largest).toMatchObject({
      status: 202,
      body: { nextExpectedRanges: [`${10 * MiB - 1}-${size - 1}`] },
    });
  });

  it('answers 404 once the session expired, 401 for a wrong tempauth or an Authorization header', async () => {
    const { uploadUrl } = await openedSession(10);
    const url = new URL(uploadUrl);
    url.searchParams.set('tempauth', 'forged');
    expect((await put(url.toString(), 'bytes 0-9/10', bytes(10))).status).toBe(401);
    url.searchParams.delete('tempauth');
    expect((await put(url.toString(), 'bytes 0-9/10', bytes(10))).status).toBe(401);
    const withBearer = await put(uploadUrl, 'bytes 0-9/10', bytes(10), {
      Authorization: `Bearer ${adele}`,
    });
    expect(withBearer.status).toBe(401);
    env.emulator.uploads.expireAll();
    const expired = await put(uploadUrl, 'bytes 0-9/10', bytes(10));
    expect(expired.status).toBe(404);
    expect(expired.body.error.code).toBe('itemNotFound');
  });

  it("refuses a content type the share does not list, a size over 1 GiB, and someone else's job", async () => {
    const job = await createJob(adele, DEMO.shares.reception, 10);
    const oxps = await openSession(adele, job, 10, DEMO.shares.reception, 'application/oxps');
    expect(oxps.status).toBe(400);
    expect(oxps.body.error.message).toContain('application/pdf');
    const huge = await openSession(adele, job, 1024 ** 3 + 1, DEMO.shares.reception);
    expect(huge.status).toBe(400);
    expect((await openSession(megan, job, 10, DEMO.shares.reception)).status).toBe(403);
    expect(
      (await openSession(EMULATOR_TOKENS.gatewayApp, job, 10, DEMO.shares.reception)).status,
    ).toBe(403);
  });
});

describe('start before the upload completes', () => {
  it('answers 400 naming the missing ranges in innerError.nextExpectedRanges', async () => {
    const job = await createJob(adele, DEMO.shares.followMe, 100);
    const before = await start(adele, job);
    expect(before.status).toBe(400);
    expect(before.body.error.innerError).toMatchObject({ nextExpectedRanges: ['0-99'] });
    const session = await openSession(adele, job, 100);
    await put(session.body.uploadUrl, 'bytes 40-59/100', bytes(20));
    const partial = await start(adele, job);
    expect(partial.status).toBe(400);
    expect(partial.body.error.innerError).toMatchObject({ nextExpectedRanges: ['0-39', '60-99'] });
    expect(env.emulator.store.tasksOfJob(job.id)).toEqual([]);
  });
});

describe('delegated-only submission calls', () => {
  it("refuse app tokens with 403 and someone else's job with 403", async () => {
    const created = await graph<GraphErrorBody>(
      env.emulator.url,
      'POST',
      shareJobs(DEMO.shares.followMe),
      {
        json: { documents: [{ displayName: 'a.pdf', contentType: 'application/pdf' }] },
      },
    );
    expect(created.status).toBe(403);
    const job = await createJob(adele);
    expect((await start(EMULATOR_TOKENS.gatewayApp, job)).status).toBe(403);
    expect((await start(megan, job)).status).toBe(403);
  });

  it('validate the job body: exactly one document with a name and a content type', async () => {
    for (const body of [
      {},
      { documents: [] },
      { documents: [{ displayName: 'a.pdf' }] },
      {
        documents: [
          { displayName: 'a.pdf', contentType: 'application/pdf' },
          { displayName: 'b.pdf', contentType: 'application/pdf' },
        ],
      },
      {
        documents: [{ displayName: 'a.pdf', contentType: 'application/pdf' }],
        configuration: { copies: 'two' },
      },
    ]) {
      const reply = await graph(env.emulator.url, 'POST', shareJobs(DEMO.shares.followMe), {
        token: adele,
        json: body,
      });
      expect(reply.status, JSON.stringify(body)).toBe(400);
    }
    const unknownShare = await graph(env.emulator.url, 'POST', shareJobs('nope'), {
      token: adele,
      json: { documents: [{ displayName: 'a.pdf', contentType: 'application/pdf' }] },
    });
    expect(unknownShare.status).toBe(404);
  });
});

describe('cancel', () => {
  const cancelPath = (jobId: string) =>
    `/print/printers/${DEMO.printers.floor1}/jobs/${jobId}/cancel`;

  it("cancels the person's own job (204), refuses someone else's (403) and an app token (403)", async () => {
    const own = await graph(env.emulator.url, 'POST', cancelPath(DEMO.jobs.floor1WaitingAdele), {
      token: adele,
    });
    expect(own.status).toBe(204);
    expect(env.emulator.store.job(DEMO.jobs.floor1WaitingAdele)?.phase.kind).toBe('canceled');
    const others = await graph<GraphErrorBody>(
      env.emulator.url,
      'POST',
      cancelPath(DEMO.jobs.floor1WaitingMegan),
      { token: adele },
    );
    expect(others.status).toBe(403);
    expect(env.emulator.store.job(DEMO.jobs.floor1WaitingMegan)?.phase.kind).toBe('releaseWait');
    const app = await graph(env.emulator.url, 'POST', cancelPath(DEMO.jobs.floor1WaitingMegan), {
      token: EMULATOR_TOKENS.gatewayApp,
    });
    expect(app.status).toBe(403);
  });

  it('cancels a job created on a share before it started', async () => {
    const job = await createJob(megan);
    expect(
      (await graph(env.emulator.url, 'POST', cancelPath(job.id), { token: megan })).status,
    ).toBe(204);
    expect((await start(megan, job)).status).toBe(400);
  });
});
