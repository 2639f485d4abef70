/**
 * The emulator never holds a document's bytes: a 50 MB upload, in requests of 10 MiB − 1 bytes,
 * leaves the emulator's resident memory where it was. The emulator runs in its own process
 * (memory-probe-emulator.ts), so the test's own buffers do not count.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO } from '../src/seed.js';
import { MAX_BYTES_PER_REQUEST } from '../src/upload-sessions.js';
import { graphTokenFor } from './entra-tokens.js';
import { graph } from './graph-http.js';

const MiB = 1024 * 1024;
const DOCUMENT_BYTES = 50 * MiB;
/** Generous: page cache, JIT and socket buffers move RSS a little; holding the bytes moves it 50 MB. */
const ALLOWED_GROWTH_BYTES = 20 * MiB;

let child: ChildProcess;
let origin: string;

beforeAll(async () => {
  const probe = fileURLToPath(new URL('./memory-probe-emulator.ts', import.meta.url));
  child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', probe], {
    // One malloc arena: freed chunks go back to the one heap the next request reuses, instead of
    // per-thread arenas whose retained pages read as growth (measured: 0.2 to 34 MiB without).
    env: { PATH: process.env['PATH'] ?? '', MALLOC_ARENA_MAX: '1' },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  origin = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`The emulator exited with ${code}.`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const match = /listening on (\S+)/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
  });
}, 60_000);

afterAll(() => {
  child?.disconnect();
});

/** The emulator's process.memoryUsage() after a full collection. */
function memoryUsage(): Promise<NodeJS.MemoryUsage> {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve(message as NodeJS.MemoryUsage));
    child.send('rss');
  });
}

async function upload(
  token: string,
  size: number,
  chunk: Uint8Array<ArrayBuffer>,
): Promise<number[]> {
  const created = await graph<{ id: string; documents: { id: string }[] }>(
    origin,
    'POST',
    `/print/shares/${DEMO.shares.followMe}/jobs`,
    {
      token,
      json: { documents: [{ displayName: 'big.pdf', contentType: 'application/pdf', size }] },
    },
  );
  const job = created.body;
  const session = await graph<{ uploadUrl: string }>(
    origin,
    'POST',
    `/print/shares/${DEMO.shares.followMe}/jobs/${job.id}/documents/${job.documents[0]?.id}/createUploadSession`,
    {
      token,
      json: { properties: { documentName: 'big.pdf', contentType: 'application/pdf', size } },
    },
  );
  const statuses: number[] = [];
  for (let first = 0; first < size; first += chunk.length) {
    const last = Math.min(first + chunk.length, size) - 1;
    const response = await fetch(session.body.uploadUrl, {
      method: 'PUT',
      headers: { 'Content-Range': `bytes ${first}-${last}/${size}` },
      body: chunk.subarray(0, last - first + 1),
    });
    await response.arrayBuffer();
    statuses.push(response.status);
  }
  return statuses;
}

it('takes a 50 MB document in 10 MiB − 1 byte requests without its RSS growing', async () => {
  const token = await graphTokenFor(origin, 'adele');
  const chunk = new Uint8Array(MAX_BYTES_PER_REQUEST).fill(0x25);
  // Warm-up: the same code paths once, with a document of one request.
  expect(await upload(token, MAX_BYTES_PER_REQUEST, chunk)).toEqual([201]);
  const before = await memoryUsage();
  const statuses = await upload(token, DOCUMENT_BYTES, chunk);
  const after = await memoryUsage();
  expect(statuses).toEqual([202, 202, 202, 202, 202, 201]);
  const growth = after.rss - before.rss;
  const held = (usage: NodeJS.MemoryUsage) => usage.heapUsed + usage.external + usage.arrayBuffers;
  const heldGrowth = held(after) - held(before);
  console.info(
    `emulator RSS before ${(before.rss / MiB).toFixed(1)} MiB, after ${(after.rss / MiB).toFixed(1)} MiB, ` +
      `growth ${(growth / MiB).toFixed(1)} MiB; heap+external growth ${(heldGrowth / MiB).toFixed(1)} MiB ` +
      `for a ${DOCUMENT_BYTES / MiB} MiB upload`,
  );
  expect(growth).toBeLessThan(ALLOWED_GROWTH_BYTES);
  expect(heldGrowth).toBeLessThan(ALLOWED_GROWTH_BYTES);
}, 60_000);
