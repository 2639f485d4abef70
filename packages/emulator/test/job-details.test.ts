import type { GraphError } from '@microsoft/microsoft-graph-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENTRA } from '../src/entra/entra-seed.js';
import type { EmulatorPrintJob, GraphPrintDocument, GraphPrintJob } from '../src/graph-shapes.js';
import { DEMO, EMULATOR_TOKENS } from '../src/seed.js';
import { useEmulator } from '../src/vitest.js';
import { admin, type Entity } from './graph-http.js';
import { type Paged, sdkClient } from './sdk-client.js';

const GRAPH_METADATA = 'https://graph.microsoft.com/v1.0/$metadata';
const floor1Jobs = `/print/printers/${DEMO.printers.floor1}/jobs`;
const adeleJob = `${floor1Jobs}/${DEMO.jobs.floor1WaitingAdele}`;

const env = useEmulator();
let client: ReturnType<typeof sdkClient>;

beforeAll(() => {
  client = sdkClient(env.emulator.url, EMULATOR_TOKENS.gatewayApp);
});

describe('job configuration', () => {
  it('answers every printJobConfiguration field Graph lists', async () => {
    const job = (await client.api(adeleJob).get()) as GraphPrintJob;
    expect(Object.keys(job.configuration).sort()).toEqual(
      [
        'collate',
        'colorMode',
        'copies',
        'dpi',
        'duplexMode',
        'feedOrientation',
        'finishings',
        'fitPdfToPage',
        'inputBin',
        'margin',
        'mediaSize',
        'mediaType',
        'multipageLayout',
        'orientation',
        'outputBin',
        'pageRanges',
        'pagesPerSheet',
        'quality',
        'scaling',
      ].sort(),
    );
    expect(job.configuration).toMatchObject({ copies: 1, mediaSize: 'A4', pageRanges: [] });
  });

  it("seeds Adele's floor-2 photo in colour", async () => {
    const job = (await client
      .api(`/print/printers/${DEMO.printers.floor2}/jobs/${DEMO.jobs.floor2WaitingAdele}`)
      .get()) as GraphPrintJob;
    expect(job.configuration).toMatchObject({ colorMode: 'color', duplexMode: 'oneSided' });
  });
});

describe('job documents', () => {
  it('expands the one document on a list, together with tasks and their definitions', async () => {
    const page = (await client
      .api(`${floor1Jobs}?$expand=documents,tasks($expand=definition)`)
      .get()) as Paged<GraphPrintJob>;
    const job = page.value.find((candidate) => candidate.id === DEMO.jobs.floor1WaitingAdele);
    expect(job?.documents).toEqual([
      {
        id: `d0c0ffee-0000-4000-8000-00000000${DEMO.jobs.floor1WaitingAdele}`,
        displayName: 'Q3 budget review.pdf',
        contentType: 'application/oxps',
        size: 48_213 + Number(DEMO.jobs.floor1WaitingAdele),
        uploadedDateTime: job?.createdDateTime,
        downloadedDateTime: null,
      },
    ]);
    expect(job?.tasks?.[0]?.definition?.id).toBe(DEMO.taskDefinitionId);
    expect(page.value.every((candidate) => candidate.documents?.length === 1)).toBe(true);
  });

  it('leaves documents out unless expanded', async () => {
    const job = (await client.api(adeleJob).get()) as GraphPrintJob;
    expect(job).not.toHaveProperty('documents');
  });

  it('lists a job documents as a collection and gets one by id', async () => {
    const page = (await client.api(`${adeleJob}/documents`).get()) as Paged<GraphPrintDocument>;
    expect(page['@odata.context']).toBe(
      `${GRAPH_METADATA}#print/printers('${DEMO.printers.floor1}')/jobs('${DEMO.jobs.floor1WaitingAdele}')/documents`,
    );
    expect(page.value).toHaveLength(1);
    expect(page).not.toHaveProperty('@odata.nextLink');
    const id = page.value[0]?.id ?? '';
    const one = (await client
      .api(`${adeleJob}/documents/${id}`)
      .get()) as Entity<GraphPrintDocument>;
    expect(one['@odata.context']).toBe(
      `${GRAPH_METADATA}#print/printers('${DEMO.printers.floor1}')/jobs('${DEMO.jobs.floor1WaitingAdele}')/documents/$entity`,
    );
    expect(one.displayName).toBe('Q3 budget review.pdf');
  });

  it('answers 404 for an unknown document or a job under another printer', async () => {
    for (const path of [
      `${adeleJob}/documents/nope`,
      `${floor1Jobs}/${DEMO.jobs.floor2WaitingMegan}/documents`,
    ]) {
      const failure: unknown = await client
        .api(path)
        .get()
        .catch((error: unknown) => error);
      expect((failure as GraphError).statusCode).toBe(404);
      expect((failure as GraphError).code).toBe('itemNotFound');
    }
  });

  it('counts a document as downloaded once the printer acknowledged the job', async () => {
    const page = (await client
      .api(`/print/printers/${DEMO.printers.direct}/jobs/${DEMO.jobs.directCompleted}/documents`)
      .get()) as Paged<GraphPrintDocument>;
    expect(page.value[0]?.downloadedDateTime).toEqual(expect.any(String));
  });
});

describe('POST /_emulator/jobs with details', () => {
  it('takes document name, content type, size and configuration', async () => {
    const reply = await admin<EmulatorPrintJob>(env.emulator.url, 'POST', '/_emulator/jobs', {
      printerId: DEMO.printers.floor1,
      documentName: 'Poster.pdf',
      contentType: 'application/pdf',
      size: 1_234_567,
      configuration: { copies: 4, mediaSize: 'A3', orientation: 'landscape' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body.configuration).toMatchObject({
      copies: 4,
      mediaSize: 'A3',
      orientation: 'landscape',
      colorMode: 'blackAndWhite',
    });
    const job = (await client
      .api(`${floor1Jobs}/${reply.body.id}?$expand=documents`)
      .get()) as GraphPrintJob;
    expect(job.documents?.[0]).toMatchObject({
      displayName: 'Poster.pdf',
      contentType: 'application/pdf',
      size: 1_234_567,
    });
  });

  it('creates a job for Megan by user id, with her Entra object id as createdBy.id', async () => {
    const reply = await admin<EmulatorPrintJob>(env.emulator.url, 'POST', '/_emulator/jobs', {
      printerId: DEMO.printers.floor2,
      userId: ENTRA.people.megan.objectId,
    });
    expect(reply.status).toBe(201);
    expect(reply.body.createdBy).toEqual({
      id: ENTRA.people.megan.objectId,
      displayName: 'Megan Bowen',
      userPrincipalName: ENTRA.people.megan.userPrincipalName,
    });
  });

  it('submits a backlog with count and answers {value:[…]} in submission order', async () => {
    const reply = await admin<{ value: EmulatorPrintJob[] }>(
      env.emulator.url,
      'POST',
      '/_emulator/jobs',
      { printerId: DEMO.printers.floor1, userId: DEMO.users.adele.id, count: 25 },
    );
    expect(reply.status).toBe(201);
    expect(reply.body.value).toHaveLength(25);
    const ids = reply.body.value.map((job) => Number(job.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(reply.body.value.every((job) => job.tasks[0]?.status.state === 'processing')).toBe(true);
  });

  it('answers 400 for a bad count, size or configuration and 404 for an unknown user id', async () => {
    const post = (body: object) =>
      admin(env.emulator.url, 'POST', '/_emulator/jobs', {
        printerId: DEMO.printers.floor1,
        ...body,
      });
    for (const body of [
      { count: 0 },
      { count: 501 },
      { count: '3' },
      { size: -1 },
      { contentType: '' },
      { configuration: { copies: 'two' } },
      { configuration: { unknownField: true } },
    ]) {
      expect([body, (await post(body)).status]).toEqual([body, 400]);
    }
    expect((await post({ userId: 'not-a-user' })).status).toBe(404);
  });
});
