/**
 * The quick loop for tuning the hot path (docs/performance.md): one operation of scenario 10,
 * the built gateway against the bare proxy, alternated for a few rounds; prints CPU ms per
 * operation of each and their ratio. With PROFILE_CPU_DIR, the gateway runs under
 * `node --cpu-prof` and writes its profile there when the run ends.
 *
 *   npm run build && node --import tsx bench/profile.ts station|person|screen
 *
 * PROFILE_ENTRY runs another build of the gateway (default dist/main.js).
 * PROFILE_PIN=1 pins the two servers to one core and this process to the other.
 * PROFILE_OPS (default 3000) operations per segment, PROFILE_ROUNDS (default 5) rounds.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Agent } from 'node:http';
import { DEMO, startEmulator } from '@universal-print-gateway/emulator';
import { personToken } from '../test/helpers/entra.js';
import { startBuiltGateway } from './built-gateway.js';
import { closedLoop, median, round } from './harness.js';
import { postJson } from './http-load.js';
import { processGroupCpuMs } from './process-cpu.js';
import { startBareProxy } from './reference-servers.js';
import { startReplayingGraph } from './replaying-graph.js';
import { GATEWAY_RELEASE, GATEWAY_SCREEN } from './scenarios/cpu-per-operation.js';
import type { ServerProcess } from './server-process.js';

const CONCURRENCY = 16;
const operation = process.argv[2] ?? 'station';
const perSegment = Number(process.env['PROFILE_OPS'] ?? 3000);
const rounds = Number(process.env['PROFILE_ROUNDS'] ?? 5);
const profileDir = process.env['PROFILE_CPU_DIR'];

const BARE_SCREEN = `query { printer { id } }`;

/** PROFILE_ENV=LOG_LEVEL=silent,METRICS_PORT=off: settings to try on the gateway. */
function extraEnv() {
  return Object.fromEntries(
    (process.env['PROFILE_ENV'] ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
}

const emulator = await startEmulator();
const graph = await startReplayingGraph(emulator.url);
const serviceKey = `bench-${randomBytes(16).toString('hex')}`;
const servers: ServerProcess[] = [];
try {
  const gateway = await startBuiltGateway(
    {
      name: 'gateway',
      graphUrl: graph.url,
      emulatorUrl: emulator.url,
      serviceKey,
      concurrency: CONCURRENCY,
    },
    {
      nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
      ...(process.env['PROFILE_ENTRY'] ? { entry: process.env['PROFILE_ENTRY'] } : {}),
      env: extraEnv(),
    },
  );
  servers.push(gateway);
  const bare = await startBareProxy(graph.url);
  servers.push(bare);
  if (process.env['PROFILE_PIN'] === '1') {
    // The servers on one core, everything else (load, Graph) on the other: less contention
    // inside a measured process, so less noise between A and B runs. Not what scenario 10 does.
    execFileSync('taskset', ['-a', '-cp', '0', String(process.pid)]);
    for (const server of servers) execFileSync('taskset', ['-a', '-cp', '1', String(server.pid)]);
  }

  const upn =
    operation === 'person'
      ? DEMO.users.adele.userPrincipalName
      : DEMO.users.megan.userPrincipalName;
  let variables: object;
  if (operation === 'screen') {
    emulator.submitJobs({ printerId: DEMO.printers.floor2, userPrincipalName: upn }, 25);
    variables = { printerId: DEMO.printers.floor2, first: 25 };
  } else {
    const job = emulator.submitJob({ printerId: DEMO.printers.floor1, userPrincipalName: upn });
    const taskId = job.tasks?.[0]?.id;
    variables = {
      input: { taskDefinitionId: DEMO.taskDefinitionId, taskId, status: { state: 'COMPLETED' } },
    };
  }
  const token = operation === 'person' ? await personToken(emulator.url, 'adele') : serviceKey;
  const bodies = new Map<ServerProcess, string>([
    [
      gateway,
      JSON.stringify({
        query: operation === 'screen' ? GATEWAY_SCREEN : GATEWAY_RELEASE,
        variables,
      }),
    ],
    [
      bare,
      JSON.stringify({ query: operation === 'screen' ? BARE_SCREEN : GATEWAY_RELEASE, variables }),
    ],
  ]);
  const segment = async (server: ServerProcess, count: number) => {
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const headers: Record<string, string> =
      server === gateway ? { authorization: `Bearer ${token}` } : {};
    const body = bodies.get(server) ?? '';
    const before = processGroupCpuMs(server.pid);
    await closedLoop(count, CONCURRENCY, async () => {
      const answer = await postJson(server.url, body, headers, agent);
      if (answer.includes('"errors"') || answer.includes('"code"')) throw new Error(answer);
    });
    agent.destroy();
    return (processGroupCpuMs(server.pid) - before) / count;
  };
  await segment(gateway, 3000);
  await segment(bare, 3000);
  // Paired: each round's ratio is of two adjacent segments, so that a drift of this shared
  // machine between rounds cancels out.
  const gatewayCpu: number[] = [];
  const bareCpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const server of r % 2 ? [bare, gateway] : [gateway, bare]) {
      (server === gateway ? gatewayCpu : bareCpu).push(await segment(server, perSegment));
    }
  }
  const ratios = gatewayCpu.map((g, i) => g / (bareCpu[i] ?? Number.NaN));
  const list = (values: number[], digits: number) => values.map((v) => round(v, digits)).join(', ');
  console.log(
    `${operation}: gateway ${round(median(gatewayCpu), 3)} ms/op, bare ${round(median(bareCpu), 3)} ms/op, ` +
      `ratio ${round(median(ratios), 2)} (median of paired rounds: ${list(ratios, 2)})`,
  );
} finally {
  for (const server of servers) {
    if (profileDir && server.name === 'gateway') {
      process.kill(server.pid, 'SIGTERM');
      await new Promise((resolve) => server.child.once('exit', resolve));
    } else {
      await server.stop();
    }
  }
  await graph.close();
  await emulator.close();
}
