/**
 * The README's "Print from an app" as a person runs it: a real `npm start` (dev/start.ts, its
 * embedded emulator and that emulator's Entra over HTTPS), one bash, and the section's shell
 * blocks pasted into it in order after the first block of "Tokens for curl". Shell variables carry
 * what each step printed into the next, as in a person's terminal. Where a block's sample shows a
 * live event (`"kind":"WAITING"`), the next block waits until that event has appeared, as the
 * person does. Each block's answer must name the result types its sample shows, so the README
 * cannot drift from what the gateway answers.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENTRA } from '@universal-print-gateway/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { killGatewayProcesses, startGatewayProcess } from '../helpers/gateway-process.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The text of a `## ` section, up to the next one. */
function section(heading: string): string {
  const rest = readme.split(`\n${heading}\n`)[1] ?? '';
  return rest.split(/\n## /)[0] ?? '';
}

const shellBlocks = (text: string): string[] =>
  [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');

const tokenSetup = shellBlocks(section('## Tokens for curl'))[0] ?? '';
const steps = shellBlocks(section('## Print from an app'));

/** The sample answer a block shows in its `# ` comment lines after the first command. */
const sampleOf = (block: string): string =>
  block
    .split('\n')
    .filter((line) => /^#\s+(\{|event:|data:|\s)/.test(line))
    .join('\n');

const typenamesIn = (text: string): string[] =>
  [...text.matchAll(/"__typename":"(\w+)"/g)].map((match) => match[1] ?? '');

/** One bash that the test pastes blocks into, reading everything it prints. */
class Terminal {
  readonly child: ChildProcess;
  output = '';
  errors = '';
  private waiters: Array<() => void> = [];

  constructor(cwd: string, env: Record<string, string>) {
    this.child = spawn('bash', ['-s'], {
      cwd,
      env: { PATH: process.env['PATH'] ?? '', HOME: cwd, ...env },
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => {
      this.output += chunk.toString('utf8');
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.errors += chunk.toString('utf8');
    });
    this.child.on('exit', () => {
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /** Resolves once the output so far satisfies `done`; fails with what it printed otherwise. */
  async until(done: (output: string) => boolean, what: string, timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs;
    while (!done(this.output)) {
      if (this.child.exitCode !== null || Date.now() > deadline) {
        throw new Error(
          `${what}: not seen.\n--- stdout\n${this.output}\n--- stderr\n${this.errors}`,
        );
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, Math.max(0, deadline - Date.now()) + 10).unref();
      });
    }
  }

  /** Pastes a block and waits until bash has run it; returns what it printed meanwhile. */
  async paste(block: string, step: number): Promise<string> {
    const marker = `@@ step ${step} done @@`;
    const from = this.output.length;
    this.child.stdin?.write(`${block}\necho '${marker}'\n`);
    await this.until((output) => output.includes(marker, from), `step ${step}'s end`);
    return this.output.slice(from, this.output.indexOf(marker, from));
  }

  close(): void {
    if (this.child.exitCode === null && this.child.pid) process.kill(-this.child.pid, 'SIGKILL');
  }
}

let terminal: Terminal | undefined;
let workDir: string | undefined;
afterEach(() => {
  terminal?.close();
  killGatewayProcesses();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('README "Print from an app" on npm start', () => {
  it('has its steps in shell blocks', () => {
    expect(tokenSetup).toContain('token()');
    expect(steps.length).toBeGreaterThanOrEqual(6);
    expect(steps.join('\n')).toContain('text/event-stream');
  });

  it('runs by curl as written: shares, a job, the bytes to uploadUrl, start, WAITING, release', async () => {
    const gateway = startGatewayProcess({ EMULATOR_PORT: '0' }, { entry: 'development' });
    const graphql = await gateway.listening;
    await gateway.logged('Graph subscription created');
    const emulator = gateway.lines.find((line) => typeof line['emulator'] === 'string')?.[
      'emulator'
    ] as string;
    workDir = mkdtempSync(join(tmpdir(), 'print-from-an-app-'));
    terminal = new Terminal(workDir, { GATEWAY: new URL(graphql).origin, EMULATOR: emulator });
    const shell = terminal;
    await shell.paste(`set -e\n${tokenSetup}`, 0);

    let job = '';
    for (const [index, block] of steps.entries()) {
      const printed = await shell.paste(block, index + 1);
      const sample = sampleOf(block);
      for (const typename of typenamesIn(sample)) {
        expect(printed, `step ${index + 1}`).toContain(`"__typename":"${typename}"`);
      }
      const status = / (\d{3})$/m.exec(sample)?.[1];
      if (status) expect(printed, `step ${index + 1}`).toMatch(new RegExp(` ${status}\\n`));
      // The job id as the person reads it off the create step's answer.
      job ||= /"createPrintJob":\{[\s\S]*?"printJob":\{"id":"(\d+)"/.exec(printed)?.[1] ?? '';
      for (const kind of sample.matchAll(/"kind":"(\w+)"/g)) {
        await shell.until(
          (output) =>
            output.includes(`"kind":"${kind[1]}"`) && output.includes(`"printJobId":"${job}"`),
          `the live ${kind[1]} event of job ${job}`,
        );
      }
    }
    expect(job).toMatch(/^\d+$/);
    expect(shell.output).toMatch(
      /"RedirectPrintJobSuccess","printJob":\{"id":"\d+","printerId":"[^"]*7f63"/,
    );
    expect(shell.errors).toBe('');
    // Adele's Graph token came from one exchange at the emulator's Entra.
    const hits = (await (await fetch(`${emulator}/_emulator/entra/hits`)).json()) as {
      onBehalfOf: Record<string, number>;
    };
    expect(hits.onBehalfOf).toEqual({ [ENTRA.people.adele.objectId]: 1 });
  }, 90_000);
});
