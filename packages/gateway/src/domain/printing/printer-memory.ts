/**
 * What each printer can do (Graph's printerCapabilities and printerDefaults), kept for a short
 * while: `Printer.capabilities` shows it on a release screen, and `redirectPrintJob` and
 * `releasePrintJobs` check a configuration against the destination before sending anything. A
 * screen polling a device, or a queue of people releasing at it, should not pay a Graph read
 * each time.
 *
 * Kept per printer, not per caller: what a device can do is the same for everyone. Short-lived,
 * because an administrator can change a printer at any time, and a stale entry costs at worst a
 * refusal by Graph (or a configuration Graph ignores) instead of one by the gateway. Bounded,
 * oldest first; it belongs to one process.
 */
import type { PrinterDevice } from '@universal-print-gateway/graph-client';
import { ExpiringLru } from '../../expiring-lru.js';

export interface PrinterMemoryOptions {
  /** Printers kept at most. 0 keeps none. */
  maxEntries: number;
  /** How long a printer's capabilities are used after Graph stated them (`PRINTER_CAPABILITIES_CACHE_SECONDS`). */
  ttlMs: number;
}

/** @default 1,000 printers, for 300 seconds: a device's capabilities change rarely. */
export const DEFAULT_PRINTER_MEMORY: PrinterMemoryOptions = { maxEntries: 1_000, ttlMs: 300_000 };

export class PrinterMemory {
  private readonly printers: ExpiringLru<PrinterDevice>;

  constructor(
    private readonly options: PrinterMemoryOptions = DEFAULT_PRINTER_MEMORY,
    private readonly now: () => number = Date.now,
  ) {
    this.printers = new ExpiringLru(options.maxEntries);
  }

  get(printerId: string): PrinterDevice | undefined {
    return this.printers.get(printerId, this.now());
  }

  /** Keeps what Graph just said the printer can do. */
  learn(printerId: string, device: PrinterDevice): void {
    const kept: PrinterDevice = {
      id: printerId,
      capabilities: device.capabilities ?? null,
      defaults: device.defaults ?? null,
    };
    this.printers.set(printerId, kept, this.options.ttlMs, this.now());
  }
}
