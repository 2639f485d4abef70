/**
 * Ends a stream at a set time: at `deadline` (epoch ms) the source is ended, which gives back
 * whatever it holds (a subscriber slot), and `last` is the stream's final value. A stream that
 * ends first, either way, clears the timer; the timer never keeps the process alive.
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
  let wake: () => void = () => {};
  const expiry = new Promise<typeof EXPIRED>((resolve) => {
    wake = () => resolve(EXPIRED);
  });
  const arm = () => {
    const left = deadline - Date.now();
    if (left <= 0) {
      expired = true;
      wake();
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
  arm();
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next(): Promise<IteratorResult<T | L>> {
      if (finished) return { done: true, value: undefined };
      const result = expired ? EXPIRED : await Promise.race([source.next(), expiry]);
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
