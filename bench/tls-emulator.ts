/**
 * An emulator for the scenarios where the gateway acts for people (on-behalf-of): MSAL takes
 * only an https authority, so the emulator serves HTTPS with the loopback test certificate, and
 * both the built gateway and this process trust it through NODE_EXTRA_CA_CERTS (`npm run bench`
 * sets it for this process; bench/built-gateway.ts for the gateway's).
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import {
  type EmulatorOptions,
  ENTRA,
  type EntraPerson,
  LOOPBACK_DEV_TLS,
  type RunningEmulator,
  startEmulator,
} from '@universal-print-gateway/emulator';
import { DEFAULT_GRAPH_DELEGATED_SCOPES } from '@universal-print-gateway/graph-client';
import { personToken, tokenRequest } from '../test/helpers/entra.js';
import { type BuiltGatewayVariant, startBuiltGateway } from './built-gateway.js';
import type { ServerProcess } from './server-process.js';

export { morePeople } from '../test/helpers/entra.js';

/** The emulator's loopback certificate, its own CA: the file NODE_EXTRA_CA_CERTS names. */
export const LOOPBACK_CA_FILE = LOOPBACK_DEV_TLS.certFile;

/** The scopes on the gateway's API a person who prints holds. */
const PRINTING_SCOPES = ['Print.Release', 'Print.Submit'] as const;

export async function emulatorOverTls(
  options: Omit<EmulatorOptions, 'tls'> = {},
): Promise<RunningEmulator> {
  const trusted = process.env['NODE_EXTRA_CA_CERTS'];
  if (!trusted || resolve(trusted) !== resolve(LOOPBACK_CA_FILE)) {
    throw new Error(
      `The on-behalf-of scenarios reach the emulator over HTTPS: run them with ` +
        `NODE_EXTRA_CA_CERTS=${LOOPBACK_CA_FILE} (npm run bench does)`,
    );
  }
  return startEmulator({
    ...options,
    tls: { key: LOOPBACK_DEV_TLS.key, cert: LOOPBACK_DEV_TLS.cert },
  });
}

/** One token for the gateway's API per person, as a signed-in app holds it. */
export function printingTokens(
  emulator: RunningEmulator,
  people: readonly EntraPerson[],
): Promise<string[]> {
  return Promise.all(people.map((person) => personToken(emulator.url, person, PRINTING_SCOPES)));
}

/** The gateway as it ships, on this emulator's Graph, acting for people at its Entra. */
export function gatewayActingForPeople(
  emulator: RunningEmulator,
  concurrency: number,
  variant: BuiltGatewayVariant = {},
): Promise<ServerProcess> {
  return startBuiltGateway(
    {
      name: 'gateway',
      graphUrl: emulator.url,
      emulatorUrl: emulator.url,
      serviceKey: `bench-${randomBytes(16).toString('hex')}`,
      concurrency,
      actsForPeople: { trustedCaFile: LOOPBACK_CA_FILE },
    },
    variant,
  );
}

/**
 * A person's delegated Graph token, exchanged on-behalf-of at the emulator's Entra with the
 * gateway's app registration, as the gateway does: for a reference server that calls Graph as
 * that person.
 */
export function delegatedGraphToken(emulator: RunningEmulator, apiToken: string): Promise<string> {
  return tokenRequest(emulator.url, ENTRA.tenantId, {
    grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    requested_token_use: 'on_behalf_of',
    client_id: ENTRA.apps.gateway.appId,
    client_secret: ENTRA.apps.gateway.secret,
    scope: DEFAULT_GRAPH_DELEGATED_SCOPES,
    assertion: apiToken,
  });
}
