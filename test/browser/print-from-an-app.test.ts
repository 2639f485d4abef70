/**
 * The README's "Print from an app" in Chromium: `npm start` (a real process, its embedded
 * emulator and that emulator's Entra over HTTPS), GraphiQL signed in as Adele, and the section's
 * GraphQL steps (the operations its `gql` commands send) pasted into the operation editor, their
 * variables into the Variables editor, and run with the run button, in the README's order. Her
 * live stream runs in a second tab, as the README's background `curl -N` does, and must show the
 * new job's WAITING event before she releases it.
 *
 * The byte upload is not GraphQL, and it is done from the test, as the README's curl does, not from
 * the page: Graph's "Upload documents" page documents no CORS on `uploadUrl`, and the emulator
 * answers none (packages/emulator/README.md, "Printing through a share"), so a page on the
 * gateway's origin cannot PUT to it; the test checks that no CORS header comes back.
 *
 * Each variables template is expanded by bash with the values the person has at that point: the
 * README's own FOLLOW_ME and SIZE, and the job and printer ids read off the result pane of the
 * create step. Run with `npx vitest run --project browser test/browser/print-from-an-app.test.ts`;
 * it needs Debian's Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENTRA } from '@universal-print-gateway/emulator';
import { decodeJwt } from 'jose';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type GatewayProcess,
  killGatewayProcesses,
  startGatewayProcess,
} from '../helpers/gateway-process.js';

const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const STEP_TIMEOUT_MS = 15_000;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'];

// ---- The README's steps --------------------------------------------------------------------

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = (readme.split('\n## Print from an app\n')[1] ?? '').split(/\n## /)[0] ?? '';
const shell = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] ?? '').join('\n');

interface GqlStep {
  operation: string;
  name: string;
  /** The variables argument as the shell sees it: single-quoted pieces and `$NAME`s. */
  variablesWord: string | undefined;
}

/** Each `gql 'OPERATION' 'VARIABLES'` command of the section, in order. */
const gqlSteps: GqlStep[] = [...shell.matchAll(/\bgql '([^']*)'/g)].map((match) => {
  const after = shell.slice((match.index ?? 0) + match[0].length);
  const variables = /^\s*\\\n\s*('\{[\s\S]*?\}')(?=\)|\n|$)/.exec(after)?.[1];
  const operation = match[1] ?? '';
  return {
    operation,
    name: /^(?:query|mutation|subscription)\s+(\w+)/.exec(operation)?.[1] ?? '',
    variablesWord: variables,
  };
});

/** The live stream's subscription: the query of the section's `text/event-stream` curl. */
const streamQuery = (
  JSON.parse(/-d '(\{"query":[^']*\})' &/.exec(shell)?.[1] ?? '{}') as {
    query?: string;
  }
).query;

const followMe = /^FOLLOW_ME=(\S+)/m.exec(shell)?.[1] ?? '';

/** Runs a line of the README in bash in `dir` with these variables; returns what it printed. */
const bash = (script: string, dir: string, env: Record<string, string> = {}) =>
  execFileSync('bash', ['--norc', '-c', script], {
    cwd: dir,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    encoding: 'utf8',
  });

// ---- GraphiQL, as a person drives it ---------------------------------------------------------

const queryEditor = (page: Page): Locator => page.locator('.graphiql-query-editor .monaco-editor');
const variablesEditor = (page: Page): Locator =>
  page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden) .monaco-editor');
const resultPane = (page: Page): Locator => page.getByLabel('Result Window');

/**
 * Replaces an editor's text by pasting, as a person does (typing would auto-close brackets), and
 * waits until GraphiQL has taken the edit in (it saves it, debounced, under `storageKey`): run
 * before that, it would send the previous operation.
 */
async function pasteInto(page: Page, editor: Locator, text: string, storageKey: string) {
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`);
  await page.keyboard.press('ControlOrMeta+V');
  await page.waitForFunction(
    ([key, expected]) => localStorage.getItem(key as string) === expected,
    [storageKey, text],
  );
}

describe('README "Print from an app" in GraphiQL, in Chromium, as Adele', () => {
  let gateway: GatewayProcess;
  let emulator = '';
  let browser: Browser | undefined;
  let page: Page;
  let streamPage: Page;
  let workDir = '';
  const senders = new Set<string>();

  beforeAll(async () => {
    gateway = startGatewayProcess({ EMULATOR_PORT: '0' }, { entry: 'development' });
    const graphql = await gateway.listening;
    await gateway.logged('Graph subscription created');
    emulator = gateway.lines.find((line) => typeof line['emulator'] === 'string')?.[
      'emulator'
    ] as string;
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    context.on('request', (request) => {
      const authorization = request.headers()['authorization'];
      if (request.method() === 'POST' && authorization?.startsWith('Bearer ')) {
        senders.add(String(decodeJwt(authorization.slice(7))['oid']));
      }
    });
    // The stream's tab first: the person opens it, starts the stream, and works in the other.
    streamPage = await context.newPage();
    page = await context.newPage();
    for (const tab of [streamPage, page]) {
      await tab.bringToFront();
      await tab.goto(graphql);
      await queryEditor(tab).first().waitFor({ timeout: 30_000 });
    }
    workDir = mkdtempSync(join(tmpdir(), 'print-from-an-app-'));
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    killGatewayProcesses();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  /** Pastes a README step and its variables (expanded by bash with `values`), runs it. */
  async function run(name: string, values: Record<string, string> = {}) {
    const step = gqlSteps.find((candidate) => candidate.name === name);
    if (!step) throw new Error(`README "Print from an app" has no gql step ${name}`);
    await pasteInto(page, queryEditor(page), step.operation, 'graphiql:query');
    if (step.variablesWord) {
      const variables = bash(`printf '%s' ${step.variablesWord}`, workDir, values);
      await page.getByRole('button', { name: 'Variables' }).click();
      await pasteInto(page, variablesEditor(page), variables, 'graphiql:variables');
    }
    const answered = page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' &&
        (response.request().postDataJSON() as { operationName?: string })?.operationName === name,
    );
    await page.getByRole('button', { name: /^Execute query/ }).click();
    const served = (await (await answered).json()) as Record<string, unknown>;
    return served;
  }

  it('finds the steps it runs in the README', () => {
    expect(gqlSteps.map((step) => step.name)).toEqual(['Shares', 'Create', 'Start', 'Release']);
    expect(streamQuery).toContain('myPrintJobEvents');
    expect(followMe).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lists shares, creates a job, uploads, starts, hears WAITING, releases it at a device', async () => {
    // Her live stream in the other tab.
    await streamPage.bringToFront();
    await pasteInto(streamPage, queryEditor(streamPage), streamQuery ?? '', 'graphiql:query');
    await streamPage.getByRole('button', { name: /^Execute query/ }).click();
    await page.bringToFront();

    const shares = await run('Shares');
    expect(JSON.stringify(shares)).toContain(`"id":"${followMe}"`);

    // The PDF exactly as the README makes it.
    const makePdf = /^printf .*> hello\.pdf$/m.exec(shell)?.[0] ?? '';
    bash(makePdf, workDir);
    const pdf = readFileSync(join(workDir, 'hello.pdf'));
    const created = await run('Create', { FOLLOW_ME: followMe, SIZE: String(pdf.length) });
    const success = (
      created as {
        data: {
          createPrintJob: {
            printJob: { id: string; printerId: string };
            upload: { uploadUrl: string };
          };
        };
      }
    ).data.createPrintJob;
    expect(success).toMatchObject({ __typename: 'CreatePrintJobSuccess' });
    const { id: job, printerId: printer } = success.printJob;
    const { uploadUrl } = success.upload;
    // The pane shows what the person copies the ids from.
    await resultPane(page).getByText(`"${job}"`).first().waitFor();

    // A page's preflight would be refused: no CORS on uploadUrl.
    const preflight = await fetch(uploadUrl, {
      method: 'OPTIONS',
      headers: { origin: new URL(page.url()).origin, 'access-control-request-method': 'PUT' },
    });
    expect(preflight.status).toBe(405);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    // So the bytes go from outside the page, as the README's curl sends them.
    const upload = await fetch(uploadUrl, {
      method: 'PUT',
      headers: { 'content-range': `bytes 0-${pdf.length - 1}/${pdf.length}` },
      body: pdf,
    });
    expect(upload.status).toBe(201);
    expect(upload.headers.get('access-control-allow-origin')).toBeNull();

    const started = await run('Start', { FOLLOW_ME: followMe, JOB: job });
    expect(JSON.stringify(started)).toContain('"__typename":"StartPrintJobSuccess"');
    await resultPane(streamPage).getByText('"WAITING"').first().waitFor();
    await resultPane(streamPage).getByText(`"${job}"`).first().waitFor();

    const released = await run('Release', { PRINTER: printer, JOB: job });
    const [result] = (released as { data: { releasePrintJobs: { results: unknown[] } } }).data
      .releasePrintJobs.results;
    expect(result).toMatchObject({
      printJobId: job,
      result: {
        __typename: 'RedirectPrintJobSuccess',
        printJob: { printerId: expect.stringMatching(/7f63$/) },
      },
    });
    expect(senders).toEqual(new Set([ENTRA.people.adele.objectId]));
    const hits = (await (await fetch(`${emulator}/_emulator/entra/hits`)).json()) as {
      onBehalfOf: Record<string, number>;
    };
    expect(hits.onBehalfOf).toEqual({ [ENTRA.people.adele.objectId]: 1 });
  }, 120_000);
});
