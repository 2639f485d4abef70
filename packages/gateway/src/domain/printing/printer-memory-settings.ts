/**
 * How long a printer's capabilities are trusted (printer-memory.ts says why they are kept at
 * all). src/config.ts composes it.
 */
import { z } from 'zod';
import type { EnvOf } from '../../settings/env.js';
import { DEFAULT_PRINTER_MEMORY, type PrinterMemoryOptions } from './printer-memory.js';

export const PRINTER_MEMORY_ENV = {
  // 0 keeps nothing: every read of Printer.capabilities and every checked redirect reads Graph.
  PRINTER_CAPABILITIES_CACHE_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3_600)
    .default(DEFAULT_PRINTER_MEMORY.ttlMs / 1000),
};

export function printerMemorySettings(
  vars: EnvOf<typeof PRINTER_MEMORY_ENV>,
): PrinterMemoryOptions {
  return { ...DEFAULT_PRINTER_MEMORY, ttlMs: vars.PRINTER_CAPABILITIES_CACHE_SECONDS * 1000 };
}
