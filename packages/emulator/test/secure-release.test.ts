import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphPrintJob } from '../src/graph-shapes.js';
import { DEMO, EMULATOR_TOKENS } from '../src/seed.js';
import { useEmulator } from '../src/vitest.js';
import { graphTokenFor } from './entra-tokens.js';
import { admin, type Collection, type GraphErrorBody, graph } from './graph-http.js';

// Universal Print's own secure release: printjob-releasewait and printjob-release.

const env = useEmulator();
const releaseWait = (printerId: string) => `/print/printers/${printerId}/jobs/releaseWait`;
const release = (printerId: string) => `/print/printers/${printerId}/jobs/release`;
const { floor1Device, pullPrint, direct, floor1 } = DEMO.printers;

let adele: string;
let megan: string;
beforeAll(async () => {
  adele = await graphTokenFor(env.emulator.url, 'adele');
  megan = await graphTokenFor(env.emulator.url, 'megan');
});

const heldIds = async (printerId: string, token: string): Promise<string[]> => {
  const reply = await graph<Collection<GraphPrintJob>>(
    env.emulator.url,
    'GET',
    releaseWait(printerId),
    { token },
  );
  expect(reply.status).toBe(200);
  return reply.body.value.map((job) => job.id);
};

describe('GET …/jobs/releaseWait', () => {
  it("lists the signed-in person's held jobs at a member device, and only theirs", async () => {
    expect(await heldIds(floor1Device, adele)).toEqual([DEMO.jobs.pullPrintHeldAdele]);
    expect(await heldIds(floor1Device, megan)).toEqual([DEMO.jobs.pullPrintHeldMegan]);
  });

  it('lists nothing at a printer that is not a member of the pull-print printer', async () => {
    expect(await heldIds(direct, adele)).toEqual([]);
    expect(await heldIds(floor1, adele)).toEqual([]);
  });

  it("shows a Printer Administrator's delegated token only their own held jobs", async () => {
    expect(await heldIds(floor1Device, EMULATOR_TOKENS.user)).toEqual([
      DEMO.jobs.pullPrintHeldAdele,
    ]);
  });

  it("shows an app token every person's held jobs there, narrowed by $filter", async () => {
    expect(await heldIds(floor1Device, EMULATOR_TOKENS.gatewayApp)).toEqual([
      DEMO.jobs.pullPrintHeldAdele,
      DEMO.jobs.pullPrintHeldMegan,
    ]);
    const filter = `$filter=${encodeURIComponent(
      `createdBy/userPrincipalName eq '${DEMO.users.megan.userPrincipalName}'`,
    )}`;
    const reply = await graph<Collection<GraphPrintJob>>(
      env.emulator.url,
      'GET',
      `${releaseWait(floor1Device)}?${filter}`,
    );
    expect(reply.body.value.map((job) => job.id)).toEqual([DEMO.jobs.pullPrintHeldMegan]);
  });

  it('holds a job the admin endpoint submits to the pull-print printer', async () => {
    const submitted = await admin<GraphPrintJob>(env.emulator.url, 'POST', '/_emulator/jobs', {
      printerId: pullPrint,
      userId: DEMO.users.adele.id,
    });
    expect(submitted.status).toBe(201);
    expect(submitted.body.status).toMatchObject({ state: 'paused', details: ['releaseWait'] });
    expect(await heldIds(floor1Device, adele)).toEqual([
      DEMO.jobs.pullPrintHeldAdele,
      submitted.body.id,
    ]);
  });
});

describe('POST …/jobs/release', () => {
  it('prints the job at the device, and it is no longer held', async () => {
    const reply = await graph<GraphPrintJob>(env.emulator.url, 'POST', release(floor1Device), {
      token: adele,
      json: { jobId: DEMO.jobs.pullPrintHeldAdele },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.id).toBe(DEMO.jobs.pullPrintHeldAdele);
    expect(await heldIds(floor1Device, adele)).toEqual([]);
    const atDevice = await graph<GraphPrintJob>(
      env.emulator.url,
      'GET',
      `/print/printers/${floor1Device}/jobs/${DEMO.jobs.pullPrintHeldAdele}`,
    );
    expect(atDevice.status).toBe(200);
    expect(atDevice.body.status.state).toMatch(/^(processing|completed)$/);
    const log = env.emulator.requests
      .entries()
      .filter((entry) => entry.path === release(floor1Device));
    expect(log.map((entry) => entry.caller)).toEqual([
      { kind: 'user', appId: expect.any(String), userId: DEMO.users.adele.id },
    ]);
  });

  it('refuses an app token with 403: application permissions are not supported', async () => {
    const reply = await graph<GraphErrorBody>(env.emulator.url, 'POST', release(floor1Device), {
      json: { jobId: DEMO.jobs.pullPrintHeldAdele },
    });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('accessDenied');
    expect(await heldIds(floor1Device, adele)).toEqual([DEMO.jobs.pullPrintHeldAdele]);
  });

  it("refuses another person's job with 403 and a non-member device with 400", async () => {
    const others = await graph(env.emulator.url, 'POST', release(floor1Device), {
      token: megan,
      json: { jobId: DEMO.jobs.pullPrintHeldAdele },
    });
    expect(others.status).toBe(403);
    const elsewhere = await graph(env.emulator.url, 'POST', release(direct), {
      token: adele,
      json: { jobId: DEMO.jobs.pullPrintHeldAdele },
    });
    expect(elsewhere.status).toBe(400);
    expect(await heldIds(floor1Device, adele)).toEqual([DEMO.jobs.pullPrintHeldAdele]);
  });

  it('answers 409 for a job that is not held, e.g. released already', async () => {
    const send = () =>
      graph(env.emulator.url, 'POST', release(floor1Device), {
        token: adele,
        json: { jobId: DEMO.jobs.pullPrintHeldAdele },
      });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(409);
  });
});
