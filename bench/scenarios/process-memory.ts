/**
 * Scenario 4, second part: resident memory of the gateway process as it ships
 * (bench/built-gateway.ts) over many operations, read from /proc, with no forced garbage
 * collection: what an operator's dashboard shows. The operation is the release path (a station's
 * `updatePrintTask`, Graph answering at once from bench/replaying-graph.ts), so every request
 * logs, counts, audits and batches as in production. The first part (memory.ts) is the leak
 * check: the app's memory after garbage collection.
 */
import { randomBytes } from 'node:crypto';
import { Agent } from 'node:http';
import { DEMO, startEmulator } from '@universal-print-gateway/emulator';
import { startBuiltGateway } from '../built-gateway.js';
import { closedLoop, round } from '../harness.js';
import { postJson } from '../http-load.js';
import { processRssMiB } from '../process-cpu.js';
import { startReplayingGraph } from '../replaying-graph.js';
import type { ServerProcess } from '../server-process.js';

export interface ProcessMemoryResult {
  operations: number;
  concurrency: number;
  /** The operations run before the second reading. */
  warmup: number;
  /** MiB of the gateway process once started, after the warm-up, after the last operation. */
  rssAtStart: number;
  rssAtWarm: number;
  rssAtEnd: number;
  /** (end - warm) ÷ warm. */
  rssGrowth: number;
  perSecond: number;
}

const RELEASE = `mutation Release($input: UpdatePrintTaskInput!) {
  updatePrintTask(input: $input) { __typename ... on UpdatePrintTaskSuccess { printTask { id } } }
}`;

export async function processMemory(options: {
  operations: number;
  concurrency: number;
  /** @default 10_000 */
  warmup?: number;
}): Promise<ProcessMemoryResult> {
  const emulator = await startEmulator();
  const graph = await startReplayingGraph(emulator.url);
  const serviceKey = `bench-${randomBytes(16).toString('hex')}`;
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  let gateway: ServerProcess | undefined;
  try {
    gateway = await startBuiltGateway({
      name: 'gateway',
      graphUrl: graph.url,
      emulatorUrl: emulator.url,
      serviceKey,
      concurrency: options.concurrency,
    });
    const rssAtStart = processRssMiB(gateway.pid);
    const job = emulator.submitJob({
      printerId: DEMO.printers.floor1,
      userPrincipalName: DEMO.users.megan.userPrincipalName,
    });
    const body = JSON.stringify({
      query: RELEASE,
      variables: {
        input: {
          taskDefinitionId: DEMO.taskDefinitionId,
          taskId: job.tasks?.[0]?.id,
          status: { state: 'COMPLETED' },
        },
      },
    });
    const url = gateway.url;
    const headers = { authorization: `Bearer ${serviceKey}` };
    const release = async () => {
      const answer = await postJson(url, body, headers, agent);
      if (!answer.includes('UpdatePrintTaskSuccess')) throw new Error(answer.slice(0, 500));
    };
    const warm = Math.min(options.warmup ?? 10_000, options.operations);
    await closedLoop(warm, options.concurrency, release);
    const rssAtWarm = processRssMiB(gateway.pid);
    const run = await closedLoop(options.operations - warm, options.concurrency, release);
    const rssAtEnd = processRssMiB(gateway.pid);
    return {
      operations: options.operations,
      concurrency: options.concurrency,
      warmup: warm,
      rssAtStart,
      rssAtWarm,
      rssAtEnd,
      rssGrowth: round((rssAtEnd - rssAtWarm) / rssAtWarm, 3),
      perSecond: round(run.perSecond, 0),
    };
  } finally {
    agent.destroy();
    await gateway?.stop();
    await graph.close();
    await emulator.close();
  }
}
