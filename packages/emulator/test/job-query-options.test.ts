import { GraphError } from '@microsoft/microsoft-graph-client';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphPrintJob } from '../src/graph-shapes.js';
import { MAX_TOP } from '../src/paging.js';
import { DEMO, EMULATOR_TOKENS } from '../src/seed.js';
import { useEmulator } from '../src/vitest.js';
import { type GraphErrorBody, graph } from './graph-http.js';
import { type Paged, sdkClient } from './sdk-client.js';

const floor1Jobs = `/print/printers/${DEMO.printers.floor1}/jobs`;
const filterParam = (filter: string) => `$filter=${encodeURIComponent(filter)}`;

const env = useEmulator();
let client: ReturnType<typeof sdkClient>;

beforeAll(() => {
  client = sdkClient(env.emulator.url, EMULATOR_TOKENS.gatewayApp);
});

async function jobIds(query: string): Promise<string[]> {
  const page = (await client.api(`${floor1Jobs}?${query}`).get()) as Paged<GraphPrintJob>;
  return page.value.map((job) => job.id);
}

async function failureOf(query: string): Promise<{ status: number; code: string }> {
  const reply = await graph<GraphErrorBody>(env.emulator.url, 'GET', `${floor1Jobs}?${query}`);
  return { status: reply.status, code: reply.body.error?.code ?? '' };
}

describe("$filter=createdBy/userPrincipalName eq '…' on a printer's jobs", () => {
  it('matches the UPN case-insensitively, as Entra ID treats UPNs', async () => {
    const upn = DEMO.users.adele.userPrincipalName;
    const expected = [
      DEMO.jobs.floor1WaitingAdele,
      DEMO.jobs.floor1Completed,
      DEMO.jobs.floor1Canceled,
    ];
    expect(await jobIds(filterParam(`createdBy/userPrincipalName eq '${upn}'`))).toEqual(expected);
    expect(
      await jobIds(filterParam(`createdBy/userPrincipalName eq '${upn.toLowerCase()}'`)),
    ).toEqual(expected);
  });

  it("reads '' inside the literal as one quote", async () => {
    const obrien = env.emulator.submitJob({
      printerId: DEMO.printers.floor1,
      userPrincipalName: "Shane.O'Brien@contoso.onmicrosoft.com",
    });
    const filter = "createdBy/userPrincipalName eq 'shane.o''brien@CONTOSO.onmicrosoft.com'";
    expect(await jobIds(filterParam(filter))).toEqual([obrien.id]);
  });

  it('answers an empty page for a UPN with no jobs', async () => {
    expect(
      await jobIds(filterParam("createdBy/userPrincipalName eq 'nobody@contoso.com'")),
    ).toEqual([]);
  });

  it('answers 400 invalidRequest through the SDK for any other $filter', async () => {
    const filters = [
      "status/state eq 'paused'",
      "createdBy/userPrincipalName ne 'AdeleV@contoso.onmicrosoft.com'",
      "createdBy/userPrincipalName eq 'a' or createdBy/userPrincipalName eq 'b'",
      "createdBy/userPrincipalName eq 'unterminated",
      "createdBy/id eq '4f1d9a2e-6b3c-4e7a-9d10-2a5b8c3e7f01'",
    ];
    for (const filter of filters) {
      const failure: unknown = await client
        .api(`${floor1Jobs}?${filterParam(filter)}`)
        .get()
        .catch((error: unknown) => error);
      expect(failure, filter).toBeInstanceOf(GraphError);
      expect([filter, (failure as GraphError).statusCode, (failure as GraphError).code]).toEqual([
        filter,
        400,
        'invalidRequest',
      ]);
    }
  });

  it('refuses a $filter on a list that does not support one (tasks)', async () => {
    const reply = await graph<GraphErrorBody>(
      env.emulator.url,
      'GET',
      `/print/taskDefinitions/${DEMO.taskDefinitionId}/tasks?${filterParam("status/state eq 'processing'")}`,
    );
    expect([reply.status, reply.body.error.code]).toEqual([400, 'invalidRequest']);
  });
});

describe('$top on job lists', () => {
  it(`accepts 1..${MAX_TOP} as the page size`, async () => {
    expect(await jobIds('$top=1')).toEqual([DEMO.jobs.floor1WaitingAdele]);
    expect(await jobIds(`$top=${MAX_TOP}`)).toHaveLength(5);
  });

  it('answers 400 for 0, a value over the maximum, a negative or a non-number', async () => {
    for (const top of ['0', String(MAX_TOP + 1), '-1', 'ten', '2.5', '']) {
      expect([top, await failureOf(`$top=${top}`)]).toEqual([
        top,
        { status: 400, code: 'invalidRequest' },
      ]);
    }
  });
});

describe('options printer-list-jobs does not support', () => {
  it('answers 400 for $count and $search', async () => {
    expect(await failureOf('$count=true')).toEqual({ status: 400, code: 'invalidRequest' });
    expect(await failureOf('$search=budget')).toEqual({ status: 400, code: 'invalidRequest' });
  });
});
