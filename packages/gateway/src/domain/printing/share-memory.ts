/**
 * What each printer share can do (capabilities, defaults) and which printer it prints to, kept
 * for a short while: `createPrintJob` checks a document against them before creating anything,
 * and a person printing several documents to one share should not pay a Graph read for each.
 *
 * Kept per share, not per person: what a share can do is the same for everyone who may print to
 * it. Short-lived, because an administrator can change a printer's settings at any time, and a
 * stale entry costs at worst a refusal by Graph instead of by the gateway. Bounded, oldest
 * first; it belongs to one process.
 */
import type { PrinterShare } from '@universal-print-gateway/graph-client';
import { ExpiringLru } from '../../expiring-lru.js';

export interface ShareMemoryOptions {
  /** Shares kept at most. 0 keeps none. */
  maxEntries: number;
  /** How long a share's capabilities are used after Graph stated them (`PRINTER_SHARE_CACHE_SECONDS`). */
  ttlMs: number;
}

/** @default 1,000 shares, for 60 seconds. */
export const DEFAULT_SHARE_MEMORY: ShareMemoryOptions = { maxEntries: 1_000, ttlMs: 60_000 };

/** What the memory keeps of a share: what printing to it is checked against. */
export type RememberedShare = Pick<PrinterShare, 'id' | 'capabilities' | 'defaults' | 'printer'>;

export class ShareMemory {
  private readonly shares: ExpiringLru<RememberedShare>;

  constructor(
    private readonly options: ShareMemoryOptions = DEFAULT_SHARE_MEMORY,
    private readonly now: () => number = Date.now,
  ) {
    this.shares = new ExpiringLru(options.maxEntries);
  }

  get(shareId: string): RememberedShare | undefined {
    return this.shares.get(shareId, this.now());
  }

  /** Keeps a share Graph just answered with, when the answer holds its capabilities. */
  learn(share: PrinterShare): void {
    if (!share.capabilities) return;
    const { id, capabilities, defaults, printer } = share;
    const kept: RememberedShare = { id, capabilities, defaults: defaults ?? null };
    if (printer?.id) kept.printer = { id: printer.id };
    this.shares.set(id, kept, this.options.ttlMs, this.now());
  }
}
