/** `Leadership` for one process: it is the only replica, so it always holds every lease. */
import type { Leadership } from '../contracts.js';

export class LocalLeadership implements Leadership {
  async holdOrAcquire(_name: string, _ttlMs: number): Promise<boolean> {
    return true;
  }

  async release(_name: string): Promise<void> {}

  /** Never called: in one process every lease is always acquirable. */
  onAcquirable(_listener: () => void): void {}
}
