/**
 * The bookkeeping of a bounded resource held per caller: how many slots each key holds and how
 * many are held in all, each slot given back exactly once however its holder ends. The limits
 * and the refusal are the user's (live-events/subscriber-limits.ts for subscriptions,
 * server/websocket-connections.ts for sockets).
 */
export class SlotCounts {
  private readonly perKey = new Map<string, number>();
  private all = 0;

  /** Slots held, all keys together. */
  get total(): number {
    return this.all;
  }

  heldBy(key: string): number {
    return this.perKey.get(key) ?? 0;
  }

  /** Takes a slot for `key`: the function that gives it back, safe to call twice. */
  take(key: string): () => void {
    this.perKey.set(key, this.heldBy(key) + 1);
    this.all += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.all -= 1;
      const left = this.heldBy(key) - 1;
      if (left > 0) this.perKey.set(key, left);
      else this.perKey.delete(key);
    };
  }
}
