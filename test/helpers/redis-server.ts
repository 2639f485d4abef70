/**
 * A real `redis-server` (Debian's, installed by .ci/run) on 127.0.0.1 for one test file: no
 * persistence, its own free port, stopped by its own PID. `stop()` and `start()` again on the
 * same port make an outage for the tests of what happens while Redis is away.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './free-port.js';

const REDIS_SERVER = process.env['REDIS_SERVER_PATH'] ?? '/usr/bin/redis-server';

export interface TestRedis {
  readonly port: number;
  readonly url: string;
  /** Starts it (again, on the same port) and waits until it answers PING. */
  start(): Promise<void>;
  /** Kills it and waits for the exit: every client sees its connection drop. */
  stop(): Promise<void>;
}

/** One PING over a raw socket: true on `+PONG`. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
    socket.once('connect', () => socket.write('PING\r\n'));
  });
}

function spawnRedis(port: number): { child: ChildProcess; output: () => string } {
  const child = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return { child, output: () => text };
}

/** Starts redis on `port`; false when the port was taken in the meantime (EADDRINUSE). */
async function launch(port: number): Promise<ChildProcess | false> {
  const { child, output } = spawnRedis(port);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  for (let waited = 0; waited < 10_000; waited += 50) {
    if (exited) {
      if (/Address already in use/i.test(output())) return false;
      throw new Error(`redis-server exited on start: ${output()}`);
    }
    if (await ping(port)) return child;
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not answer PING within 10 s: ${output()}`);
}

export async function startRedis(): Promise<TestRedis> {
  let child: ChildProcess | undefined;
  let port = 0;
  for (let attempt = 0; attempt < 5 && !child; attempt += 1) {
    port = await freePort();
    child = (await launch(port)) || undefined;
  }
  if (!child) throw new Error('no free port for redis-server after 5 attempts');
  const redis: TestRedis = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      if (child && child.exitCode === null) return;
      // The port was ours a moment ago; another process taking it in between is an error.
      const started = await launch(port);
      if (!started) throw new Error(`port ${port} was taken while redis-server was stopped`);
      child = started;
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
    },
  };
  return redis;
}
