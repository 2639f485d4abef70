import { get as httpGet } from 'node:http';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BatchResponseItem } from '../src/batch.js';
import type { GraphPrintJob, GraphPrintTask } from '../src/graph-shapes.js';
import { DEMO, EMULATOR_TOKENS } from '../src/seed.js';
import { startEmulator } from '../src/server.js';
import { useEmulator } from '../src/vitest.js';
import { type GraphErrorBody, graph } from './graph-http.js';
import { allPages, nextLinkPath, type Paged, sdkClient } from './sdk-client.js';

const floor1Jobs = `/print/printers/${DEMO.printers.floor1}/jobs`;
const gatewayTasks = `/print/taskDefinitions/${DEMO.taskDefinitionId}/tasks`;
const byCreator = (upn: string) =>
  `$filter=${encodeURIComponent(`createdBy/userPrincipalName eq '${upn}'`)}`;
const adeleFilter = byCreator(DEMO.users.adele.userPrincipalName);

const env = useEmulator();
let client: ReturnType<typeof sdkClient>;

beforeAll(() => {
  client = sdkClient(env.emulator.url, EMULATOR_TOKENS.gatewayApp);
});

/** Adele's seeded floor-1 jobs (5182, 5184, 5186) plus `count` new waiting ones. */
function adeleBacklog(count: number): string[] {
  const added = env.emulator.submitJobs(
    { printerId: DEMO.printers.floor1, userId: DEMO.users.adele.id },
    count,
  );
  return [
    DEMO.jobs.floor1WaitingAdele,
    DEMO.jobs.floor1Completed,
    DEMO.jobs.floor1Canceled,
    ...added.map((job) => job.id),
  ];
}

function tokenOf(nextLink: string): string {
  const token = new URL(nextLink).searchParams.get('$skiptoken');
  if (token === null) throw new Error(`no $skiptoken in ${nextLink}`);
  return token;
}

describe('server-driven paging of job lists', () => {
  it('keeps the seeded lists on one page, without a nextLink', async () => {
    const page = (await client.api(floor1Jobs).get()) as Paged<GraphPrintJob>;
    expect(page.value).toHaveLength(5);
    expect(page).not.toHaveProperty('@odata.nextLink');
  });

  it('pages a filtered backlog 10 at a time and every job comes exactly once', async () => {
    const expected = adeleBacklog(23);
    const pages = await allPages<GraphPrintJob>(
      client,
      env.emulator.url,
      `${floor1Jobs}?${adeleFilter}&$expand=tasks`,
    );
    expect(pages.map((page) => page.value.length)).toEqual([10, 10, 6]);
    const ids = pages.flatMap((page) => page.value.map((job) => job.id));
    expect(ids).toEqual(expected);
    // The filter and the expansion hold on every page, not just the first.
    for (const page of pages) {
      expect(page.value.every((job) => job.createdBy.id === DEMO.users.adele.id)).toBe(true);
      expect(page.value.every((job) => Array.isArray(job.tasks))).toBe(true);
    }
    expect(pages.at(-1)).not.toHaveProperty('@odata.nextLink');
  });

  it('writes an absolute nextLink on the emulator origin and /v1.0 keeping the query verbatim', async () => {
    adeleBacklog(12);
    const query = `${adeleFilter}&$expand=tasks($expand=definition)`;
    const first = await graph<Paged<GraphPrintJob>>(
      env.emulator.url,
      'GET',
      `${floor1Jobs}?${query}`,
    );
    const nextLink = first.body['@odata.nextLink'] ?? '';
    // As the request went out: fetch percent-encodes the quotes of the filter on the wire.
    const sent = new URL(`${env.emulator.url}/v1.0${floor1Jobs}?${query}`).href;
    expect(nextLink.startsWith(`${sent}&$skiptoken=`)).toBe(true);
    // Graph writes the nextLink after value.
    expect(Object.keys(first.body)).toEqual(['@odata.context', 'value', '@odata.nextLink']);
    const second = await fetch(nextLink, {
      headers: { Authorization: `Bearer ${EMULATOR_TOKENS.gatewayApp}` },
    });
    const page = (await second.json()) as Paged<GraphPrintJob>;
    expect(second.status).toBe(200);
    expect(page.value).toHaveLength(5);
    expect(page.value[0]?.tasks?.[0]?.definition?.id).toBe(DEMO.taskDefinitionId);
    expect(page).not.toHaveProperty('@odata.nextLink');
  });

  it('names the host the caller used, so a link leads back the way the caller came', async () => {
    adeleBacklog(12);
    // As a container peer would call it: by a DNS name, not the address the emulator bound.
    const body = await new Promise<string>((resolve, reject) => {
      const request = httpGet(
        `${env.emulator.url}/v1.0${floor1Jobs}`,
        {
          headers: {
            Host: 'emulator.internal:4010',
            Authorization: `Bearer ${EMULATOR_TOKENS.gatewayApp}`,
          },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            text += chunk;
          });
          response.on('end', () => resolve(text));
        },
      );
      request.on('error', reject);
    });
    const page = JSON.parse(body) as Paged<GraphPrintJob>;
    expect(
      page['@odata.nextLink']?.startsWith(`http://emulator.internal:4010/v1.0${floor1Jobs}?`),
    ).toBe(true);
  });

  it('sizes pages by $top and keeps $top in the nextLink', async () => {
    adeleBacklog(4);
    const pages = await allPages<GraphPrintJob>(
      client,
      env.emulator.url,
      `${floor1Jobs}?$top=3&${adeleFilter}`,
    );
    expect(pages.map((page) => page.value.length)).toEqual([3, 3, 1]);
    expect(pages[0]?.['@odata.nextLink']).toContain('$top=3');
  });

  it('shows jobs submitted while paging on a later page, none twice', async () => {
    const before = adeleBacklog(12);
    const first = (await client.api(`${floor1Jobs}?${adeleFilter}`).get()) as Paged<GraphPrintJob>;
    const late = env.emulator.submitJob({
      printerId: DEMO.printers.floor1,
      userId: DEMO.users.adele.id,
    });
    const rest = await allPages<GraphPrintJob>(
      client,
      env.emulator.url,
      nextLinkPath(env.emulator.url, first['@odata.nextLink'] ?? ''),
    );
    const ids = [...first.value, ...rest.flatMap((page) => page.value)].map((job) => job.id);
    expect(ids).toEqual([...before, late.id]);
  });

  it('honours EmulatorOptions.pageSize', async () => {
    const small = await startEmulator({ pageSize: 2 });
    try {
      const sdk = sdkClient(small.url, EMULATOR_TOKENS.gatewayApp);
      const pages = await allPages<GraphPrintJob>(sdk, small.url, floor1Jobs);
      expect(pages.map((page) => page.value.length)).toEqual([2, 2, 1]);
    } finally {
      await small.close();
    }
  });
});

describe('$skiptoken validation', () => {
  async function nextLinkOfBacklog(query = adeleFilter): Promise<string> {
    adeleBacklog(12);
    const page = (await client.api(`${floor1Jobs}?${query}`).get()) as Paged<GraphPrintJob>;
    return page['@odata.nextLink'] ?? '';
  }

  async function status(path: string): Promise<{ status: number; code: string }> {
    const reply = await graph<GraphErrorBody>(env.emulator.url, 'GET', path);
    return { status: reply.status, code: reply.body.error?.code ?? '' };
  }

  it('answers 400 invalidRequest for a tampered token through the SDK', async () => {
    const nextLink = await nextLinkOfBacklog();
    const token = tokenOf(nextLink);
    const decoded = Buffer.from(token, 'base64url').toString();
    const forged = Buffer.from(decoded.replace(/^\d+/, '3')).toString('base64url');
    const failure: unknown = await client
      .api(nextLinkPath(env.emulator.url, nextLink.replace(token, forged)))
      .get()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphError);
    expect((failure as GraphError).statusCode).toBe(400);
    expect((failure as GraphError).code).toBe('invalidRequest');
  });

  it('answers 400 for garbage, an empty token and a flipped signature character', async () => {
    const nextLink = await nextLinkOfBacklog();
    const token = tokenOf(nextLink);
    const flipped = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(await status(`${floor1Jobs}?$skiptoken=garbage`)).toEqual({
      status: 400,
      code: 'invalidRequest',
    });
    expect((await status(`${floor1Jobs}?$skiptoken=`)).status).toBe(400);
    expect((await status(`${floor1Jobs}?${adeleFilter}&$skiptoken=${flipped}`)).status).toBe(400);
  });

  it('answers 400 when a token is replayed with another filter, $top or collection', async () => {
    const nextLink = await nextLinkOfBacklog();
    const token = tokenOf(nextLink);
    const megan = byCreator(DEMO.users.megan.userPrincipalName);
    expect((await status(`${floor1Jobs}?${megan}&$skiptoken=${token}`)).status).toBe(400);
    expect((await status(`${floor1Jobs}?${adeleFilter}&$top=5&$skiptoken=${token}`)).status).toBe(
      400,
    );
    const floor2 = `/print/printers/${DEMO.printers.floor2}/jobs`;
    expect((await status(`${floor2}?${adeleFilter}&$skiptoken=${token}`)).status).toBe(400);
    // The same token with the query it was issued for is fine.
    expect((await status(`${floor1Jobs}?${adeleFilter}&$skiptoken=${token}`)).status).toBe(200);
  });

  it('refuses a token from another emulator process', async () => {
    const nextLink = await nextLinkOfBacklog();
    const other = await startEmulator();
    try {
      other.submitJobs({ printerId: DEMO.printers.floor1, userId: DEMO.users.adele.id }, 12);
      const reply = await fetch(`${other.url}/v1.0${nextLinkPath(env.emulator.url, nextLink)}`, {
        headers: { Authorization: `Bearer ${EMULATOR_TOKENS.gatewayApp}` },
      });
      expect(reply.status).toBe(400);
    } finally {
      await other.close();
    }
  });
});

describe('paging of task lists', () => {
  it('pages the definition tasks with $expand preserved', async () => {
    env.emulator.submitJobs({ printerId: DEMO.printers.floor2 }, 8);
    const pages = await allPages<GraphPrintTask>(
      client,
      env.emulator.url,
      `${gatewayTasks}?$expand=definition`,
    );
    // 7 seeded tasks of the gateway definition plus 8 new ones.
    expect(pages.map((page) => page.value.length)).toEqual([10, 5]);
    const ids = pages.flatMap((page) => page.value.map((task) => task.id));
    expect(new Set(ids).size).toBe(15);
    expect(pages[1]?.value.every((task) => task.definition?.id === DEMO.taskDefinitionId)).toBe(
      true,
    );
  });

  it('refuses $top and the other options Graph lists as unsupported', async () => {
    for (const option of ['$top=5', '$skip=2', '$count=true', '$select=id', '$search=x']) {
      const reply = await graph<GraphErrorBody>(
        env.emulator.url,
        'GET',
        `${gatewayTasks}?${option}`,
      );
      expect([option, reply.status, reply.body.error.code]).toEqual([
        option,
        400,
        'invalidRequest',
      ]);
    }
  });
});

describe('paging inside $batch', () => {
  interface BatchBody {
    responses: BatchResponseItem[];
  }

  async function batchGet(url: string): Promise<BatchResponseItem> {
    const reply = await graph<BatchBody>(env.emulator.url, 'POST', '/$batch', {
      json: { requests: [{ id: 'page', method: 'GET', url }] },
    });
    const item = reply.body.responses[0];
    if (item === undefined) throw new Error('no batch response');
    return item;
  }

  it("carries the absolute nextLink in the item's body, and a batch can follow it", async () => {
    const expected = adeleBacklog(14);
    const first = await batchGet(`${floor1Jobs}?${adeleFilter}`);
    const firstBody = first.body as Paged<GraphPrintJob>;
    expect(first.status).toBe(200);
    const nextLink = firstBody['@odata.nextLink'] ?? '';
    expect(nextLink.startsWith(`${env.emulator.url}/v1.0${floor1Jobs}?`)).toBe(true);

    const second = await batchGet(nextLinkPath(env.emulator.url, nextLink));
    const secondBody = second.body as Paged<GraphPrintJob>;
    expect(second.status).toBe(200);
    expect(secondBody).not.toHaveProperty('@odata.nextLink');
    expect([...firstBody.value, ...secondBody.value].map((job) => job.id)).toEqual(expected);
  });

  it('answers a tampered token inside a batch with an item 400', async () => {
    const item = await batchGet(`${floor1Jobs}?$skiptoken=bm90LWEtdG9rZW4`);
    expect(item.status).toBe(400);
    expect(item.body).toMatchObject({ error: { code: 'invalidRequest' } });
  });
});
