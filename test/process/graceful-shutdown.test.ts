/**
 * SIGTERM under load, on the real process: every write Graph applied is answered (not reset),
 * everything after the signal says `Connection: close`, whatever had not reached Graph is
 * refused without a Graph call, and the process exits 0.
 *
 * The emulator runs in this process (so its request log shows what Graph applied) and the
 * gateway is pointed at it as at Graph.
 */
import { Agent } from 'node:http';
import { connect, type Socket } from 'node:net';
import {
  DEMO,
  EMULATOR_TOKENS,
  type RunningEmulator,
  startEmulator,
} from '@universal-print-gateway/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type GatewayProcess,
  postJson,
  startGatewayProcess,
  type WireOutcome,
} from '../helpers/gateway-process.js';

const ABORT_ROUTE = '^/print/printers/[^/]+/jobs/[^/]+/abort$';
const ABORT = `mutation Abort($input: AbortPrintJobInput!) {
  abortPrintJob(input: $input) {
    __typename
    ... on AbortPrintJobSuccess { printJobId }
    ... on Error { code }
    ... on UpstreamUnavailableError { outcomeUnknown }
  }
}`;

let emulator: RunningEmulator | undefined;
let gateway: GatewayProcess | undefined;
const agents: Agent[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  gateway?.child.kill('SIGKILL');
  for (const agent of agents.splice(0)) agent.destroy();
  await emulator?.close();
  emulator = undefined;
  gateway = undefined;
});

/** Polls generously: the machine may be loaded. */
async function until(predicate: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !predicate(); waited += 20) {
    if (waited > 20_000) throw new Error(`${what}: not within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function untilAsync(predicate: () => Promise<boolean>, what: string): Promise<void> {
  for (let waited = 0; !(await predicate()); waited += 50) {
    if (waited > 20_000) throw new Error(`${what}: not within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The gateway's own count of HTTP requests sent to Graph, from its metrics listener. */
async function graphRequestsSent(metricsUrl: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  return [...text.matchAll(/^graph_http_requests_total\{[^}]*\} (\d+)$/gm)].reduce(
    (total, [, count]) => total + Number(count),
    0,
  );
}

async function startAgainstEmulator(env: Record<string, string>) {
  emulator = await startEmulator();
  gateway = startGatewayProcess({
    GRAPH_BASE_URL: emulator.url,
    GRAPH_ACCESS_TOKEN: EMULATOR_TOKENS.gatewayApp,
    // What is tested here is the HTTP lifecycle, not who calls: callers need no credentials,
    // which since anonymous access is no default anywhere has to be said.
    GATEWAY_ALLOW_ANONYMOUS: 'true',
    ...env,
  });
  const url = await gateway.listening;
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  agents.push(agent);
  return { emulator, gateway, url, agent };
}

const submitJobs = (count: number) =>
  Array.from(
    { length: count },
    () => (emulator as RunningEmulator).submitJob({ printerId: DEMO.printers.floor1 }).id,
  );

const abortBody = (printJobId: string) => ({
  query: ABORT,
  variables: { input: { printerId: DEMO.printers.floor1, printJobId } },
});

/** Job ids whose abort reached the emulator, from its request log. */
function abortsThatReachedGraph(running: RunningEmulator): string[] {
  return running.requests
    .entries()
    .filter((entry) => new RegExp(ABORT_ROUTE).test(entry.path))
    .map((entry) => entry.path.split('/')[5] as string);
}

const typename = (outcome: WireOutcome) =>
  outcome.kind === 'answer'
    ? (outcome.body as { data?: { abortPrintJob?: { __typename?: string } } }).data?.abortPrintJob
        ?.__typename
    : undefined;

describe('SIGTERM', () => {
  it('answers every abort Graph applied, refuses the rest unsent, and exits 0', async () => {
    const { emulator, gateway, url, agent } = await startAgainstEmulator({});
    emulator.faults.add({ path: ABORT_ROUTE, latencyMs: 300 });
    const clients = 16;
    const pools = Array.from({ length: clients }, () => submitJobs(20));
    const records: Array<{ jobId: string; sentAfterShutdown: boolean; outcome: WireOutcome }> = [];
    let shutdownBegun = false;

    // Each client sends one abort at a time on its keep-alive connection until it is refused.
    const client = async (jobs: string[]) => {
      for (const jobId of jobs) {
        const sentAfterShutdown = shutdownBegun;
        const outcome = await postJson(url, abortBody(jobId), agent);
        records.push({ jobId, sentAfterShutdown, outcome });
        if (outcome.kind === 'no-answer' || outcome.status !== 200) return;
      }
    };
    const load = Promise.all(pools.map(client));
    await until(() => records.length >= 2 * clients, 'two rounds of aborts answered');
    gateway.child.kill('SIGTERM');
    await gateway.logged('Shutting down');
    shutdownBegun = true;
    await load;

    const exitCode = await gateway.exited;
    const applied = abortsThatReachedGraph(emulator);
    expect(exitCode).toBe(0);
    const byJob = new Map(records.map((record) => [record.jobId, record]));
    // Every abort Graph applied was answered, as a success, not a reset.
    for (const jobId of applied) {
      expect(byJob.get(jobId)?.outcome, `job ${jobId}`).toMatchObject({ kind: 'answer' });
      expect(typename(byJob.get(jobId)?.outcome as WireOutcome), `job ${jobId}`).toBe(
        'AbortPrintJobSuccess',
      );
    }
    // Requests sent once the drain had begun: refused, closed, and never sent to Graph.
    const late = records.filter((record) => record.sentAfterShutdown);
    expect(late.length).toBeGreaterThan(0);
    for (const record of late) {
      expect(applied).not.toContain(record.jobId);
      if (record.outcome.kind === 'answer') {
        expect(record.outcome).toMatchObject({
          status: 503,
          connection: 'close',
          body: { errors: [{ extensions: { code: 'SHUTTING_DOWN' } }] },
        });
      }
    }
    expect(late.some((record) => record.outcome.kind === 'answer')).toBe(true);
    // The answers that were being prepared when the signal came say Connection: close too.
    const inFlightAtSignal = records.filter(
      (record) =>
        !record.sentAfterShutdown &&
        record.outcome.kind === 'answer' &&
        record.outcome.connection === 'close',
    );
    expect(inFlightAtSignal.length).toBeGreaterThan(0);
    // Whatever got no answer at all was never applied (a keep-alive socket closed as it was used).
    for (const record of records.filter((r) => r.outcome.kind === 'no-answer')) {
      expect(applied).not.toContain(record.jobId);
    }
  }, 60_000);

  it('refuses writes queued behind the in-flight cap before they reach Graph', async () => {
    const { emulator, gateway, url, agent } = await startAgainstEmulator({
      GRAPH_MAX_IN_FLIGHT: '1',
    });
    emulator.faults.add({ path: ABORT_ROUTE, latencyMs: 4_000 });
    const [first, ...queued] = submitJobs(4) as [string, ...string[]];

    const firstAnswer = postJson(url, abortBody(first), agent);
    const metricsUrl = await gateway.metrics;
    await untilAsync(
      async () => (await graphRequestsSent(metricsUrl)) >= 1,
      'the first abort sent',
    );
    const queuedAnswers = queued.map((jobId) => postJson(url, abortBody(jobId), agent));
    // Long enough for the queued requests to reach the gateway's queue on a loaded machine.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    gateway.child.kill('SIGTERM');

    for (const outcome of await Promise.all(queuedAnswers)) {
      expect(outcome).toMatchObject({
        kind: 'answer',
        status: 200,
        connection: 'close',
        body: {
          data: {
            abortPrintJob: {
              __typename: 'UpstreamUnavailableError',
              code: 'SHUTTING_DOWN',
              outcomeUnknown: false,
            },
          },
        },
      });
    }
    expect(typename(await firstAnswer)).toBe('AbortPrintJobSuccess');
    expect(await gateway.exited).toBe(0);
    expect(abortsThatReachedGraph(emulator)).toEqual([first]);
  }, 60_000);

  it('past the grace period logs what it abandons and exits 1', async () => {
    const { gateway, url } = await startAgainstEmulator({
      GRAPH_TIMEOUT_MS: '1000',
      SHUTDOWN_GRACE_MS: '2000',
    });
    // A request whose body is still arriving when the signal comes, and after the grace period.
    const slow = connect(Number(new URL(url).port), '127.0.0.1');
    sockets.push(slow);
    slow.on('error', () => {});
    let received = '';
    slow.setEncoding('utf8');
    slow.on('data', (chunk: string) => {
      received += chunk;
    });
    slow.write(
      'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\n' +
        'content-length: 1000\r\nexpect: 100-continue\r\n\r\n{',
    );
    // Node says 100 Continue as it hands the request to the gateway: it is in progress.
    await until(() => received.startsWith('HTTP/1.1 100'), 'the request in progress');
    gateway.child.kill('SIGTERM');

    expect(await gateway.exited).toBe(1);
    expect(gateway.lines).toContainEqual(
      expect.objectContaining({
        level: 'error',
        code: 'SHUTDOWN_GRACE_EXPIRED',
        graceMs: 2_000,
        unansweredRequests: 1,
      }),
    );
  }, 60_000);
});
