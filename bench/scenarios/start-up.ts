/**
 * Scenario 11: how soon `node dist/main.js` answers its first request, from the moment the
 * process is spawned: the first GraphQL operation that reaches Graph (a service key's
 * `printTaskDefinitions`), and the resident memory then. Several starts, medians.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { startEmulator } from '@universal-print-gateway/emulator';
import { freePort } from '../../test/helpers/free-port.js';
import { builtGatewayEnv } from '../built-gateway.js';
import { median, round } from '../harness.js';
import { processRssMiB } from '../process-cpu.js';

export interface StartUpResult {
  starts: number;
  /** Spawn to the first GraphQL answer with data from Graph, ms: each start, and the median. */
  firstAnswerMs: number[];
  medianFirstAnswerMs: number;
  /** MiB, right after the first answer (median). */
  rssAfterFirstAnswer: number;
}

const QUERY = JSON.stringify({ query: '{ printTaskDefinitions { id } }' });

export async function startUp(options: { starts: number }): Promise<StartUpResult> {
  const emulator = await startEmulator();
  const serviceKey = `bench-${randomBytes(16).toString('hex')}`;
  const firstAnswerMs: number[] = [];
  const rss: number[] = [];
  try {
    for (let start = 0; start < options.starts; start++) {
      const port = await freePort();
      const env = builtGatewayEnv({
        graphUrl: emulator.url,
        emulatorUrl: emulator.url,
        serviceKey,
        concurrency: 1,
      });
      const spawnedAt = performance.now();
      const child = spawn(process.execPath, ['dist/main.js'], {
        env: { PATH: process.env['PATH'] ?? '', ...env, PORT: String(port) },
        stdio: 'ignore',
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        for (;;) {
          if (child.exitCode !== null) throw new Error(`the gateway exited ${child.exitCode}`);
          if (performance.now() - spawnedAt > 20_000) throw new Error('no answer within 20 s');
          const answered = await fetch(`http://127.0.0.1:${port}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${serviceKey}` },
            body: QUERY,
          }).then(
            async (response) => response.ok && (await response.text()).includes('"id"'),
            () => false,
          );
          if (answered) break;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        firstAnswerMs.push(round(performance.now() - spawnedAt, 0));
        if (child.pid !== undefined) rss.push(processRssMiB(child.pid));
      } finally {
        child.kill('SIGKILL');
        await exited;
      }
    }
  } finally {
    await emulator.close();
  }
  return {
    starts: options.starts,
    firstAnswerMs,
    medianFirstAnswerMs: median(firstAnswerMs),
    rssAfterFirstAnswer: median(rss),
  };
}
