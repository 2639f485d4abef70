/**
 * `npm start`, `npm run emulator` and `npm run supergraph` stopped the way an IDE's stop button,
 * a systemd unit or `kill $!` in a script stops them: a signal to npm's own pid. npm forwards
 * SIGINT and SIGTERM to the script's shell only; unless the shell has exec'd the server, the
 * shell dies and the server is re-parented to pid 1, still holding its ports.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../packages/gateway/src/config.js';
import { freePort } from '../helpers/free-port.js';

/** The gateway's own drain time with no settings: the most a clean stop may take. */
const SHUTDOWN_MS = loadConfig({}).shutdownGraceMs;
/** Starting tsx, the emulator and (for the supergraph) the router, on a loaded 2-core machine. */
const START_MS = 90_000;

/** A process this file started, by pid and by when it started: pids are reused. */
interface Started {
  pid: number;
  startTime: string | undefined;
}
const started: Started[] = [];

/**
 * The fields of /proc/<pid>/stat after the command name (state, ppid, ...), or undefined for a
 * process that is gone. The name, in parentheses, may hold spaces: fields start after the last ')'.
 */
function statFields(pid: number | string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Field 22 of stat (clock ticks after boot): with the pid, it names one process. */
const startTimeOf = (pid: number): string | undefined => statFields(pid)?.[19];

const remember = (pid: number): Started => ({ pid, startTime: startTimeOf(pid) });

afterEach(() => {
  // A test that failed leaves its processes behind: never let them hold ports for the next. Only
  // the same process, though: pids wrap at 32,768 on these machines, and one that exited may
  // already be another test's gateway.
  for (const { pid, startTime } of started.splice(0)) {
    if (startTime === undefined || startTimeOf(pid) !== startTime) continue;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone between the look and the kill.
    }
  }
});

/** Every process below `root`, from /proc (Linux): the server npm's shell started, and its own. */
function descendantsOf(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = statFields(entry)?.[1];
    // Undefined: it exited while we read.
    if (ppid !== undefined) parentOf.set(Number(entry), Number(ppid));
  }
  const found: number[] = [];
  let frontier = [root];
  while (frontier.length > 0) {
    const children = [...parentOf]
      .filter(([, ppid]) => frontier.includes(ppid))
      .map(([pid]) => pid);
    found.push(...children);
    frontier = children;
  }
  return found;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const listening = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** Polls until `done` holds or `ms` have passed; answers whether it held. */
async function within(ms: number, done: () => Promise<boolean> | boolean): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await done()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface NpmRun {
  npm: ChildProcess;
  output: () => string;
  exited: Promise<void>;
}

/** `npm <args>` with only the environment given (and PATH, HOME): no Graph credentials. */
function npm(args: string[], env: Record<string, string>): NpmRun {
  const child = spawn('npm', args, {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid) started.push(remember(child.pid));
  let text = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { npm: child, output: () => text, exited };
}

/**
 * Starts the script, waits for `ready` in its output, signals npm's pid, and checks that npm, its
 * shell and the server are all gone and the ports free within the gateway's shutdown time.
 */
async function stopsOnSignal(
  args: string[],
  env: Record<string, string>,
  ports: number[],
  ready: string,
  signal: NodeJS.Signals,
): Promise<void> {
  const run = npm(args, env);
  const up = await within(START_MS, () => run.output().includes(ready));
  expect(up, run.output()).toBe(true);
  for (const port of ports) expect(await listening(port), `port ${port} before`).toBe(true);
  const tree = descendantsOf(run.npm.pid as number);
  started.push(...tree.map(remember));
  expect(tree.length).toBeGreaterThan(0);

  run.npm.kill(signal);

  const stopped = await within(SHUTDOWN_MS, async () => {
    if (tree.some(alive) || run.npm.exitCode === null) return false;
    for (const port of ports) if (await listening(port)) return false;
    return true;
  });
  const left = tree.filter(alive);
  const held: number[] = [];
  for (const port of ports) if (await listening(port)) held.push(port);
  expect({ stopped, left, held }, run.output()).toEqual({ stopped: true, left: [], held: [] });
  await run.exited;
}

describe('a signal to npm stops the server it started', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'npm start, %s: the gateway and its embedded emulator are gone, their ports free',
    async (signal) => {
      const [port, metrics, emulator] = [await freePort(), await freePort(), await freePort()];
      await stopsOnSignal(
        ['start'],
        { PORT: String(port), METRICS_PORT: String(metrics), EMULATOR_PORT: String(emulator) },
        [port, metrics, emulator],
        'Gateway listening',
        signal,
      );
    },
    START_MS + SHUTDOWN_MS + 5_000,
  );

  it(
    'npm run emulator, SIGTERM',
    async () => {
      const port = await freePort();
      await stopsOnSignal(
        ['run', 'emulator'],
        { EMULATOR_PORT: String(port) },
        [port],
        'Universal Print emulator listening',
        'SIGTERM',
      );
    },
    START_MS + SHUTDOWN_MS + 5_000,
  );

  it(
    'npm run supergraph, SIGTERM',
    async () => {
      const port = await freePort();
      await stopsOnSignal(
        ['run', 'supergraph'],
        { SUPERGRAPH_PORT: String(port) },
        [port],
        'Supergraph (Hive Gateway)',
        'SIGTERM',
      );
    },
    START_MS + SHUTDOWN_MS + 5_000,
  );
});
