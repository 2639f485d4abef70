/**
 * The README's worked example ("The pull-print flow in GraphiQL"), run as a new user runs it:
 * `npm start` (a real process on the embedded emulator), GraphiQL in a real Chromium, each of
 * the README's GraphQL blocks pasted into the operation editor and run with the run button, and
 * the result read back from the result pane.
 *
 * The operations are read from README.md at test time, so the test fails when the README drifts
 * from what the gateway does. The gateway serves no anonymous caller: GraphiQL opens signed in
 * as Adele (packages/gateway/dev/graphiql-sign-in.ts), and the README's later steps reopen it as Megan
 * (`?as=megan`) and as the release station (`?as=station`); every operation must carry the token
 * of whoever the step names. Run with `npx vitest run --project browser` (or
 * `bash .ci/browser.sh`); it needs Debian's Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DEMO, ENTRA, type RecordedRequest } from '@universal-print-gateway/emulator';
import { Kind, type OperationDefinitionNode, parse, type ValueNode, visit } from 'graphql';
import { decodeJwt } from 'jose';
import {
  type Browser,
  chromium,
  type Locator,
  type Page,
  type Request,
  type Response,
} from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const screenshotPath = fileURLToPath(new URL('./__screenshots__/graphiql.png', import.meta.url));
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/**
 * How long any one wait in the page may take: Playwright's actions and the polls alike. Waits end
 * as soon as their condition holds; this only bounds a CI machine having a slow moment.
 */
const STEP_TIMEOUT_MS = 10_000;

/** expect.poll with the step timeout: its own default (1 s) is a tenth of Playwright's. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: STEP_TIMEOUT_MS });

// As root and on a closed network: no sandbox, no GPU, and none of Chromium's own connections to
// Google's hosts. Playwright adds --headless and a fresh, temporary --user-data-dir itself.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// ---- The README's operations -----------------------------------------------------------------

interface ReadmeOperation {
  /** The block exactly as the README shows it, which is what the user pastes. */
  text: string;
  name: string;
  kind: 'query' | 'mutation' | 'subscription';
  /** The one root field the operation selects: where its result is under `data`. */
  rootField: string;
  /** String arguments anywhere in the operation, by name (`taskId`, `printJobId`, ...). */
  strings: ReadonlyMap<string, string>;
}

/** The text of one of the README's `## ` sections. */
function readmeSection(heading: string): string {
  const readme = readFileSync(`${root}README.md`, 'utf8');
  const start = readme.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README.md has no section "${heading}"`);
  const rest = readme.slice(start + heading.length + 2);
  const end = rest.search(/^## /m);
  return end >= 0 ? rest.slice(0, end) : rest;
}

const WALK_THROUGH = '## The pull-print flow in GraphiQL';

function readmeOperations(heading = WALK_THROUGH): ReadmeOperation[] {
  const section = readmeSection(heading);
  const blocks = [...section.matchAll(/^```graphql\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');
  return blocks.map((text) => {
    const operations = parse(text).definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    const [operation] = operations;
    if (operations.length !== 1 || !operation?.name) {
      throw new Error(`each README block must be one named operation:\n${text}`);
    }
    const fields = operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD);
    const strings = new Map<string, string>();
    visit(operation, {
      ObjectField: (node) => collectString(strings, node.name.value, node.value),
      Argument: (node) => collectString(strings, node.name.value, node.value),
    });
    return {
      text: text.trimEnd(),
      name: operation.name.value,
      kind: operation.operation,
      rootField: fields.length === 1 && fields[0] ? fields[0].name.value : '',
      strings,
    };
  });
}

/** The answers a section shows (its ```json blocks), in order. */
function readmeAnswers(heading: string): unknown[] {
  return [...readmeSection(heading).matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((m) =>
    JSON.parse(m[1] ?? ''),
  );
}

/** The JSON body of the README's backlog curl (the `_emulator/jobs` request with a `count`). */
function readmeBacklogRequest(): Record<string, unknown> {
  const readme = readFileSync(`${root}README.md`, 'utf8');
  const body = /-d '(\{[^']*"count":\d+\})'/.exec(readme)?.[1];
  if (!body) throw new Error('README.md has no backlog request with a "count"');
  return JSON.parse(body) as Record<string, unknown>;
}

/** The JSON body of step 7's curl ("Never run dry"): one job on a pull printer, for Adele. */
function readmeNeverRunDryRequest(): Record<string, unknown> {
  const bodies = [...readmeSection(WALK_THROUGH).matchAll(/-d '(\{[^']*\})'/g)].map((m) => m[1]);
  const body = bodies.find((candidate) => candidate && !candidate.includes('"count"'));
  if (!body) throw new Error("README.md's walk-through has no single-job request (step 7)");
  return JSON.parse(body) as Record<string, unknown>;
}

/** The JSON body of the live screens section's curl: one job, submitted for Adele. */
function readmeLiveJobRequest(): Record<string, unknown> {
  const body = /-d '(\{[^']*\})'/.exec(readmeSection(LIVE_SCREENS))?.[1];
  if (!body) throw new Error("README.md's live screens section has no job request");
  return JSON.parse(body) as Record<string, unknown>;
}

const LIVE_SCREENS = '## Live release screens';
const RELEASE_AT_A_DEVICE = '## Release at a device';

/** One of a section's operations, by its name. */
function readmeOperation(heading: string, name: string): ReadmeOperation {
  const operation = readmeOperations(heading).find((candidate) => candidate.name === name);
  if (!operation) throw new Error(`README.md's section "${heading}" has no operation ${name}`);
  return operation;
}

function collectString(into: Map<string, string>, name: string, value: ValueNode): void {
  if (value.kind === Kind.STRING) into.set(name, value.value);
}

// ---- The gateway, as `npm start` runs it -------------------------------------------------------

interface Gateway {
  child: ChildProcess;
  url: string;
  /** The embedded emulator's origin, from the gateway's start-up log. */
  emulatorUrl: string;
  log: string[];
  exited: Promise<number | null>;
}

async function startGateway(): Promise<Gateway> {
  // What `npm start` execs (`node --import tsx packages/gateway/dev/start.ts`), without npm in between.
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/gateway/dev/start.ts'], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', PORT: '0', EMULATOR_PORT: '0' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const log: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  // `npm start` took up to 20 s on two cores shared with other test runs: the bound is for that.
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`gateway not listening after 30 s: ${log}`)),
      30_000,
    );
    createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => {
      log.push(line);
      let entry: Record<string, unknown> = {};
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return; // not one of the logger's lines (a Node warning, say)
      }
      if (entry['message'] === 'Gateway listening') {
        clearTimeout(timer);
        resolve(entry['graphql'] as string);
      }
    });
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited ${code} before listening:\n${log.join('\n')}`));
    });
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  const emulatorUrl = log
    .map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        return {};
      }
    })
    .find((entry) => typeof entry['emulator'] === 'string')?.['emulator'] as string | undefined;
  if (!emulatorUrl) throw new Error(`the gateway logged no emulator URL:\n${log.join('\n')}`);
  return { child, url, emulatorUrl, log, exited };
}

async function stopGateway(gateway: Gateway): Promise<number | null> {
  if (gateway.child.exitCode !== null || gateway.child.signalCode !== null) {
    return gateway.child.exitCode;
  }
  gateway.child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) =>
    setTimeout(resolve, 5_000, 'timeout').unref(),
  );
  const result = await Promise.race([gateway.exited, timeout]);
  if (result === 'timeout') {
    gateway.child.kill('SIGKILL');
    throw new Error('gateway did not stop within 5 s of SIGTERM');
  }
  return result;
}

// ---- GraphiQL, driven as a user drives it ------------------------------------------------------

/** Where GraphiQL (default storage namespace) keeps the operation editor's text. */
const GRAPHIQL_QUERY_KEY = 'graphiql:query';

const operationEditor = (page: Page): Locator =>
  page.locator('.graphiql-query-editor .monaco-editor');
const resultPane = (page: Page): Locator => page.getByLabel('Result Window');

/**
 * The text of a Monaco editor as a user gets it: click into it, select all, copy. The copy event
 * (Monaco fills its clipboardData) is recorded by a listener added to the page at start-up: reading
 * the clipboard back (navigator.clipboard.readText) is refused here even with the permission.
 */
async function copyAll(page: Page, editor: Locator): Promise<string> {
  await page.evaluate('window.__copied = undefined');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+C');
  await poll(() => page.evaluate('typeof window.__copied')).toBe('string');
  // Leave no selection behind (it would show in the screenshot), as a user would.
  await page.keyboard.press('ControlOrMeta+Home');
  return (await page.evaluate('window.__copied')) as string;
}

/**
 * Who GraphiQL sent a request as: the `oid` of the bearer token in its Authorization header
 * (decoded only: the gateway is what validates it), or what was sent instead.
 */
function senderOf(request: Request): string {
  const authorization = request.headers()['authorization'] ?? '(no Authorization)';
  const token = /^Bearer (\S+)$/.exec(authorization)?.[1];
  if (!token) return authorization.slice(0, 20);
  return String(decodeJwt(token)['oid']);
}

/**
 * The operationName of a GraphQL request, as GraphiQL sent it: in the JSON body of a POST, or in
 * the URL of the GET it sends for a subscription (over Server-Sent Events).
 */
function postedOperationName(response: Response): string | undefined {
  const request = response.request();
  if (request.method() === 'GET') {
    return new URL(request.url()).searchParams.get('operationName') ?? undefined;
  }
  return (request.postDataJSON() as { operationName?: string } | null)?.operationName;
}

const isGraphQLRequest = (response: Response): boolean =>
  new URL(response.url()).pathname === '/graphql' &&
  (response.request().method() === 'POST' ||
    (response.request().method() === 'GET' && new URL(response.url()).searchParams.has('query')));

/** Pastes the operation into the editor and runs it with the run button; returns its answer. */
async function pasteAndRun(
  page: Page,
  operation: ReadmeOperation,
  as: SignedIn,
): Promise<Response> {
  // Replace whatever the editor holds with the README's block, through the clipboard: typing it
  // would let Monaco auto-indent and auto-close brackets, which a paste does not.
  await operationEditor(page).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(operation.text)})`);
  await page.keyboard.press('ControlOrMeta+V');
  expect(await copyAll(page, operationEditor(page)), 'the operation editor').toBe(operation.text);
  // GraphiQL takes an edit in 100 ms later (a debounce): only then does it know the new
  // operation's name. Run before that and it sends the previous operation's name with the new
  // document, which the gateway rightly refuses. The same debounced step saves the document in
  // GraphiQL's storage, so its arrival there says the edit has been taken in. A person reading
  // the pasted text before clicking never meets this; a test on a loaded machine did.
  await poll(() =>
    page.evaluate(`localStorage.getItem(${JSON.stringify(GRAPHIQL_QUERY_KEY)})`),
  ).toBe(operation.text);

  // The first operation GraphiQL posts after the click (introspection aside) must be this one:
  // matching on any POST turns a wrong operation name into a clear failure, not a timeout.
  const response = page.waitForResponse(
    (r) => isGraphQLRequest(r) && postedOperationName(r) !== 'IntrospectionQuery',
  );
  await page.getByRole('button', { name: /^Execute query/ }).click();
  const posted = await response;
  expect(postedOperationName(posted), 'the operation GraphiQL ran').toBe(operation.name);
  expect(senderOf(posted.request()), 'who GraphiQL ran it as').toBe(as.objectId);
  return posted;
}

/** Pastes the operation into the editor, runs it with the run button, returns the pane's JSON. */
async function runInGraphiQL(
  page: Page,
  operation: ReadmeOperation,
  as: SignedIn,
): Promise<unknown> {
  const posted = await pasteAndRun(page, operation, as);
  const served = await posted.json();
  // The pane shows the operation's result once its root field appears in it.
  await resultPane(page).getByText(`"${operation.rootField}"`).first().waitFor();
  const shown: unknown = JSON.parse(
    await copyAll(page, resultPane(page).locator('.monaco-editor')),
  );
  // What the pane shows is what the gateway answered.
  expect(shown).toEqual(served);
  return shown;
}

// ---- The walk-through --------------------------------------------------------------------------

/** Who GraphiQL is signed in as: the README's `?as=` values and what the page then shows. */
interface SignedIn {
  query: string;
  title: string;
  /** The `oid` of the tokens the page sends. */
  objectId: string;
}

const ADELE: SignedIn = {
  query: '',
  title: 'Universal Print gateway (signed in as Adele Vance)',
  objectId: ENTRA.people.adele.objectId,
};
const MEGAN: SignedIn = {
  query: '?as=megan',
  title: 'Universal Print gateway (signed in as Megan Bowen)',
  objectId: ENTRA.people.megan.objectId,
};
const STATION: SignedIn = {
  query: '?as=station',
  title: `Universal Print gateway (signed in as ${ENTRA.apps.releaseStation.displayName})`,
  objectId: ENTRA.apps.releaseStation.servicePrincipalId,
};

interface Task {
  id: string;
  status: { state: string };
  printJob: {
    id: string;
    printerId: string;
    createdBy: { userPrincipalName: string };
    status: { state: string; details: string[] };
  };
}

describe('the README pull-print flow in GraphiQL, in Chromium', () => {
  const operations = readmeOperations();
  let gateway: Gateway | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];
  const foreignRequests: string[] = [];
  /** Who each GraphQL POST of the page was sent as, introspection included. */
  const senders: string[] = [];
  let gatewayUrl = '';
  let emulatorUrl = '';

  beforeAll(async () => {
    // Both at once; each is kept as soon as it is up, so that afterAll stops it even when the
    // other fails to start (allSettled: no start is still under way when afterAll runs).
    const started = await Promise.allSettled([
      startGateway().then((running) => {
        gateway = running;
      }),
      chromium
        .launch({
          executablePath: chromiumPath,
          headless: true,
          args: CHROMIUM_ARGS,
          timeout: 15_000,
        })
        .then((launched) => {
          browser = launched;
        }),
    ]);
    for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason;
    if (!gateway || !browser) throw new Error('unreachable: started without a gateway or browser');
    const url = new URL(gateway.url);
    gatewayUrl = url.href;
    emulatorUrl = gateway.emulatorUrl;
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => {
      const { protocol, origin } = new URL(request.url());
      if ((protocol === 'http:' || protocol === 'https:') && origin !== url.origin) {
        foreignRequests.push(request.url());
      }
      if (request.method() === 'POST' && new URL(request.url()).pathname === url.pathname) {
        senders.push(senderOf(request));
      }
    });
    await page.addInitScript(
      `document.addEventListener('copy', (event) => { window.__copied = event.clipboardData.getData('text/plain'); });`,
    );
    await page.goto(url.href);
    // GraphiQL has loaded when its operation editor shows the default query, the release screen.
    await operationEditor(page).getByText('ReleaseScreen').first().waitFor({ timeout: 15_000 });
  }, 60_000);

  afterAll(async () => {
    // Each step runs even when another fails, so that nothing is left running.
    const failures: unknown[] = [];
    await browser?.close().catch((error: unknown) => failures.push(error));
    if (gateway) await stopGateway(gateway).catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw new AggregateError(failures, 'cleanup failed');
  }, 15_000);

  it("has the README's eight operations, from the release screen to both release methods at a device", () => {
    expect(operations.map(({ kind, rootField }) => `${kind} ${rootField}`)).toEqual([
      'query printTaskDefinitions',
      'mutation updatePrintTask',
      'mutation abortPrintJob',
      'mutation updatePrintTask',
      'query myPrintJobs',
      'mutation releasePrintJobs',
      'query myPrintJobs',
      'mutation releasePrintJobs',
    ]);
  });

  it('opens GraphiQL, served by the gateway, on the release screen, signed in as Adele', async () => {
    expect(await page.title()).toBe(ADELE.title);
    await poll(() => operationEditor(page).textContent()).toContain('printTaskDefinitions');
  });

  const [
    releaseScreen,
    release,
    declineMegans,
    releaseForMegan,
    myWaitingJobs,
    releaseAllHere,
    waitingHere,
    releaseBothHere,
  ] = operations;
  const step = (operation: ReadmeOperation | undefined): ReadmeOperation => {
    if (!operation) throw new Error('the README lacks a step this test runs');
    return operation;
  };

  /** Reopens GraphiQL signed in as someone else, as the README's `?as=` links do. */
  async function signInAs(who: SignedIn): Promise<void> {
    await page.goto(`${gatewayUrl}${who.query}`);
    await poll(() => page.title()).toBe(who.title);
    await operationEditor(page).waitFor();
  }

  /** Runs the release screen; returns its PROCESSING tasks, each job checked to be waiting. */
  async function waitingTasks(who: SignedIn): Promise<Task[]> {
    const result = (await runInGraphiQL(page, step(releaseScreen), who)) as {
      data: { printTaskDefinitions: Array<{ tasks: { edges: Array<{ node: Task }> } }> };
      errors?: unknown;
    };
    expect(result.errors).toBeUndefined();
    const waiting = result.data.printTaskDefinitions
      .flatMap((definition) => definition.tasks.edges.map((edge) => edge.node))
      .filter((task) => task.status.state === 'PROCESSING');
    for (const task of waiting) {
      expect(task.printJob.status, `job ${task.printJob.id}`).toMatchObject({
        state: 'PAUSED',
        details: ['RELEASE_WAIT'],
      });
    }
    return waiting;
  }

  const ownersOf = (tasks: Task[]) =>
    new Set(tasks.map((task) => task.printJob.createdBy.userPrincipalName));
  const jobIdsOf = (tasks: Task[]) => tasks.map((task) => task.printJob.id).sort();

  it("1. shows Adele her own waiting jobs, 5182 and 5191, and nobody else's", async () => {
    const waiting = await waitingTasks(ADELE);
    await mkdir(dirname(screenshotPath), { recursive: true });
    await page.screenshot({ path: screenshotPath });

    expect(jobIdsOf(waiting)).toEqual(['5182', '5191']);
    expect(ownersOf(waiting)).toEqual(new Set([ENTRA.people.adele.userPrincipalName]));
    expect(waiting.map((task) => task.id)).toContain(step(release).strings.get('taskId'));
  });

  it('2. lets Adele release her job by completing its task', async () => {
    const result = (await runInGraphiQL(page, step(release), ADELE)) as {
      data: { updatePrintTask: { __typename: string; printTask?: Task } };
    };

    expect(result.data.updatePrintTask).toMatchObject({
      __typename: 'UpdatePrintTaskSuccess',
      printTask: { id: step(release).strings.get('taskId'), status: { state: 'COMPLETED' } },
    });
  });

  it("3. answers Adele's abort of Megan's job as NotFoundError", async () => {
    const result = (await runInGraphiQL(page, step(declineMegans), ADELE)) as {
      data: { abortPrintJob: { __typename: string; code?: string } };
    };

    expect(result.data.abortPrintJob).toMatchObject({
      __typename: 'NotFoundError',
      code: 'NOT_FOUND',
    });
  });

  it('4. shows Megan only her jobs, and lets her decline 5183', async () => {
    await signInAs(MEGAN);
    const waiting = await waitingTasks(MEGAN);
    expect(jobIdsOf(waiting)).toEqual(['5183', '5190']);
    expect(ownersOf(waiting)).toEqual(new Set([ENTRA.people.megan.userPrincipalName]));

    const result = (await runInGraphiQL(page, step(declineMegans), MEGAN)) as {
      data: {
        abortPrintJob: {
          __typename: string;
          printJobId?: string;
          printJob?: { status: { state: string }; tasks: Array<{ status: { state: string } }> };
        };
      };
    };

    expect(result.data.abortPrintJob).toMatchObject({
      __typename: 'AbortPrintJobSuccess',
      printJobId: step(declineMegans).strings.get('printJobId'),
      printJob: { status: { state: 'ABORTED' } },
    });
    expect(result.data.abortPrintJob.printJob?.tasks.map((task) => task.status.state)).toEqual([
      'ABORTED',
    ]);
  });

  it("5. shows the release station everyone's waiting jobs, and lets it release Megan's for her", async () => {
    await signInAs(STATION);
    const waiting = await waitingTasks(STATION);
    // What steps 2 and 4 left waiting: Adele's 5191 and Megan's 5190.
    expect(jobIdsOf(waiting)).toEqual(['5190', '5191']);
    expect(step(releaseForMegan).strings.get('onBehalfOf')).toBe(ENTRA.people.megan.objectId);

    const result = (await runInGraphiQL(page, step(releaseForMegan), STATION)) as {
      data: { updatePrintTask: { __typename: string; printTask?: Task } };
    };

    expect(result.data.updatePrintTask).toMatchObject({
      __typename: 'UpdatePrintTaskSuccess',
      printTask: {
        id: step(releaseForMegan).strings.get('taskId'),
        status: { state: 'COMPLETED' },
      },
    });
  });

  interface MyWaitingJobs {
    data: {
      myPrintJobs: {
        pageInfo: { hasNextPage: boolean };
        edges: Array<{ node: { id: string; printerId: string } }>;
      };
    };
  }

  it('6. lets Adele list every page of her waiting jobs and release them all at a device', async () => {
    // The README's backlog: its curl, sent to the emulator `npm start` started.
    const backlog = readmeBacklogRequest();
    const submitted = await fetch(`${emulatorUrl}/_emulator/jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(backlog),
    });
    expect(submitted.status).toBe(201);

    await signInAs(ADELE);
    const before = (await runInGraphiQL(page, step(myWaitingJobs), ADELE)) as MyWaitingJobs;
    const waitingIds = before.data.myPrintJobs.edges.map((edge) => edge.node.id);
    // The backlog and Adele's 5191 (5182 was released in step 2); more than one Graph page.
    expect(waitingIds).toHaveLength(Number(backlog['count']) + 1);
    expect(waitingIds).toContain('5191');
    expect(before.data.myPrintJobs.pageInfo.hasNextPage).toBe(false);

    const released = (await runInGraphiQL(page, step(releaseAllHere), ADELE)) as {
      data: {
        releasePrintJobs: {
          __typename: string;
          results: Array<{
            printJobId: string;
            result: {
              __typename: string;
              printJob?: { printerId: string; status: { state: string } };
            };
          }>;
        };
      };
    };
    const device = step(releaseAllHere).strings.get('destinationPrinterId');
    expect(released.data.releasePrintJobs.__typename).toBe('ReleasePrintJobsSuccess');
    const results = released.data.releasePrintJobs.results;
    expect(results.map((item) => item.printJobId).sort()).toEqual([...waitingIds].sort());
    for (const item of results) {
      expect(item.result, `job ${item.printJobId}`).toMatchObject({
        __typename: 'RedirectPrintJobSuccess',
        printJob: { printerId: device },
      });
    }

    const after = (await runInGraphiQL(page, step(myWaitingJobs), ADELE)) as MyWaitingJobs;
    expect(after.data.myPrintJobs.edges).toEqual([]);
  });

  /** The emulator's request log (its admin endpoint): every Graph request `npm start` sent. */
  async function graphRequests(): Promise<RecordedRequest[]> {
    const answer = await fetch(`${emulatorUrl}/_emulator/requests`);
    expect(answer.status).toBe(200);
    return ((await answer.json()) as { requests: RecordedRequest[] }).requests;
  }

  /** Who sent a recorded request: `app`, or the person the token was delegated by. */
  const sentAs = (entry: RecordedRequest) =>
    entry.caller?.kind === 'user' ? entry.caller.userId : (entry.caller?.kind ?? 'nobody');

  /** The Graph writes (not $batch envelopes, whose items are recorded one by one), as sent. */
  const writesOf = (entries: RecordedRequest[]) =>
    entries
      .filter((entry) => entry.method !== 'GET' && entry.via !== 'batch-envelope')
      .map((entry) => `${entry.method} ${entry.path} ${sentAs(entry)}`);

  interface WaitingHere {
    data: {
      myPrintJobs: {
        edges: Array<{ releaseMethod: string; node: { id: string; printerId: string } }>;
      };
    };
  }

  it('7-8. shows Adele at Floor 1 MFP one waiting job of each model and releases both in one call, each with its token', async () => {
    // Step 7's curl, sent to the emulator `npm start` started: a new task-trigger job for Adele.
    const submitted = await fetch(`${emulatorUrl}/_emulator/jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(readmeNeverRunDryRequest()),
    });
    expect(submitted.status).toBe(201);
    const newJob = {
      id: ((await submitted.json()) as { id: string }).id,
      printerId: String(readmeNeverRunDryRequest()['printerId']),
    };
    // The README quotes the id the job gets after steps 1 to 7, and shows it in the answers.
    expect(readmeSection(WALK_THROUGH)).toContain(`\`${newJob.id}\` after steps 1 to 7`);

    const device = step(releaseBothHere).strings.get('destinationPrinterId');
    expect(device).toBe(DEMO.printers.floor1Device);
    expect(step(waitingHere).strings.get('printerId')).toBe(device);
    const held = DEMO.jobs.pullPrintHeldAdele;

    const waiting = (await runInGraphiQL(page, step(waitingHere), ADELE)) as WaitingHere;
    const [shownWaiting, shownReleased] = readmeAnswers(WALK_THROUGH);
    // What the README shows is what the gateway answered, word for word.
    expect(waiting).toEqual(shownWaiting);
    expect(
      waiting.data.myPrintJobs.edges.map(
        (edge) => `${edge.releaseMethod} ${edge.node.printerId} ${edge.node.id}`,
      ),
    ).toEqual([`REDIRECT ${newJob.printerId} ${newJob.id}`, `SECURE_RELEASE ${device} ${held}`]);

    const before = (await graphRequests()).length;
    const released = (await runInGraphiQL(page, step(releaseBothHere), ADELE)) as {
      data: {
        releasePrintJobs: {
          __typename: string;
          results: Array<{
            printerId: string;
            printJobId: string;
            releaseMethod: string;
            result: { __typename: string; printJob?: { id: string; printerId: string } };
          }>;
        };
      };
    };
    expect(released).toEqual(shownReleased);
    expect(released.data.releasePrintJobs.__typename).toBe('ReleasePrintJobsSuccess');
    expect(released.data.releasePrintJobs.results).toMatchObject([
      {
        printJobId: newJob.id,
        releaseMethod: 'REDIRECT',
        result: { __typename: 'RedirectPrintJobSuccess', printJob: { printerId: device } },
      },
      {
        printJobId: held,
        releaseMethod: 'SECURE_RELEASE',
        result: {
          __typename: 'RedirectPrintJobSuccess',
          printJob: { id: held, printerId: device },
        },
      },
    ]);
    // The redirect went with the gateway app's token, the release with Adele's delegated one.
    expect(writesOf((await graphRequests()).slice(before))).toEqual([
      `POST /print/printers/${newJob.printerId}/jobs/${newJob.id}/redirect app`,
      `POST /print/printers/${device}/jobs/release ${ADELE.objectId}`,
    ]);

    const after = (await runInGraphiQL(page, step(waitingHere), ADELE)) as WaitingHere;
    expect(after.data.myPrintJobs.edges).toEqual([]);
  });

  it('8. refuses colour on the monochrome device with InvalidInputError, sending nothing but the capability read', async () => {
    const colour = readmeOperation(RELEASE_AT_A_DEVICE, 'ColourOnMonochrome');
    // Step 8 sends the reader to this block of "Release at a device" by name.
    expect(readmeSection(WALK_THROUGH)).toContain('`ColourOnMonochrome`');
    const monochrome = colour.strings.get('destinationPrinterId');
    expect(monochrome).toBe(DEMO.printers.direct);

    const before = (await graphRequests()).length;
    const refused = (await runInGraphiQL(page, colour, ADELE)) as {
      data: { releasePrintJobs: { __typename: string; issues?: unknown } };
    };
    expect(refused.data.releasePrintJobs).toMatchObject({
      __typename: 'InvalidInputError',
      issues: [
        {
          path: ['input', 'configuration', 'colorMode'],
          message: 'is not one this printer supports (allowed: blackAndWhite)',
        },
      ],
    });
    // `npm start` reconciles in the background (reads only), so the check is: the capability
    // read was sent, and no write, no held-job read. The exact list of what the refusal sent is
    // test/integration/release-at-a-device-docs.test.ts's, on a gateway with no background reads.
    const sent = (await graphRequests()).slice(before);
    expect(sent.map((entry) => `${entry.method} ${entry.path}?${entry.query}`)).toContain(
      `GET /print/printers/${monochrome}?$select=id,capabilities,defaults`,
    );
    expect(writesOf(sent)).toEqual([]);
    expect(sent.filter((entry) => entry.path.endsWith('/releaseWait'))).toEqual([]);
  });

  it("then shows a job's WAITING event live in Adele's subscription, as Graph's notification arrives", async () => {
    const [live] = readmeOperations(LIVE_SCREENS);
    expect(live?.kind).toBe('subscription');
    await signInAs(ADELE);
    // The stream stays open: its answer (the SSE headers) comes at once, events later.
    const stream = await pasteAndRun(page, step(live), ADELE);
    expect(stream.headers()['content-type']).toContain('text/event-stream');

    // The README's curl, sent to the emulator `npm start` started.
    const submitted = await fetch(`${emulatorUrl}/_emulator/jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(readmeLiveJobRequest()),
    });
    expect(submitted.status).toBe(201);
    const job = (await submitted.json()) as { id: string };

    await resultPane(page).getByText(`"${job.id}"`).first().waitFor();
    const shown = JSON.parse(await copyAll(page, resultPane(page).locator('.monaco-editor')));
    expect(shown).toEqual({
      data: {
        myPrintJobEvents: {
          kind: 'WAITING',
          printerId: readmeLiveJobRequest()['printerId'],
          printJobId: job.id,
          printJob: { document: { displayName: readmeLiveJobRequest()['documentName'] } },
        },
      },
    });
  });

  it('loaded nothing from another origin, threw no error in the page, and sent nothing anonymously', () => {
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    // Introspection and the operations of each step, each as whoever the page was signed in as.
    expect(senders.length).toBeGreaterThanOrEqual(8);
    expect(new Set(senders)).toEqual(new Set([ADELE.objectId, MEGAN.objectId, STATION.objectId]));
  });
});
