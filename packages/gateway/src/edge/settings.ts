/**
 * What the gateway accepts at its HTTP edge: this module's piece of the environment (CORS
 * origins, introspection, trusted documents), which src/config.ts composes.
 */
import { z } from 'zod';
import { ConfigError, type EnvOf, nonEmpty } from '../settings/env.js';

/** What the gateway accepts at its HTTP edge (src/edge/); the names are createApp's options. */
export interface EdgePolicy {
  /** Exact origins a browser may call from cross-site; empty: no CORS headers at all. */
  corsOrigins: string[];
  /** Schema introspection: on in development, off in production unless GATEWAY_INTROSPECTION=true. */
  introspection: boolean;
}

/** `GATEWAY_TRUSTED_DOCUMENTS`: the manifest file to serve by hash, and whether only it runs. */
export interface TrustedDocumentsSettings {
  path: string;
  only: boolean;
}

/**
 * Browsers send `Origin` exactly as the URL's origin serializes: lower case, no default port,
 * no path, no trailing slash. Anything else would never match, so it is refused at start-up.
 */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

export const EDGE_ENV = {
  GATEWAY_CORS_ORIGINS: z
    .string()
    .optional()
    .transform((list) =>
      (list ?? '')
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(z.string().refine(isOrigin, 'each entry must be an origin: scheme://host[:port]')),
    ),
  GATEWAY_INTROSPECTION: z.enum(['true', 'false']).optional(),
  GATEWAY_TRUSTED_DOCUMENTS: nonEmpty,
  GATEWAY_TRUSTED_DOCUMENTS_ONLY: z.enum(['true', 'false']).default('false'),
};

type EdgeEnv = EnvOf<typeof EDGE_ENV>;

/** @param production NODE_ENV=production: introspection is off unless asked for. */
export function edgePolicy(vars: EdgeEnv, production: boolean): EdgePolicy {
  return {
    corsOrigins: vars.GATEWAY_CORS_ORIGINS,
    introspection: (vars.GATEWAY_INTROSPECTION ?? String(!production)) === 'true',
  };
}

export function trustedDocuments(vars: EdgeEnv): TrustedDocumentsSettings | null {
  const only = vars.GATEWAY_TRUSTED_DOCUMENTS_ONLY === 'true';
  if (!vars.GATEWAY_TRUSTED_DOCUMENTS) {
    if (only) {
      throw new ConfigError(
        'GATEWAY_TRUSTED_DOCUMENTS_ONLY=true needs GATEWAY_TRUSTED_DOCUMENTS, the manifest of ' +
          'the documents people may send (e.g. clients/release-app/__generated__/persisted-documents.json)',
      );
    }
    return null;
  }
  return { path: vars.GATEWAY_TRUSTED_DOCUMENTS, only };
}
