/**
 * Ends a stream at a set time: at `deadline` (epoch ms) the source is ended, which gives back
 * whatever it holds (a subscriber slot), and `last` is the stream's final value. When the stream
 * ends before then (the client goes, the source completes) the timer is cleared; it is unref'd,
 * so it never keeps the process alive either.
 */

/** setTimeout's longest delay; a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const EXPIRED = Symbol('expired');

export function endStreamAt<T, L>(
  source: AsyncIterator<T>,
  deadline: number,
  last: L,
): AsyncIterableIterator<T | L> {
  let timer: NodeJS.Timeout | undefined;
  let expired = false;
  let finished = false;
  // Wakes the `next()` waiting for an event, if one is; a promise per call, so that a long
  // stream does not pile its calls' reactions onto one promise that may never settle.
  let interrupt: (() => void) | undefined;
  const arm = () => {
    const left = deadline - Date.now();
    if (left <= 0) {
      expired = true;
      interrupt?.();
      void source.return?.();
      return;
    }
    // Re-armed until the deadline: a token can be valid for longer than a timer can wait.
    timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
    timer.unref();
  };
  const finish = () => {
    finished = true;
    clearTimeout(timer);
  };
  const nextBeforeDeadline = async (): Promise<IteratorResult<T> | typeof EXPIRED> => {
    const interrupted = new Promise<typeof EXPIRED>((resolve) => {
      interrupt = () => resolve(EXPIRED);
    });
    try {
      return await Promise.race([source.next(), interrupted]);
    } finally {
      interrupt = undefined;
    }
  };
  arm();
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next(): Promise<IteratorResult<T | L>> {
      if (finished) return { done: true, value: undefined };
      const result = expired ? EXPIRED : await nextBeforeDeadline();
      // An event that raced the deadline is not sent: past it, the credential is refused.
      if (result === EXPIRED || expired) {
        finish();
        return { done: false, value: last };
      }
      if (result.done) finish();
      return result;
    },
    async return() {
      finish();
      await source.return?.();
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      finish();
      await source.return?.();
      throw error;
    },
  };
}
