/**
 * Which Microsoft Graph the client calls and how it signs in, from the parsed environment
 * (GRAPH_BASE_URL, GRAPH_ACCESS_TOKEN, AZURE_*), with the checks between those variables.
 */
import type { GraphCredentials } from '../credentials/graph-credentials.js';
import { GraphSettingsError, isLoopback } from './env.js';
import type { GraphEnv } from './graph-env.js';

export interface GraphEndpoint {
  /** The Graph root without version, e.g. https://graph.microsoft.com. */
  baseUrl: string;
  credentials: GraphCredentials;
  /** `AZURE_AUTHORITY_HOST`: Entra's host for national clouds (or an emulator). */
  authorityHost?: string;
}

/** The variables this file reads, parsed. */
type GraphEndpointEnv = Pick<
  GraphEnv,
  | 'GRAPH_BASE_URL'
  | 'GRAPH_ACCESS_TOKEN'
  | 'AZURE_TENANT_ID'
  | 'AZURE_CLIENT_ID'
  | 'AZURE_CLIENT_SECRET'
  | 'AZURE_CLIENT_CERTIFICATE_PATH'
  | 'AZURE_AUTHORITY_HOST'
>;

/**
 * The Graph to call; null when no credentials are set at all, which names none: the gateway then
 * decides (its embedded emulator in development, a refusal in production).
 */
export function graphEndpoint(vars: GraphEndpointEnv): GraphEndpoint | null {
  const credentials = graphCredentials(vars);
  if (!credentials) {
    if (vars.GRAPH_BASE_URL) {
      throw new GraphSettingsError(
        'GRAPH_BASE_URL is set but no credentials are: set GRAPH_ACCESS_TOKEN, or AZURE_TENANT_ID, ' +
          'AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH)',
      );
    }
    return null;
  }
  return {
    baseUrl: graphBaseUrl(vars.GRAPH_BASE_URL ?? 'https://graph.microsoft.com'),
    credentials,
    ...(vars.AZURE_AUTHORITY_HOST ? { authorityHost: vars.AZURE_AUTHORITY_HOST } : {}),
  };
}

function graphCredentials(vars: GraphEndpointEnv): GraphCredentials | null {
  if (vars.GRAPH_ACCESS_TOKEN) return { kind: 'static-token', token: vars.GRAPH_ACCESS_TOKEN };
  const { AZURE_TENANT_ID: tenantId, AZURE_CLIENT_ID: clientId } = vars;
  const secret = vars.AZURE_CLIENT_SECRET;
  const certificatePath = vars.AZURE_CLIENT_CERTIFICATE_PATH;
  if (!tenantId && !clientId && !secret && !certificatePath) return null;
  if (!tenantId || !clientId || (!secret && !certificatePath)) {
    throw new GraphSettingsError(
      'Incomplete Azure credentials: AZURE_TENANT_ID, AZURE_CLIENT_ID and one of ' +
        'AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH are all needed',
    );
  }
  return secret
    ? { kind: 'client-secret', tenantId, clientId, clientSecret: secret }
    : {
        kind: 'client-certificate',
        tenantId,
        clientId,
        certificatePath: certificatePath as string,
      };
}

/**
 * The Graph root without version. Plain `http` is allowed only on loopback (the emulator, a
 * test server): anywhere else it would send the bearer token in clear text.
 */
export function graphBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new GraphSettingsError(`GRAPH_BASE_URL is not a URL: ${raw}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new GraphSettingsError(
      'GRAPH_BASE_URL must not carry credentials, a query or a fragment',
    );
  }
  if (/\/(v1\.0|beta)\/?$/.test(url.pathname)) {
    throw new GraphSettingsError(
      'GRAPH_BASE_URL is the Graph root without version, e.g. https://graph.microsoft.com',
    );
  }
  const loopback = isLoopback(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new GraphSettingsError(
      `GRAPH_BASE_URL must use https (plain http only on loopback, for the emulator): ${raw}`,
    );
  }
  return url.href.replace(/\/+$/, '');
}
