/**
 * CPU time and memory of child processes, read from Linux's /proc: what the kernel charged them
 * (user + system, every thread included), whatever the benchmark process itself spends
 * meanwhile. `process.cpuUsage()` only sees the calling process, and a server must run on its own
 * for its CPU to be told apart from the upstream's and the load generator's.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second, the unit of /proc's times (100 on every common Linux). */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** The fields of /proc/<pid>/stat after the command name, which is in parentheses and may hold spaces. */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null; // gone between listing and reading
  }
}

// Fields 14 and 15 of the line (utime, stime) are the 12th and 13th after the name; field 5
// (pgrp) is the 3rd.
const cpuMsOf = (fields: readonly string[]) =>
  ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;

/** Milliseconds of CPU (user + system) the process has used since it started. */
export function processCpuMs(pid: number): number {
  const fields = statFields(pid);
  if (!fields) throw new Error(`process ${pid} is gone`);
  return cpuMsOf(fields);
}

/**
 * Milliseconds of CPU the processes of a process group have used: a server started `detached`
 * leads its own group, so helpers it forks (a loader thread is already in its own figure) count
 * too.
 */
export function processGroupCpuMs(pgid: number): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (fields && Number(fields[2]) === pgid) total += cpuMsOf(fields);
  }
  return total;
}

/** Resident memory of the process now, in MiB (VmRSS of /proc/<pid>/status). */
export function processRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(status.match(/^VmRSS:\s+(\d+) kB$/m)?.[1]);
  return Math.round((kib / 1024) * 10) / 10;
}

/** The resolution of processCpuMs, for reports: one clock tick. */
export const CPU_TICK_MS = 1000 / TICKS_PER_SECOND;
