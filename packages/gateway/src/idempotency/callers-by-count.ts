/**
 * Which caller holds the most keys, without a scan of every caller: callers grouped by how many
 * keys each holds. Counts move by one at a time, so keeping the largest count is O(1) per move.
 * The memory store asks on every key past its bound over all callers, which with 10,000 callers
 * of one key each would otherwise be a scan of 10,000 per write.
 */
export class CallersByCount {
  private readonly groups = new Map<number, Set<string>>();
  private readonly counts = new Map<string, number>();
  private top = 0;

  /** `caller` holds `delta` (+1 or −1) keys more than before. */
  move(caller: string, delta: 1 | -1): void {
    const before = this.counts.get(caller) ?? 0;
    const after = before + delta;
    this.groups.get(before)?.delete(caller);
    if (this.groups.get(before)?.size === 0) this.groups.delete(before);
    if (after > 0) {
      this.counts.set(caller, after);
      let group = this.groups.get(after);
      if (!group) {
        group = new Set();
        this.groups.set(after, group);
      }
      group.add(caller);
    } else {
      this.counts.delete(caller);
    }
    if (after > this.top) this.top = after;
    while (this.top > 0 && !this.groups.has(this.top)) this.top -= 1;
  }

  /** The callers holding the most keys (none when nothing is held). */
  largest(): ReadonlySet<string> {
    return this.groups.get(this.top) ?? NONE;
  }
}

const NONE: ReadonlySet<string> = new Set();
