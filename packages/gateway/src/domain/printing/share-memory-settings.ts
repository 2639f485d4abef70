/**
 * Printing's piece of the environment: how long a printer share's capabilities are trusted
 * (share-memory.ts says why they are kept at all). src/config.ts composes it.
 */
import { z } from 'zod';
import type { EnvOf } from '../../settings/env.js';
import { DEFAULT_SHARE_MEMORY, type ShareMemoryOptions } from './share-memory.js';

export const SHARE_MEMORY_ENV = {
  // 0 keeps nothing: every createPrintJob reads its share first.
  PRINTER_SHARE_CACHE_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3_600)
    .default(DEFAULT_SHARE_MEMORY.ttlMs / 1000),
};

export function shareMemorySettings(vars: EnvOf<typeof SHARE_MEMORY_ENV>): ShareMemoryOptions {
  return { ...DEFAULT_SHARE_MEMORY, ttlMs: vars.PRINTER_SHARE_CACHE_SECONDS * 1000 };
}
