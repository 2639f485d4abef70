/**
 * The last line of defence: a lost promise is logged as JSON and the process goes on; an
 * uncaught exception is logged and hands over to the shutdown (`onFatal`).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { expect, it } from 'vitest';

it('logs an unhandled rejection and keeps running, logs an uncaught exception and shuts down', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/backstop-child.ts'], {
    env: { PATH: process.env['PATH'] ?? '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines: Array<Record<string, unknown>> = [];
  createInterface({ input: child.stderr }).on('line', (line) => {
    lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));

  expect(exitCode).toBe(3);
  expect(lines.map((line) => line['code'] ?? line['message'])).toEqual([
    'UNHANDLED_REJECTION',
    'still serving',
    'UNCAUGHT_EXCEPTION',
  ]);
  expect(lines[0]).toMatchObject({
    level: 'error',
    error: expect.stringContaining('a lost promise'),
  });
  expect(lines[2]).toMatchObject({
    level: 'error',
    error: expect.stringContaining('an uncaught exception'),
  });
}, 30_000);
