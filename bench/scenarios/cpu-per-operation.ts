/**
 * Scenario 10 (issue 12): what one operation costs the server that answers it, in CPU, against
 * two reference servers kept in bench/reference/: a bare `node:http` proxy (the floor, 1.00) and
 * a minimal graphql-yoga server. Every server is its own process on the same Graph (the
 * emulator's answers replayed at once, bench/replaying-graph.ts), under the same closed loop of
 * 16 clients; CPU is what /proc charged each server's process group. Servers are rotated within
 * each round; CPU per operation is the median over rounds, and a ratio the median over rounds of
 * the ratio within each round, so that a drift of this shared machine between rounds cancels.
 *
 * The gateway runs as it ships (bench/built-gateway.ts). With tracing on, every request is
 * sampled and exported over OTLP to a sink here.
 */
import { randomBytes } from 'node:crypto';
import { Agent, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO, startEmulator } from '@universal-print-gateway/emulator';
import { personToken } from '../../test/helpers/entra.js';
import { startBuiltGateway } from '../built-gateway.js';
import { closedLoop, median, must, pairedRatio, round } from '../harness.js';
import { p, postJson } from '../http-load.js';
import { processGroupCpuMs, processRssMiB } from '../process-cpu.js';
import { startBareProxy, startMinimalYoga } from '../reference-servers.js';
import { startReplayingGraph } from '../replaying-graph.js';
import type { ServerProcess } from '../server-process.js';

const CONCURRENCY = 16;
const SCREEN_JOBS = 25;

type ServerName = 'bare proxy' | 'minimal yoga' | 'gateway' | 'gateway, tracing on';
const SERVERS: readonly ServerName[] = [
  'bare proxy',
  'minimal yoga',
  'gateway',
  'gateway, tracing on',
];

type OperationName =
  | 'release as a station'
  | 'release as a person'
  | `release screen, ${number} jobs`;

export const GATEWAY_RELEASE = `mutation Release($input: UpdatePrintTaskInput!) {
  updatePrintTask(input: $input) {
    __typename
    ... on UpdatePrintTaskSuccess { printTask { id status { state } } }
    ... on Error { code message }
  }
}`;
const REFERENCE_RELEASE = `mutation Release($input: UpdatePrintTaskInput!) {
  updatePrintTask(input: $input) { id status { state } }
}`;
export const GATEWAY_SCREEN = `query ReleaseScreen($printerId: ID!, $first: Int!) {
  printer(id: $printerId) {
    __typename
    ... on Printer {
      id
      displayName
      jobs(first: $first) {
        __typename
        ... on PrintJobConnection { edges { node { id status { state } document { displayName } } } }
        ... on Error { code message }
      }
    }
    ... on Error { code message }
  }
}`;
const REFERENCE_SCREEN = `query ReleaseScreen($printerId: ID!, $first: Int!) {
  printer(id: $printerId) { id displayName jobs(first: $first) { id status { state } documents { displayName } } }
}`;

interface Operation {
  name: OperationName;
  /** The request body for the gateway, and for both reference servers. */
  gatewayBody: string;
  referenceBody: string;
  /** Who the gateway is told calls. */
  caller: 'service key' | 'person';
  /** What a correct gateway answer holds. */
  gatewayAnswers: string;
}

export interface CpuRow {
  operation: OperationName;
  server: ServerName;
  /** Median over rounds, ms of CPU per operation. */
  cpuMsPerOp: number;
  /**
   * This server ÷ the bare proxy, on the same operation: the median over rounds of the ratio
   * within each round, so that a drift of this shared machine between rounds cancels out.
   */
  cpuRatio: number;
  perSecond: number;
  /** Over every operation of every round. */
  p50Ms: number;
  p99Ms: number;
  p99Ratio: number;
  /** Resident memory after the last round. */
  rssMiB: number;
}

export interface CpuPerOperationResult {
  concurrency: number;
  rounds: number;
  operationsPerSegment: number;
  rows: CpuRow[];
  /** Gateway ÷ bare proxy CPU per operation, and p99, tracing off. */
  station: { cpuRatio: number; p99Ratio: number };
  person: { cpuRatio: number; p99Ratio: number };
  screen: { cpuRatio: number; p99Ratio: number };
  /** Tracing on ÷ off, CPU per operation, per operation. */
  tracingCost: Record<OperationName, number>;
  /** Graph requests each gateway operation makes (the replaying Graph's distinct requests). */
  graphCallsPerOperation: Record<OperationName, number>;
}

export async function cpuPerOperation(options: {
  rounds: number;
  operationsPerSegment: number;
  warmup: number;
}): Promise<CpuPerOperationResult> {
  const emulator = await startEmulator();
  const graph = await startReplayingGraph(emulator.url);
  const sink = await startOtlpSink();
  const serviceKey = `bench-${randomBytes(16).toString('hex')}`;
  const servers = new Map<ServerName, ServerProcess>();
  try {
    servers.set('bare proxy', await startBareProxy(graph.url));
    servers.set('minimal yoga', await startMinimalYoga(graph.url));
    for (const [name, tracing] of [
      ['gateway', false],
      ['gateway, tracing on', true],
    ] as const) {
      servers.set(
        name,
        await startBuiltGateway({
          name,
          graphUrl: graph.url,
          emulatorUrl: emulator.url,
          serviceKey,
          concurrency: CONCURRENCY,
          ...(tracing ? { otlpEndpoint: sink.url } : {}),
        }),
      );
    }

    const person = await personToken(emulator.url, 'adele');
    // Fresh jobs, so that each operation records its own answers (replaying-graph.ts).
    const taskOf = (userPrincipalName: string) => {
      const job = emulator.submitJob({ printerId: DEMO.printers.floor1, userPrincipalName });
      const task = job.tasks?.[0];
      if (!task?.id) throw new Error('a submitted job has no task');
      return task.id;
    };
    const screenPrinter = DEMO.printers.floor2;
    emulator.submitJobs(
      { printerId: screenPrinter, userPrincipalName: DEMO.users.megan.userPrincipalName },
      SCREEN_JOBS,
    );
    const release = (taskId: string) =>
      JSON.stringify({
        variables: {
          input: {
            taskDefinitionId: DEMO.taskDefinitionId,
            taskId,
            status: { state: 'COMPLETED' },
          },
        },
      });
    const withQuery = (query: string, body: string) =>
      JSON.stringify({ query, ...JSON.parse(body) });
    const stationBody = release(taskOf(DEMO.users.megan.userPrincipalName));
    const personBody = release(taskOf(DEMO.users.adele.userPrincipalName));
    const screenBody = JSON.stringify({
      variables: { printerId: screenPrinter, first: SCREEN_JOBS },
    });
    const operations: Operation[] = [
      {
        name: 'release as a station',
        gatewayBody: withQuery(GATEWAY_RELEASE, stationBody),
        referenceBody: withQuery(REFERENCE_RELEASE, stationBody),
        caller: 'service key',
        gatewayAnswers: '"UpdatePrintTaskSuccess"',
      },
      {
        name: 'release as a person',
        gatewayBody: withQuery(GATEWAY_RELEASE, personBody),
        referenceBody: withQuery(REFERENCE_RELEASE, personBody),
        caller: 'person',
        gatewayAnswers: '"UpdatePrintTaskSuccess"',
      },
      {
        name: `release screen, ${SCREEN_JOBS} jobs`,
        gatewayBody: withQuery(GATEWAY_SCREEN, screenBody),
        referenceBody: withQuery(REFERENCE_SCREEN, screenBody),
        caller: 'service key',
        gatewayAnswers: '"PrintJobConnection"',
      },
    ];

    const sender = (server: ServerProcess, operation: Operation, agent: Agent) => {
      const isGateway = server.name.startsWith('gateway');
      const body = isGateway ? operation.gatewayBody : operation.referenceBody;
      const headers: Record<string, string> = isGateway
        ? { authorization: `Bearer ${operation.caller === 'person' ? person : serviceKey}` }
        : {};
      const expected = isGateway ? operation.gatewayAnswers : '"data"';
      return async () => {
        const answer = await postJson(server.url, body, headers, agent);
        if (!answer.includes(expected) || answer.includes('"errors"')) {
          throw new Error(`${server.name}, ${operation.name}: ${answer.slice(0, 500)}`);
        }
      };
    };

    // Connections of their own per segment: a connection left idle while other servers are
    // measured may be closed by its server just as it is reused (a reset, not a measurement).
    const segment = async (server: ServerProcess, operation: Operation, operations: number) => {
      const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
      try {
        return await closedLoop(operations, CONCURRENCY, sender(server, operation, agent));
      } finally {
        agent.destroy();
      }
    };

    // Warm every server (JIT, connections, the JWKS cache). The gateway goes first so that the
    // Graph calls it makes are recorded; the reference servers must then make no other.
    const graphCallsPerOperation = {} as Record<OperationName, number>;
    for (const operation of operations) {
      const before = graph.forwarded;
      await segment(must(servers, 'gateway'), operation, options.warmup);
      graphCallsPerOperation[operation.name] = graph.forwarded - before;
    }
    const recorded = graph.forwarded;
    for (const name of SERVERS.filter((server) => server !== 'gateway')) {
      for (const operation of operations) {
        await segment(must(servers, name), operation, options.warmup);
      }
    }
    if (graph.forwarded !== recorded) {
      throw new Error(
        `the reference servers sent Graph calls the gateway did not: ${graph.keys().slice(recorded).join('\n')}\nthe gateway sent: ${graph.keys().slice(0, recorded).join('\n')}`,
      );
    }

    const samples = new Map<string, { cpu: number[]; perSecond: number[]; latencies: number[] }>();
    for (let round = 0; round < options.rounds; round++) {
      for (const operation of operations) {
        // Rotated each round: no server is always the one measured first after another's load.
        const order = SERVERS.map((_, i) => SERVERS[(i + round) % SERVERS.length] as ServerName);
        for (const name of order) {
          const server = must(servers, name);
          const before = processGroupCpuMs(server.pid);
          const run = await segment(server, operation, options.operationsPerSegment);
          const cpuMs = processGroupCpuMs(server.pid) - before;
          const key = `${operation.name}|${name}`;
          const sample = samples.get(key) ?? { cpu: [], perSecond: [], latencies: [] };
          sample.cpu.push(cpuMs / run.operations);
          sample.perSecond.push(run.perSecond);
          sample.latencies.push(...run.latenciesMs);
          samples.set(key, sample);
        }
      }
    }

    const rows: CpuRow[] = [];
    for (const operation of operations) {
      const bare = must(samples, `${operation.name}|bare proxy`);
      const bareP99 = p(bare.latencies, 0.99);
      for (const name of SERVERS) {
        const sample = must(samples, `${operation.name}|${name}`);
        const cpuMsPerOp = median(sample.cpu);
        const p99Ms = p(sample.latencies, 0.99);
        rows.push({
          operation: operation.name,
          server: name,
          cpuMsPerOp: round(cpuMsPerOp, 3),
          cpuRatio: round(pairedRatio(sample.cpu, bare.cpu), 2),
          perSecond: round(median(sample.perSecond), 0),
          p50Ms: p(sample.latencies, 0.5),
          p99Ms,
          p99Ratio: round(p99Ms / bareP99, 2),
          rssMiB: processRssMiB(must(servers, name).pid),
        });
      }
    }
    const row = (operation: OperationName, server: ServerName) =>
      must(new Map(rows.map((r) => [`${r.operation}|${r.server}`, r])), `${operation}|${server}`);
    const versusBare = (operation: OperationName) => {
      const gateway = row(operation, 'gateway');
      return { cpuRatio: gateway.cpuRatio, p99Ratio: gateway.p99Ratio };
    };
    const [station, personRelease, screen] = operations.map((operation) => operation.name) as [
      OperationName,
      OperationName,
      OperationName,
    ];
    return {
      concurrency: CONCURRENCY,
      rounds: options.rounds,
      operationsPerSegment: options.operationsPerSegment,
      rows,
      station: versusBare(station),
      person: versusBare(personRelease),
      screen: versusBare(screen),
      tracingCost: Object.fromEntries(
        operations.map((operation) => [
          operation.name,
          round(
            pairedRatio(
              must(samples, `${operation.name}|gateway, tracing on`).cpu,
              must(samples, `${operation.name}|gateway`).cpu,
            ),
            2,
          ),
        ]),
      ) as Record<OperationName, number>,
      graphCallsPerOperation,
    };
  } finally {
    await Promise.all([...servers.values()].map((server) => server.stop()));
    await sink.close();
    await graph.close();
    await emulator.close();
  }
}

/** An OTLP/HTTP endpoint that takes every export and keeps nothing. */
async function startOtlpSink(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () =>
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
