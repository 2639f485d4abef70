// Microsoft Entra ID as the gateway sees it, on the emulator's own HTTP server: per-tenant
// OpenID discovery, the signing keys (JWKS), a token endpoint, and an admin endpoint to rotate
// the keys. The paths are Entra's, so AZURE_AUTHORITY_HOST = the emulator's URL just works.
import { randomUUID } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { type EntraTenant, entraTenants } from './entra-seed.js';
import { SigningKeys } from './signing-keys.js';
import { grant, OAuthError, TOKEN_LIFETIME_SECONDS } from './token-grants.js';

export interface EntraAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** How often each endpoint was hit since the last reset: tests assert caching on these. */
export interface EntraHits {
  discovery: number;
  keys: number;
  token: number;
}

export interface EmulatedEntra {
  /** Answers an Entra path, or returns undefined when the path is not Entra's. */
  handle(
    method: string,
    pathname: string,
    rawBody: string | undefined,
    contentType: string | undefined,
  ): Promise<EntraAnswer | undefined>;
  /** The app a Graph access token from this Entra was issued to, while it is valid. */
  graphTokenApp(token: string): string | undefined;
  /** The Graph application permissions (`roles`) that token was issued with. */
  graphTokenRoles(token: string): readonly string[] | undefined;
  hits(): EntraHits;
  /** A new signing key takes over; the replaced one stays published. Returns the new `kid`. */
  rotateKeys(): Promise<string>;
  /** Signs exactly these claims with the current key: lets tests forge expired, wrong-audience … tokens that are otherwise genuine. */
  sign(claims: JWTPayload): Promise<string>;
  /** Zeroes the hit counters. Keys survive: a client's JWKS cache outlives a tenant reset. */
  reset(): void;
}

const DISCOVERY = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/i;
const KEYS = /^\/([^/]+)\/discovery\/v2\.0\/keys$/i;
const TOKEN = /^\/([^/]+)\/oauth2\/v2\.0\/token$/i;
const ROTATE = '/_emulator/entra/rotate-keys';

const methodNotAllowed = (allow: string): EntraAnswer => ({
  status: 405,
  headers: { Allow: allow },
  body: { error: 'invalid_request', error_description: `Use ${allow}.` },
});

function oauthError(error: OAuthError): EntraAnswer {
  const traceId = randomUUID();
  // Entra's own spelling: '2024-05-01 09:30:12Z'.
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return {
    status: error.status,
    body: {
      error: error.error,
      error_description: `${error.message}\r\nTrace ID: ${traceId}\r\nTimestamp: ${timestamp}`,
      error_codes: [error.aadsts],
      timestamp,
      trace_id: traceId,
      correlation_id: randomUUID(),
    },
  };
}

export interface EmulatedEntraOptions {
  /** The `roles` of the gateway app's Graph tokens. @default GATEWAY_GRAPH_ROLES */
  gatewayGraphRoles?: readonly string[];
}

export async function createEmulatedEntra(
  origin: () => string,
  options: EmulatedEntraOptions = {},
): Promise<EmulatedEntra> {
  const keys = await SigningKeys.create();
  const tenants = new Map<string, EntraTenant>(entraTenants().map((t) => [t.id, t]));
  let hits: EntraHits = { discovery: 0, keys: 0, token: 0 };
  // Graph tokens this Entra issued, for the emulator's Graph side to accept until they expire.
  const graphTokens = new Map<
    string,
    { appId: string; roles: readonly string[]; expiresAt: number }
  >();

  const tenantOr404 = (segment: string): EntraTenant => {
    const tenant = tenants.get(segment.toLowerCase());
    if (!tenant) {
      throw new OAuthError(400, 'invalid_tenant', 90002, `Tenant '${segment}' not found.`);
    }
    return tenant;
  };
  const issuerOf = (tenantId: string) => `${origin()}/${tenantId}/v2.0`;

  const discovery = (tenant: EntraTenant): EntraAnswer => {
    const base = `${origin()}/${tenant.id}`;
    return {
      status: 200,
      body: {
        token_endpoint: `${base}/oauth2/v2.0/token`,
        token_endpoint_auth_methods_supported: [
          'client_secret_post',
          'private_key_jwt',
          'client_secret_basic',
        ],
        jwks_uri: `${base}/discovery/v2.0/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        issuer: issuerOf(tenant.id),
        request_uri_parameter_supported: false,
        userinfo_endpoint: `${origin()}/oidc/userinfo`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
        http_logout_supported: true,
        frontchannel_logout_supported: true,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        claims_supported: [
          'sub',
          'iss',
          'aud',
          'exp',
          'iat',
          'auth_time',
          'acr',
          'nonce',
          'preferred_username',
          'name',
          'tid',
          'ver',
          'at_hash',
          'c_hash',
          'email',
        ],
        tenant_region_scope: 'EU',
        cloud_instance_name: 'emulator.invalid',
        cloud_graph_host_name: 'graph.windows.net',
        msgraph_host: 'graph.microsoft.com',
      },
    };
  };

  const token = async (
    tenant: EntraTenant,
    rawBody: string | undefined,
    contentType: string | undefined,
  ): Promise<EntraAnswer> => {
    if (!(contentType ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      throw new OAuthError(
        400,
        'invalid_request',
        900144,
        "The request body must contain the following parameter: 'grant_type'.",
      );
    }
    const issued = grant(
      tenant,
      new URLSearchParams(rawBody ?? ''),
      issuerOf(tenant.id),
      Math.floor(Date.now() / 1000),
      origin(),
      options.gatewayGraphRoles,
    );
    const accessToken = await keys.sign(issued.claims);
    if (issued.claims.aud === 'https://graph.microsoft.com') {
      graphTokens.set(accessToken, {
        appId: String(issued.claims['appid']),
        roles: issued.claims['roles'] as string[],
        expiresAt: (issued.claims.exp ?? 0) * 1000,
      });
    }
    return {
      status: 200,
      headers: { 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache' },
      body: {
        token_type: 'Bearer',
        scope: issued.scope,
        expires_in: TOKEN_LIFETIME_SECONDS,
        ext_expires_in: TOKEN_LIFETIME_SECONDS,
        access_token: accessToken,
      },
    };
  };

  const route = async (
    method: string,
    pathname: string,
    rawBody: string | undefined,
    contentType: string | undefined,
  ): Promise<EntraAnswer | undefined> => {
    if (pathname === ROTATE) {
      if (method !== 'POST') return methodNotAllowed('POST');
      const kid = await keys.rotate();
      return { status: 200, body: { kid, published: keys.jwks('').keys.map((key) => key.kid) } };
    }
    let match = DISCOVERY.exec(pathname);
    if (match?.[1]) {
      if (method !== 'GET') return methodNotAllowed('GET');
      hits.discovery += 1;
      return discovery(tenantOr404(match[1]));
    }
    match = KEYS.exec(pathname);
    if (match?.[1]) {
      if (method !== 'GET') return methodNotAllowed('GET');
      hits.keys += 1;
      tenantOr404(match[1]);
      // Entra's keys are shared by every tenant; `issuer` tells which tenant may use them.
      return { status: 200, body: keys.jwks(`${origin()}/{tenantid}/v2.0`) };
    }
    match = TOKEN.exec(pathname);
    if (match?.[1]) {
      if (method !== 'POST') return methodNotAllowed('POST');
      hits.token += 1;
      return token(tenantOr404(match[1]), rawBody, contentType);
    }
    return undefined;
  };

  return {
    async handle(method, pathname, rawBody, contentType) {
      try {
        return await route(method, pathname, rawBody, contentType);
      } catch (error) {
        if (error instanceof OAuthError) return oauthError(error);
        throw error;
      }
    },
    graphTokenApp(token) {
      const issued = graphTokens.get(token);
      if (issued && issued.expiresAt <= Date.now()) graphTokens.delete(token);
      return issued && issued.expiresAt > Date.now() ? issued.appId : undefined;
    },
    graphTokenRoles: (token) => graphTokens.get(token)?.roles,
    hits: () => ({ ...hits }),
    rotateKeys: () => keys.rotate(),
    sign: (claims) => keys.sign(claims),
    reset() {
      hits = { discovery: 0, keys: 0, token: 0 };
    },
  };
}
