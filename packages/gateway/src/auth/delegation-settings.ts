/**
 * Acting for people (on-behalf-of Graph calls): this module's piece of the environment, which
 * src/config.ts composes. The exchange itself uses the gateway's own app registration (AZURE_*).
 */
import {
  DEFAULT_GRAPH_DELEGATED_SCOPES,
  DEFAULT_OBO_CACHE_MAX_ENTRIES,
} from '@universal-print-gateway/graph-client';
import { z } from 'zod';
import type { EnvOf } from '../settings/env.js';

/** The most scopes one exchange asks for: far more than Universal Print's four. */
export const MAX_DELEGATED_SCOPES = 20;
export const MAX_OBO_CACHE_ENTRIES = 1_000_000;

/** A scope is a URI or a name: printable ASCII, no spaces (they separate scopes). */
const SCOPE = /^[\x21-\x7e]{1,256}$/;

export const DELEGATION_ENV = {
  GRAPH_DELEGATED_SCOPES: z
    .string()
    .trim()
    .min(1)
    .default(DEFAULT_GRAPH_DELEGATED_SCOPES)
    .transform((value) => value.split(/\s+/))
    .refine((scopes) => scopes.length <= MAX_DELEGATED_SCOPES, {
      message: `at most ${MAX_DELEGATED_SCOPES} scopes, separated by spaces`,
    })
    .refine((scopes) => scopes.every((scope) => SCOPE.test(scope)), {
      message:
        'scopes are printable ASCII without spaces, e.g. https://graph.microsoft.com/.default',
    }),
  GRAPH_OBO_CACHE_MAX_ENTRIES: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_OBO_CACHE_ENTRIES)
    .default(DEFAULT_OBO_CACHE_MAX_ENTRIES),
};

export interface DelegationSettings {
  /** The Graph scopes an on-behalf-of exchange asks for. */
  readonly scopes: readonly string[];
  /** People's Graph tokens kept at most (one per person and incoming token); 0 keeps none. */
  readonly cacheMaxEntries: number;
}

export function delegationSettings(vars: EnvOf<typeof DELEGATION_ENV>): DelegationSettings {
  return { scopes: vars.GRAPH_DELEGATED_SCOPES, cacheMaxEntries: vars.GRAPH_OBO_CACHE_MAX_ENTRIES };
}
