/**
 * Who may call the gateway: service keys, Entra ID tokens, or anonymous callers. This module's
 * piece of the environment; src/config.ts composes it, auth/from-config.ts turns the result into
 * the authentication the app runs with.
 */
import { z } from 'zod';
import { ConfigError, type EnvOf, isLoopback, nonEmpty } from '../settings/env.js';
import { GRAPH_AUDIENCES } from './entra-token.js';
import { parseServiceKeys, type ServiceKey } from './service-keys.js';

export const CALLER_AUTH_ENV = {
  GATEWAY_API_KEYS: z.string().optional(),
  GATEWAY_ALLOW_ANONYMOUS: z.enum(['true', 'false']).optional(),
  GATEWAY_AUTH_TENANT_IDS: nonEmpty,
  GATEWAY_AUTH_AUDIENCE: nonEmpty,
};

/** The piece above, and the app registration's variables it falls back on (the Graph client's). */
type CallerAuthEnv = EnvOf<typeof CALLER_AUTH_ENV> & {
  AZURE_TENANT_ID?: string | undefined;
  AZURE_CLIENT_ID?: string | undefined;
  AZURE_AUTHORITY_HOST?: string | undefined;
};

/** Who may call the gateway. */
export interface CallerAuth {
  /** `GATEWAY_API_KEYS`, parsed (src/auth/service-keys.ts has the format). */
  serviceKeys: ServiceKey[];
  /**
   * Entra ID access tokens: validated against a real authority, against the embedded emulator's
   * Entra (whose URL exists only once it listens), or not accepted at all.
   */
  entra: ({ kind: 'authority' } & EntraSettings) | { kind: 'embedded-emulator' } | null;
  /** Requests without credentials are served as the anonymous caller. */
  allowAnonymous: boolean;
}

export interface EntraSettings {
  authorityHost: string;
  tenantIds: string[];
  audiences: string[];
}

const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const list = (raw: string | undefined) =>
  (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * @param embeddedEmulator the gateway runs on the embedded emulator, whose own Entra callers sign
 *   in with (main.ts knows its URL once it listens)
 */
export function callerAuth(vars: CallerAuthEnv, embeddedEmulator: boolean): CallerAuth {
  let serviceKeys: ServiceKey[];
  try {
    serviceKeys = parseServiceKeys(vars.GATEWAY_API_KEYS);
  } catch (error) {
    throw new ConfigError(`GATEWAY_API_KEYS: ${(error as Error).message}`);
  }
  const entra: CallerAuth['entra'] = embeddedEmulator
    ? { kind: 'embedded-emulator' }
    : entraAuthority(vars);
  const nothingConfigured = serviceKeys.length === 0 && entra === null;
  // Only an explicit `true` lets callers in without credentials, in development too: a gateway
  // that is open by default stays open when it is deployed by mistake. On the embedded emulator
  // callers sign in with the emulator's Entra, and GraphiQL opens signed in (packages/gateway/dev/).
  const allowAnonymous = vars.GATEWAY_ALLOW_ANONYMOUS === 'true';
  if (nothingConfigured && !allowAnonymous) {
    throw new ConfigError(
      'The gateway acts with its own Graph credentials, so it must decide who calls it: set ' +
        'AZURE_TENANT_ID (or GATEWAY_AUTH_TENANT_IDS) to accept Entra ID tokens, or ' +
        'GATEWAY_API_KEYS, or GATEWAY_ALLOW_ANONYMOUS=true when something in front of it ' +
        'already authenticates callers',
    );
  }
  return { serviceKeys, entra, allowAnonymous };
}

/** Entra validation against a real authority; on by default when the gateway knows its tenant. */
function entraAuthority(vars: CallerAuthEnv): CallerAuth['entra'] {
  const tenantIds = list(vars.GATEWAY_AUTH_TENANT_IDS ?? vars.AZURE_TENANT_ID);
  if (tenantIds.length === 0) return null;
  const notGuid = tenantIds.find((id) => !GUID.test(id));
  if (notGuid) {
    throw new ConfigError(
      `GATEWAY_AUTH_TENANT_IDS (default: AZURE_TENANT_ID) needs tenant GUIDs, the "tid" in ` +
        `tokens; "${notGuid}" is not one`,
    );
  }
  const clientId = vars.AZURE_CLIENT_ID;
  const audiences = vars.GATEWAY_AUTH_AUDIENCE
    ? list(vars.GATEWAY_AUTH_AUDIENCE)
    : clientId
      ? [clientId, `api://${clientId}`]
      : [];
  if (audiences.length === 0) {
    throw new ConfigError(
      'Entra ID tokens are accepted (a tenant is set) but for which API? Set ' +
        'GATEWAY_AUTH_AUDIENCE (or AZURE_CLIENT_ID)',
    );
  }
  const graphAudience = audiences.find((aud) => GRAPH_AUDIENCES.includes(aud.toLowerCase()));
  if (graphAudience) {
    throw new ConfigError(
      `GATEWAY_AUTH_AUDIENCE must be this gateway's API, never Microsoft Graph (${graphAudience})`,
    );
  }
  return {
    kind: 'authority',
    authorityHost: authorityHost(vars.AZURE_AUTHORITY_HOST ?? DEFAULT_AUTHORITY_HOST),
    tenantIds: tenantIds.map((id) => id.toLowerCase()),
    audiences,
  };
}

/** The Entra authority origin. Plain `http` only on loopback, as for GRAPH_BASE_URL. */
export function authorityHost(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`AZURE_AUTHORITY_HOST is not a URL: ${raw}`);
  }
  if (url.search || url.hash || url.username || url.password || url.pathname !== '/') {
    throw new ConfigError(
      'AZURE_AUTHORITY_HOST is an origin only, e.g. https://login.microsoftonline.us',
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new ConfigError(
      `AZURE_AUTHORITY_HOST must use https (plain http only on loopback, for the emulator): ${raw}`,
    );
  }
  return url.origin;
}
