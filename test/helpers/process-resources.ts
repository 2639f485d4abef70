/** What a process holds, read from /proc (Linux): for soak tests that check it gives it back. */
import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory in bytes and open file descriptors (sockets included). */
export function processResources(pid: number): { rssBytes: number; openFds: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? Number.NaN);
  return { rssBytes: rssKb * 1024, openFds: readdirSync(`/proc/${pid}/fd`).length };
}
