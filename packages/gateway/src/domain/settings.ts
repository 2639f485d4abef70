/**
 * The domain's piece of the environment: how many ownership facts a process keeps
 * (ownership-memory.ts says what they are and what they spare). src/config.ts composes it.
 */
import { z } from 'zod';
import type { EnvOf } from '../settings/env.js';
import { DEFAULT_OWNERSHIP_MEMORY, type OwnershipMemoryOptions } from './ownership-memory.js';

export const OWNERSHIP_MEMORY_ENV = {
  OWNERSHIP_MEMORY_ENTRIES: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .default(DEFAULT_OWNERSHIP_MEMORY.maxEntries),
};

export function ownershipMemorySettings(
  vars: EnvOf<typeof OWNERSHIP_MEMORY_ENV>,
): OwnershipMemoryOptions {
  return { ...DEFAULT_OWNERSHIP_MEMORY, maxEntries: vars.OWNERSHIP_MEMORY_ENTRIES };
}
