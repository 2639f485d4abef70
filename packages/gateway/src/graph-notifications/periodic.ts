/**
 * Runs a task now and then every `intervalMs` after the previous run ended (never two at once),
 * until stopped. Failures are the task's to log; the loop goes on. Timers are unref'd: they never
 * keep a process alive on their own.
 */
export interface Periodic {
  /** Runs the task now, outside the schedule (e.g. a lifecycle notification); shares the lock. */
  runNow(): Promise<void>;
  /** No further runs; resolves when the one in progress, if any, has ended. */
  stop(): Promise<void>;
}

export function startPeriodic(task: () => Promise<void>, intervalMs: number): Periodic {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = (): Promise<void> => {
    running = running.then(() => (stopped ? undefined : task().catch(() => {})));
    return running;
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void run().then(schedule), intervalMs);
    timer.unref();
  };
  void run().then(schedule);
  return {
    runNow: run,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
