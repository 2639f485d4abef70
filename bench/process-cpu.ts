/**
 * CPU time a child process has used so far, read from Linux's /proc/<pid>/stat: what the kernel
 * charged it (user + system), whatever the benchmark process itself spends meanwhile.
 * `process.cpuUsage()` only sees the calling process, and the gateway must run on its own for
 * its CPU to be told apart from the emulator's and the load generator's.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second, the unit of /proc's times (100 on every common Linux). */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** Milliseconds of CPU (user + system) the process has used since it started. */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces: count from after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of the line (utime, stime) are the 12th and 13th after the name.
  const userTicks = Number(fields[11]);
  const systemTicks = Number(fields[12]);
  return ((userTicks + systemTicks) * 1000) / TICKS_PER_SECOND;
}

/** The resolution of processCpuMs, for reports: one clock tick. */
export const CPU_TICK_MS = 1000 / TICKS_PER_SECOND;
