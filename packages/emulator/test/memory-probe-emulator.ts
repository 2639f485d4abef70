// An emulator in a process of its own for upload-memory.test.ts: prints its URL, and answers
// each IPC 'rss' message with its resident set size after a full garbage collection (run with
// --expose-gc), so dropped request chunks waiting for a collection are not counted as held.
import { startEmulator } from '../src/server.js';

const emulator = await startEmulator();
console.log(`listening on ${emulator.url}`);

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

process.on('message', (message) => {
  if (message !== 'rss') return;
  // V8 frees ArrayBuffer backing stores on a background sweeper after a collection: a second
  // collection on a later turn finds them freed.
  gc();
  setImmediate(() => {
    gc();
    process.send?.(process.memoryUsage());
  });
});
process.on('disconnect', () => {
  void emulator.close().then(() => process.exit(0));
});
