/**
 * The gateway as a real process (`node --import tsx packages/gateway/dev/start.ts`, or the
 * production entry), configured only by its environment, and a keep-alive HTTP client that
 * reports what came back on the wire. Not an in-process gateway but a process of its own, so
 * not a test/helpers/test-gateway.ts option: only the process project (test/process) starts one.
 *
 * GATEWAY_TEST_ENTRY=dist/main.js runs the built bundle instead (`npm run build` first): what
 * .ci/run does once, so that every process test also holds for what ships.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { type Agent, request } from 'node:http';
import { createInterface } from 'node:readline';
import { EMULATOR_TOKENS, ENTRA, GATEWAY_API } from '@universal-print-gateway/emulator';

export interface GatewayProcess {
  child: ChildProcess;
  /** Every JSON log line so far. */
  lines: Array<Record<string, unknown>>;
  exited: Promise<number | null>;
  /** The GraphQL endpoint, once the gateway listens. */
  listening: Promise<string>;
  /** The metrics listener's `/metrics` URL, once it listens. */
  metrics: Promise<string>;
  /** Resolves when a log line with this message has been written. */
  logged(message: string): Promise<void>;
}

const running: ChildProcess[] = [];

/**
 * The environment of a gateway on an emulator that is already running (not its own embedded
 * one): Graph at the emulator with the gateway app's token, callers' tokens from its Entra.
 */
export function onRunningEmulator(emulatorUrl: string): Record<string, string> {
  return {
    GRAPH_BASE_URL: emulatorUrl,
    GRAPH_ACCESS_TOKEN: EMULATOR_TOKENS.gatewayApp,
    AZURE_AUTHORITY_HOST: emulatorUrl,
    GATEWAY_AUTH_TENANT_IDS: ENTRA.tenantId,
    GATEWAY_AUTH_AUDIENCE: GATEWAY_API.clientId,
  };
}

/** Kills every process `startGatewayProcess` started that still runs: for `afterEach`. */
export function killGatewayProcesses(): void {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
}

const ENTRY = process.env['GATEWAY_TEST_ENTRY'];

/**
 * Which entry a process starts: `development` is `npm start`'s (dev/start.ts: the embedded
 * emulator without credentials, GraphiQL); `production` is what ships (src/main.ts, or
 * GATEWAY_TEST_ENTRY's build of it); omitted, GATEWAY_TEST_ENTRY if set, else `npm start`'s.
 */
export type GatewayEntry = 'development' | 'production';

function argsFor(entry: GatewayEntry | undefined): string[] {
  if (entry === 'development') return ['--import', 'tsx', 'packages/gateway/dev/start.ts'];
  if (ENTRY) return [ENTRY];
  return entry === 'production'
    ? ['--import', 'tsx', 'packages/gateway/src/main.ts']
    : ['--import', 'tsx', 'packages/gateway/dev/start.ts'];
}

export function startGatewayProcess(
  env: Record<string, string>,
  { entry }: { entry?: GatewayEntry } = {},
): GatewayProcess {
  const child = spawn(process.execPath, argsFor(entry), {
    // Port 0 for the metrics listener too: test processes run side by side.
    env: { PATH: process.env['PATH'] ?? '', PORT: '0', METRICS_PORT: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  running.push(child);
  const lines: Array<Record<string, unknown>> = [];
  const waiters: Array<{ message: string; resolve: () => void }> = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => {
    const entry = parseLogLine(line);
    lines.push(entry);
    for (const waiter of waiters) if (entry['message'] === waiter.message) waiter.resolve();
  });
  const logged = (message: string) =>
    new Promise<void>((resolve, reject) => {
      if (lines.some((entry) => entry['message'] === message)) return resolve();
      waiters.push({ message, resolve });
      exited.then((code) =>
        reject(new Error(`exited ${code} before logging "${message}": ${JSON.stringify(lines)}`)),
      );
    });
  const listening = logged('Gateway listening').then(() => {
    const entry = lines.find((line) => line['message'] === 'Gateway listening');
    return entry?.['graphql'] as string;
  });
  const metrics = logged('Metrics listening').then(() => {
    const entry = lines.find((line) => line['message'] === 'Metrics listening');
    return entry?.['metrics'] as string;
  });
  // A process that is meant to fail never listens; that is not an unhandled rejection.
  listening.catch(() => {});
  metrics.catch(() => {});
  return { child, lines, exited, listening, metrics, logged };
}

/** What one HTTP request ended with: an answer, or a socket error code (no answer). */
export type WireOutcome =
  | { kind: 'answer'; status: number; connection: string | undefined; body: unknown }
  | { kind: 'no-answer'; error: string };

export function postJson(url: string, body: unknown, agent: Agent): Promise<WireOutcome> {
  return new Promise((resolve) => {
    const text = JSON.stringify(body);
    const outgoing = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) },
      },
      (response) => {
        let received = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          received += chunk;
        });
        response.on('end', () => {
          let parsed: unknown = received;
          try {
            parsed = JSON.parse(received);
          } catch {
            // Keep the text: the assertion shows it.
          }
          resolve({
            kind: 'answer',
            status: response.statusCode ?? 0,
            connection: response.headers.connection,
            body: parsed,
          });
        });
        response.on('error', (error: NodeJS.ErrnoException) =>
          resolve({ kind: 'no-answer', error: error.code ?? error.message }),
        );
      },
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ kind: 'no-answer', error: error.code ?? error.message }),
    );
    outgoing.end(text);
  });
}

/** A line that is not JSON (a crash's stack trace, say) is kept as `raw`, never thrown on. */
function parseLogLine(line: string): Record<string, unknown> {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return { raw: line };
  }
}
