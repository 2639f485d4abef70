/**
 * Ownership remembered between requests (src/domain/ownership-memory.ts): after the release
 * screen, a person's release at the device sends Graph the write alone; a job remembered as
 * another's is read again, so that refusing it costs what refusing a job that does not exist
 * costs; and Graph, not the memory, still decides whether the write can be done.
 */

import { DEMO } from '@universal-print-gateway/emulator';
import { describe, expect, it } from 'vitest';
import {
  CALLERS_OVER_HTTP,
  type CallerName,
  PEOPLE,
  useTestGateway,
} from '../helpers/test-gateway.js';

const env = useTestGateway(CALLERS_OVER_HTTP);

const MY_JOBS = `query { myPrintJobs(first: 10) {
  ... on WaitingPrintJobConnection { edges { node { id printerId } } }
} }`;
const COMPLETE = `mutation ($input: UpdatePrintTaskInput!) { updatePrintTask(input: $input) {
  __typename ... on Error { code message }
} }`;
const ABORT = `mutation ($input: AbortPrintJobInput!) { abortPrintJob(input: $input) {
  __typename ... on Error { code message }
} }`;

const complete = (caller: CallerName, taskId: string, onBehalfOf?: string) =>
  env.execute(caller, COMPLETE, {
    input: {
      taskDefinitionId: DEMO.taskDefinitionId,
      taskId,
      status: { state: 'COMPLETED' },
      ...(onBehalfOf ? { onBehalfOf } : {}),
    },
  });

/** The Graph requests the gateway sends while `act` runs, as "METHOD path". */
async function sentDuring(act: () => Promise<unknown>): Promise<string[]> {
  const before = env.emulator.requests.entries().length;
  await act();
  return env.emulator.requests
    .entries()
    .slice(before)
    .filter((entry) => entry.via !== 'batch-envelope')
    .map((entry) => `${entry.method} ${entry.path}`);
}

const PATCH_ADELES_TASK = `PATCH /print/taskDefinitions/${DEMO.taskDefinitionId}/tasks/${DEMO.tasks.floor1WaitingAdele}`;

describe('ownership remembered between requests', () => {
  it('reads the task and its job before a release nothing was read for', async () => {
    const sent = await sentDuring(() => complete('adele', DEMO.tasks.floor1WaitingAdele));

    expect(sent).toEqual([
      `GET /print/taskDefinitions/${DEMO.taskDefinitionId}/tasks/${DEMO.tasks.floor1WaitingAdele}`,
      `GET /print/printers/${DEMO.printers.floor1}/jobs/${DEMO.jobs.floor1WaitingAdele}`,
      PATCH_ADELES_TASK,
    ]);
  });

  it('sends the release alone once the release screen has listed the job', async () => {
    const screen = await env.execute('adele', MY_JOBS);
    expect(JSON.stringify(screen.data)).toContain(DEMO.jobs.floor1WaitingAdele);

    let answer: unknown;
    const sent = await sentDuring(async () => {
      answer = await complete('adele', DEMO.tasks.floor1WaitingAdele);
    });

    expect(answer).toEqual({ data: { updatePrintTask: { __typename: 'UpdatePrintTaskSuccess' } } });
    expect(sent).toEqual([PATCH_ADELES_TASK]);
  });

  it("refuses a job remembered as Megan's to Adele as it refuses one that does not exist: same answer, same Graph calls", async () => {
    // Adele's read of Megan's job is refused, but Graph's answer was seen: it is remembered.
    const read = await env.execute(
      'adele',
      `query { printJob(printerId: "${DEMO.printers.floor1}", id: "${DEMO.jobs.floor1WaitingMegan}") { __typename } }`,
    );
    expect(read.data).toEqual({ printJob: { __typename: 'NotFoundError' } });

    const abort = (printJobId: string) => async () =>
      env.execute('adele', ABORT, { input: { printerId: DEMO.printers.floor1, printJobId } });
    let megans: unknown;
    let missing: unknown;
    const sentForMegans = await sentDuring(async () => {
      megans = await abort(DEMO.jobs.floor1WaitingMegan)();
    });
    const sentForMissing = await sentDuring(async () => {
      missing = await abort('999999')();
    });

    expect(megans).toEqual(missing);
    expect(megans).toMatchObject({ data: { abortPrintJob: { code: 'NOT_FOUND' } } });
    expect(sentForMegans).toHaveLength(1);
    expect(sentForMissing).toHaveLength(1);
    expect(sentForMegans[0]).toMatch(/^GET /);
  });

  it('lets Graph refuse a remembered job that no longer waits', async () => {
    await env.execute('adele', MY_JOBS);
    await env.execute('stationApp', ABORT, {
      input: { printerId: DEMO.printers.floor1, printJobId: DEMO.jobs.floor1WaitingAdele },
    });

    let answer: { data?: unknown } = {};
    const sent = await sentDuring(async () => {
      answer = await complete('adele', DEMO.tasks.floor1WaitingAdele);
    });

    expect(sent).toEqual([PATCH_ADELES_TASK]);
    expect(answer.data).toMatchObject({ updatePrintTask: { code: 'CONFLICT' } });
  });

  it('serves a station acting for a person: the second write for Megan reads nothing', async () => {
    const first = await sentDuring(async () => {
      const answer = await complete('stationApp', DEMO.tasks.floor1WaitingMegan, PEOPLE.megan);
      expect(answer.data).toMatchObject({
        updatePrintTask: { __typename: 'UpdatePrintTaskSuccess' },
      });
    });
    // The task and its job read, then the PATCH: the reads taught the gateway whose job it is.
    expect(first).toHaveLength(3);
    const second = await sentDuring(async () => {
      const answer = await env.execute('stationApp', ABORT, {
        input: {
          printerId: DEMO.printers.floor1,
          printJobId: DEMO.jobs.floor1WaitingMegan,
          onBehalfOf: PEOPLE.megan,
        },
      });
      // Released a moment ago: Graph, not the memory, says it is too late.
      expect(answer.data).toMatchObject({ abortPrintJob: { code: 'CONFLICT' } });
    });

    expect(second).toEqual([
      `POST /print/printers/${DEMO.printers.floor1}/jobs/${DEMO.jobs.floor1WaitingMegan}/abort`,
    ]);
  });
});
