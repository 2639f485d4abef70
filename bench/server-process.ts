/**
 * A server under test as a process of its own, leading its own process group (`detached`), so
 * that its CPU can be read from /proc apart from the load generator's and the upstream's, and
 * `stop()` ends everything it started.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { freePort } from '../test/helpers/free-port.js';

export interface ServerProcess {
  name: string;
  /** Its pid, which is also its process group's id. */
  pid: number;
  /** The endpoint to POST to. */
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startServerProcess(options: {
  name: string;
  /** Arguments to node, e.g. `['dist/main.js']`. */
  args: string[];
  env: Record<string, string>;
  /** The path to POST to on its port. */
  path: string;
  /** A request that succeeds once the server serves. */
  ready: (url: string) => Promise<boolean>;
}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, options.args, {
    env: { PATH: process.env['PATH'] ?? '', ...options.env, PORT: String(port) },
    // What it logs costs it the write, as in production; nobody reads it here.
    stdio: 'ignore',
    detached: true,
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${options.name} did not start`);
  const url = `http://127.0.0.1:${port}${options.path}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-pid, 'SIGKILL');
    await exited;
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${options.name} exited ${child.exitCode}`);
    if (await options.ready(url).catch(() => false)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${options.name} did not serve within 20 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { name: options.name, pid, url, child, stop };
}
