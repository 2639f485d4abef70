/**
 * docs/authorization.md's "Who may do what" table, run: every operation it names, as a real
 * caller of every column, against the emulator. A cell says what must happen; the probes say
 * what does. Also fails when a root field of the schema is missing from the table.
 *
 * The table runs twice: against an app whose `_service { sdl }` carries the authorization
 * directives, and one that leaves them out for routers that refuse them. The subgraph's own
 * enforcement must not depend on which SDL a router was given.
 */
import { readFileSync } from 'node:fs';
import { DEMO } from '@universal-print-gateway/emulator';
import { beforeEach, describe, expect, it } from 'vitest';
import { schema } from '../../packages/gateway/src/schema/index.js';
import {
  SCHEMA_FILE,
  SCHEMA_FILE_WITHOUT_AUTH_DIRECTIVES,
} from '../../packages/gateway/src/schema/sdl.js';
import {
  CALLERS_OVER_HTTP,
  type CallerName,
  type EmulatedTestGateway,
  useTestGateway,
} from '../helpers/test-gateway.js';

/** The app of the describe block that is running. */
let env: EmulatedTestGateway;

type Outcome = 'allowed' | 'hidden' | 'forbidden';
type Cell = 'yes' | 'any' | 'own' | 'no';

/** The table, as the doc has it. */
function readTable(): { columns: CallerName[]; rows: { operations: string[]; cells: Cell[] }[] } {
  const doc = readFileSync(new URL('../../docs/authorization.md', import.meta.url), 'utf8');
  const section = doc.split('## Who may do what')[1]?.split('\n## ')[0] ?? '';
  const lines = section.split('\n').filter((line) => line.startsWith('|'));
  const cellsOf = (line: string) =>
    line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
  const [header = '', , ...body] = lines;
  const callerOf = (heading: string): CallerName => {
    const permission = /^`([^`]+)`/.exec(heading)?.[1];
    if (permission === 'Print.Release') return 'adele';
    if (permission === 'Print.Release.All') return 'stationApp';
    if (permission === 'Print.Read.All') return 'dashboardApp';
    if (heading.startsWith('anonymous')) return 'anonymous';
    if (heading.startsWith('no known permission')) return 'noPermission';
    throw new Error(`unknown column "${heading}"`);
  };
  return {
    columns: cellsOf(header).slice(1).map(callerOf),
    rows: body.map((line) => {
      const [operation = '', ...cells] = cellsOf(line);
      return {
        operations: [...operation.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? ''),
        cells: cells as Cell[],
      };
    }),
  };
}

const { floor1 } = DEMO.printers;
const ADELE = { job: DEMO.jobs.floor1WaitingAdele, task: DEMO.tasks.floor1WaitingAdele };
const MEGAN = { job: DEMO.jobs.floor1WaitingMegan, task: DEMO.tasks.floor1WaitingMegan };

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: readonly { extensions?: Record<string, unknown> }[];
}

async function ask(caller: CallerName, query: string): Promise<Answer> {
  return (await env.execute(caller, query)) as Answer;
}

/** A union result: its typename decides. */
const unionOutcome = (value: unknown): Outcome | string => {
  const name = (value as { __typename?: string } | null)?.__typename ?? 'null';
  if (name === 'ForbiddenError') return 'forbidden';
  if (name === 'NotFoundError') return 'hidden';
  return ['InvalidInputError', 'CallBudgetExceededError'].includes(name) ? name : 'allowed';
};

/** A field without a union: a top-level FORBIDDEN error, or data. */
const plainOutcome = (answer: Answer): Outcome | string => {
  const codes = (answer.errors ?? []).map((error) => error.extensions?.['code']);
  if (codes.length === 0) return 'allowed';
  if (codes.every((code) => code === 'FORBIDDEN')) return 'forbidden';
  if (codes.every((code) => code === 'NOT_FOUND')) return 'hidden';
  return codes.join(',');
};

/** One page of a connection's ids, whatever the connection type; its typename otherwise. */
const idsOf = (connection: string) => `__typename ... on ${connection} { edges { node { id } } }`;

/** A nested field, or its parent when the parent answered an error instead. */
const fieldOf = (parent: unknown, name: string): unknown =>
  (parent as Record<string, unknown> | undefined)?.[name] ?? parent;

/** The ids of a connection page, or null when the field answered ForbiddenError. */
function connectionIds(field: unknown): string[] | null {
  const page = field as { __typename?: string; edges?: { node: { id: string } }[] } | undefined;
  if (page?.__typename === 'ForbiddenError') return null;
  if (!page?.edges) throw new Error(`not a connection: ${JSON.stringify(field)}`);
  return page.edges.map((edge) => edge.node.id);
}

/** A job list: whether Megan's job is in it says "any" or "own". */
const listOutcomes = (ids: string[] | null) =>
  ids === null
    ? { own: 'forbidden', other: 'forbidden' }
    : {
        own: ids.includes(ADELE.job) || ids.includes(ADELE.task) ? 'allowed' : 'missing',
        other: ids.includes(MEGAN.job) || ids.includes(MEGAN.task) ? 'allowed' : 'hidden',
      };

const abort = (job: string, field = 'abortPrintJob') =>
  field === 'abortPrintJob'
    ? `mutation { r: abortPrintJob(input: { printerId: "${floor1}", printJobId: "${job}" }) { __typename } }`
    : `mutation { r: abortPrintJobs(inputs: [{ printerId: "${floor1}", printJobId: "${job}" }]) {
        __typename ... on AbortPrintJobsSuccess { results { __typename } } } }`;
const complete = (task: string, field = 'updatePrintTask') => {
  const input = `{ taskDefinitionId: "${DEMO.taskDefinitionId}", taskId: "${task}", status: { state: COMPLETED } }`;
  return field === 'updatePrintTask'
    ? `mutation { r: updatePrintTask(input: ${input}) { __typename } }`
    : `mutation { r: updatePrintTasks(inputs: [${input}]) {
        __typename ... on UpdatePrintTasksSuccess { results { __typename } } } }`;
};
/** A bulk field's outcome is its one item's, unless the whole field was refused. */
const bulkOutcome = (answer: Answer) => {
  const field = answer.data?.['r'] as { __typename: string; results?: unknown[] } | undefined;
  return field?.results ? unionOutcome(field.results[0]) : unionOutcome(field);
};

const { direct } = DEMO.printers;
const redirect = (job: string) =>
  `mutation { r: redirectPrintJob(input: { printerId: "${floor1}", printJobId: "${job}", destinationPrinterId: "${direct}" }) { __typename } }`;
const release = (job: string) =>
  `mutation { r: releasePrintJobs(input: { destinationPrinterId: "${direct}", printJobIds: [{ printerId: "${floor1}", printJobId: "${job}" }] }) {
      __typename ... on ReleasePrintJobsSuccess { results { result { __typename } } } } }`;
/** releasePrintJobs' one item's outcome, unless the whole field was refused. */
const releaseOutcome = (answer: Answer) => {
  const field = answer.data?.['r'] as
    | { __typename: string; results?: { result: unknown }[] }
    | undefined;
  return field?.results ? unionOutcome(field.results[0]?.result) : unionOutcome(field);
};

type Probe = (caller: CallerName) => Promise<{ own: string; other?: string }>;

/** Printing: Adele's job and Megan's, or the follow-me printer's share for the share fields. */
const printing = (field: string, input: (job: string) => string) => async (caller: CallerName) => {
  const ask1 = async (job: string) =>
    unionOutcome(
      (await ask(caller, `mutation { r: ${field}(input: ${input(job)}) { __typename } }`)).data?.[
        'r'
      ],
    );
  return { other: await ask1(MEGAN.job), own: await ask1(ADELE.job) };
};
const PDF = '{ name: "a.pdf", contentType: "application/pdf", size: 1000 }';

const PROBES: Record<string, Probe> = {
  printer: async (caller) => ({
    own: unionOutcome(
      (await ask(caller, `{ r: printer(id: "${floor1}") { __typename } }`)).data?.['r'],
    ),
  }),
  printTaskDefinition: async (caller) => ({
    own: unionOutcome(
      (
        await ask(
          caller,
          `{ r: printTaskDefinition(id: "${DEMO.taskDefinitionId}") { __typename } }`,
        )
      ).data?.['r'],
    ),
  }),
  printTaskDefinitions: async (caller) => ({
    own: plainOutcome(await ask(caller, '{ printTaskDefinitions { id } }')),
  }),
  printJob: async (caller) => {
    const job = (id: string) => `printJob(printerId: "${floor1}", id: "${id}") { __typename }`;
    const { data } = await ask(caller, `{ own: ${job(ADELE.job)} other: ${job(MEGAN.job)} }`);
    return { own: unionOutcome(data?.['own']), other: unionOutcome(data?.['other']) };
  },
  printTask: async (caller) => {
    const task = (id: string) =>
      `printTask(taskDefinitionId: "${DEMO.taskDefinitionId}", id: "${id}") { __typename }`;
    const { data } = await ask(caller, `{ own: ${task(ADELE.task)} other: ${task(MEGAN.task)} }`);
    return { own: unionOutcome(data?.['own']), other: unionOutcome(data?.['other']) };
  },
  'Printer.jobs': async (caller) => {
    const { data } = await ask(
      caller,
      `{ r: printer(id: "${floor1}") { __typename ... on Printer { jobs { ${idsOf('PrintJobConnection')} } } } }`,
    );
    return listOutcomes(connectionIds(fieldOf(data?.['r'], 'jobs')));
  },
  'PrintTaskDefinition.tasks': async (caller) => {
    const { data } = await ask(
      caller,
      `{ r: printTaskDefinition(id: "${DEMO.taskDefinitionId}") {
          __typename ... on PrintTaskDefinition { tasks { ${idsOf('PrintTaskConnection')} } } } }`,
    );
    return listOutcomes(connectionIds(fieldOf(data?.['r'], 'tasks')));
  },
  myPrintJobs: async (caller) => {
    const { data } = await ask(
      caller,
      `{ r: myPrintJobs(first: 50) { ${idsOf('WaitingPrintJobConnection')} } }`,
    );
    return listOutcomes(connectionIds(data?.['r']));
  },
  _entities: async (caller) => {
    const reference = (id: string) =>
      `{ __typename: "PrintJob", printerId: "${floor1}", id: "${id}" }`;
    const answer = await ask(
      caller,
      `{ _entities(representations: [${reference(ADELE.job)}, ${reference(MEGAN.job)}]) { __typename } }`,
    );
    const entities = (answer.data?.['_entities'] as unknown[] | undefined) ?? [];
    const codeAt = (index: number) =>
      (answer.errors ?? []).find((error) => (error as { path?: unknown[] }).path?.[1] === index)
        ?.extensions?.['code'];
    const outcome = (index: number) =>
      entities[index]
        ? 'allowed'
        : codeAt(index) === 'FORBIDDEN'
          ? 'forbidden'
          : codeAt(index) === 'NOT_FOUND'
            ? 'hidden'
            : String(codeAt(index));
    return { own: outcome(0), other: outcome(1) };
  },
  abortPrintJob: async (caller) => ({
    other: unionOutcome((await ask(caller, abort(MEGAN.job))).data?.['r']),
    own: unionOutcome((await ask(caller, abort(ADELE.job))).data?.['r']),
  }),
  abortPrintJobs: async (caller) => ({
    other: bulkOutcome(await ask(caller, abort(MEGAN.job, 'abortPrintJobs'))),
    own: bulkOutcome(await ask(caller, abort(ADELE.job, 'abortPrintJobs'))),
  }),
  updatePrintTask: async (caller) => ({
    other: unionOutcome((await ask(caller, complete(MEGAN.task))).data?.['r']),
    own: unionOutcome((await ask(caller, complete(ADELE.task))).data?.['r']),
  }),
  redirectPrintJob: async (caller) => ({
    other: unionOutcome((await ask(caller, redirect(MEGAN.job))).data?.['r']),
    own: unionOutcome((await ask(caller, redirect(ADELE.job))).data?.['r']),
  }),
  releasePrintJobs: async (caller) => ({
    other: releaseOutcome(await ask(caller, release(MEGAN.job))),
    own: releaseOutcome(await ask(caller, release(ADELE.job))),
  }),
  printerShares: async (caller) => ({
    own: unionOutcome((await ask(caller, `{ r: printerShares { __typename } }`)).data?.['r']),
  }),
  createPrintJob: printing(
    'createPrintJob',
    () => `{ printerShareId: "${floor1}", displayName: "a", document: ${PDF} }`,
  ),
  startPrintJob: printing(
    'startPrintJob',
    (job) => `{ printerShareId: "${floor1}", printJobId: "${job}" }`,
  ),
  cancelPrintJob: printing(
    'cancelPrintJob',
    (job) => `{ printerId: "${floor1}", printJobId: "${job}" }`,
  ),
  updatePrintTasks: async (caller) => ({
    other: bulkOutcome(await ask(caller, complete(MEGAN.task, 'updatePrintTasks'))),
    own: bulkOutcome(await ask(caller, complete(ADELE.task, 'updatePrintTasks'))),
  }),
};

const EXPECTED: Record<Cell, { own: string; other?: string }> = {
  yes: { own: 'allowed' },
  any: { own: 'allowed', other: 'allowed' },
  own: { own: 'allowed', other: 'hidden' },
  no: { own: 'forbidden', other: 'forbidden' },
};

const table = readTable();

describe('docs/authorization.md, "Who may do what": the table itself', () => {
  it('names five callers and every root field of the schema, each with a probe', () => {
    expect(new Set(table.columns)).toEqual(
      new Set(['adele', 'stationApp', 'dashboardApp', 'anonymous', 'noPermission']),
    );
    const named = table.rows.flatMap((row) => row.operations);
    for (const operation of named) expect(Object.keys(PROBES)).toContain(operation);
    const rootFields = [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
      Object.keys(type?.getFields() ?? {}).filter((name) => name !== '_service'),
    );
    for (const field of rootFields) expect(named).toContain(field);
  });
});

const cases = table.rows.flatMap((row) =>
  row.operations.flatMap((operation) =>
    table.columns.map((caller, index) => ({
      operation,
      caller,
      cell: row.cells[index] as Cell,
    })),
  ),
);

const committedSdl = (file: string) =>
  readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8').trimEnd();

describe.each([
  { sdlAuthorizationDirectives: true, file: SCHEMA_FILE },
  { sdlAuthorizationDirectives: false, file: SCHEMA_FILE_WITHOUT_AUTH_DIRECTIVES },
])(
  '"Who may do what", sdlAuthorizationDirectives: $sdlAuthorizationDirectives',
  ({ sdlAuthorizationDirectives, file }) => {
    const gateway = useTestGateway({
      ...CALLERS_OVER_HTTP,
      callers: { allowAnonymous: true },
      app: () => ({ sdlAuthorizationDirectives }),
    });
    beforeEach(() => {
      env = gateway;
    });

    it(`tells a router ${file} at _service { sdl }`, async () => {
      const { data } = await ask('anonymous', '{ _service { sdl } }');
      expect(data?.['_service']).toEqual({ sdl: committedSdl(file) });
    });

    it.each(cases)('$operation as $caller: $cell', async ({ operation, caller, cell }) => {
      const probe = PROBES[operation];
      if (!probe) throw new Error(`no probe for ${operation}`);
      const expected = EXPECTED[cell];
      const observed = await probe(caller);
      // Metadata has no owner: its probes answer for one object, and its cells are yes or no.
      expect(observed).toEqual(observed.other === undefined ? { own: expected.own } : expected);
    });
  },
);
