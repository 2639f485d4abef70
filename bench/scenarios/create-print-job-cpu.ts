/**
 * Scenario 15 (issue 22, "Measure"): what one `createPrintJob` costs the server that answers it,
 * in CPU, against the bare `node:http` proxy of bench/reference/ making the same two Graph calls
 * (the job with its document on the share, then the document's upload session) as the same
 * person. Warm: the gateway has read the share's capabilities and exchanged the person's token
 * before the first measured call (the share cached for the whole run), and the proxy was handed
 * a Graph token exchanged on-behalf-of with the gateway's app registration before it started, so
 * neither exchanges during the load.
 *
 * Both run on the same emulator over HTTPS (the gateway acts for people at its Entra, which MSAL
 * reaches over https only), under the same closed loop, the order alternated each round as in
 * scenario 10; CPU is what /proc charged each server's process group. The emulator's request
 * log checks each server made two Graph round trips per call, all as the person.
 */
import { Agent } from 'node:http';
import { DEMO, ENTRA, type RunningEmulator } from '@universal-print-gateway/emulator';
import { closedLoop, median, must, pairedRatio, round } from '../harness.js';
import { p, postJson } from '../http-load.js';
import { processGroupCpuMs, processRssMiB } from '../process-cpu.js';
import { startBareProxy } from '../reference-servers.js';
import type { ServerProcess } from '../server-process.js';
import {
  delegatedGraphToken,
  emulatorOverTls,
  gatewayActingForPeople,
  LOOPBACK_CA_FILE,
  printingTokens,
} from '../tls-emulator.js';

const CONCURRENCY = 16;
const SERVERS = ['gateway', 'bare proxy'] as const;
type ServerName = (typeof SERVERS)[number];

/** What an app asks for back: the job, and where and until when to upload. */
const CREATE = `mutation CreatePrintJob($input: CreatePrintJobInput!) {
  createPrintJob(input: $input) {
    __typename
    ... on CreatePrintJobSuccess { printJob { id } upload { uploadUrl expiresAt nextExpectedRanges } }
    ... on Error { code message }
  }
}`;
const BODY = JSON.stringify({
  query: CREATE,
  variables: {
    input: {
      printerShareId: DEMO.shares.followMe,
      displayName: 'Bench createPrintJob',
      document: { name: 'bench.pdf', contentType: 'application/pdf', size: 1_000_000 },
    },
  },
});
const ANSWERS: Record<ServerName, string> = {
  gateway: '"CreatePrintJobSuccess"',
  'bare proxy': '"uploadUrl"',
};

export interface CreatePrintJobCpuRow {
  server: ServerName;
  /** Median over rounds, ms of CPU per call. */
  cpuMsPerCall: number;
  perSecond: number;
  /** Over every call of every round. */
  p50Ms: number;
  p99Ms: number;
  /** Graph round trips (direct requests and `$batch` envelopes) per call, over every round. */
  graphRoundTripsPerCall: number;
  rssMiB: number;
}

export interface CreatePrintJobCpuResult {
  concurrency: number;
  rounds: number;
  callsPerSegment: number;
  rows: CreatePrintJobCpuRow[];
  /** Gateway ÷ bare proxy, CPU per call: the median over rounds of the ratio within each. */
  cpuRatio: number;
  /** That ratio in each round, in order. */
  cpuRatioByRound: number[];
}

export async function createPrintJobCpu(options: {
  rounds: number;
  callsPerSegment: number;
  warmup: number;
}): Promise<CreatePrintJobCpuResult> {
  const emulator = await emulatorOverTls();
  const servers = new Map<ServerName, ServerProcess>();
  try {
    // The share read once and kept for the run: every measured call is a warm one.
    servers.set(
      'gateway',
      await gatewayActingForPeople(emulator, CONCURRENCY, {
        env: { PRINTER_SHARE_CACHE_SECONDS: '3600' },
      }),
    );
    const [token] = await printingTokens(emulator, [ENTRA.people.adele]);
    if (!token) throw new Error('no token for Adele');
    servers.set(
      'bare proxy',
      await startBareProxy(emulator.url, {
        graphToken: await delegatedGraphToken(emulator, token),
        trustedCaFile: LOOPBACK_CA_FILE,
      }),
    );

    const segment = async (name: ServerName, calls: number) => {
      const server = must(servers, name);
      const headers: Record<string, string> =
        name === 'gateway' ? { authorization: `Bearer ${token}` } : {};
      // Connections of their own per segment, as in scenario 10.
      const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
      try {
        return await closedLoop(calls, CONCURRENCY, async () => {
          const answer = await postJson(server.url, BODY, headers, agent);
          if (!answer.includes(ANSWERS[name]) || answer.includes('"errors"')) {
            throw new Error(`${name}, createPrintJob: ${answer.slice(0, 500)}`);
          }
        });
      } finally {
        agent.destroy();
      }
    };

    // JIT, connections, the gateway's token check, exchange and share read.
    for (const name of SERVERS) await segment(name, options.warmup);

    const samples = new Map<
      ServerName,
      { cpu: number[]; perSecond: number[]; latencies: number[]; roundTrips: number }
    >();
    for (let round = 0; round < options.rounds; round++) {
      const order = SERVERS.map((_, i) => SERVERS[(i + round) % SERVERS.length] as ServerName);
      for (const name of order) {
        const server = must(servers, name);
        emulator.requests.clear();
        const before = processGroupCpuMs(server.pid);
        const run = await segment(name, options.callsPerSegment);
        const cpuMs = processGroupCpuMs(server.pid) - before;
        const sample = samples.get(name) ?? {
          cpu: [],
          perSecond: [],
          latencies: [],
          roundTrips: 0,
        };
        sample.cpu.push(cpuMs / run.operations);
        sample.perSecond.push(run.perSecond);
        sample.latencies.push(...run.latenciesMs);
        sample.roundTrips += roundTripsAsAdele(emulator, name);
        samples.set(name, sample);
      }
    }

    const calls = options.rounds * options.callsPerSegment;
    const gateway = must(samples, 'gateway');
    const bare = must(samples, 'bare proxy');
    const rows = SERVERS.map((name): CreatePrintJobCpuRow => {
      const sample = must(samples, name);
      return {
        server: name,
        cpuMsPerCall: round(median(sample.cpu), 3),
        perSecond: round(median(sample.perSecond), 0),
        p50Ms: p(sample.latencies, 0.5),
        p99Ms: p(sample.latencies, 0.99),
        graphRoundTripsPerCall: round(sample.roundTrips / calls, 2),
        rssMiB: processRssMiB(must(servers, name).pid),
      };
    });
    return {
      concurrency: CONCURRENCY,
      rounds: options.rounds,
      callsPerSegment: options.callsPerSegment,
      rows,
      cpuRatio: round(pairedRatio(gateway.cpu, bare.cpu), 2),
      cpuRatioByRound: gateway.cpu.map((cpu, i) => round(cpu / (bare.cpu[i] ?? Number.NaN), 2)),
    };
  } finally {
    await Promise.all([...servers.values()].map((server) => server.stop()));
    await emulator.close();
  }
}

/**
 * The segment's Graph round trips, each checked to be one of createPrintJob's two calls made
 * with Adele's own token: a server that read, retried or called as the app would not be
 * measuring the same work.
 */
function roundTripsAsAdele(emulator: RunningEmulator, name: ServerName): number {
  const roundTrips = emulator.requests.entries().filter((entry) => entry.via !== 'batch-item');
  for (const entry of emulator.requests.entries()) {
    const expected =
      entry.via === 'batch-envelope'
        ? entry.path === '/$batch'
        : /^\/print\/shares\/[^/]+\/jobs(\/[^/]+\/documents\/[^/]+\/createUploadSession)?$/.test(
            entry.path,
          );
    const asAdele =
      entry.caller?.kind === 'user' && entry.caller.userId === ENTRA.people.adele.objectId;
    if (!expected || !asAdele || entry.method !== 'POST' || entry.status >= 300) {
      const { method, path, query, via, caller, status } = entry;
      throw new Error(
        `${name} sent a call createPrintJob does not make: ${JSON.stringify({ method, path, query, via, caller, status })}`,
      );
    }
  }
  return roundTrips.length;
}
