// Microsoft Entra ID as the gateway sees it, on the emulator's own HTTP server: per-tenant
// OpenID discovery, the signing keys (JWKS), a token endpoint, and an admin endpoint to rotate
// the keys. The paths are Entra's, so AZURE_AUTHORITY_HOST = the emulator's URL just works.
// The same Entra may also listen over HTTPS (entra-over-tls.ts): each listener's discovery and
// tokens name that listener's origin as the issuer (MSAL checks that the discovery document's
// issuer is its authority), and an on-behalf-of assertion issued under either name is accepted.
import { randomUUID } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { errors as joseErrors } from 'jose';
import { type EntraPerson, type EntraTenant, entraTenants } from './entra-seed.js';
import { InvalidOboRefusalError, OboRefusals, parseOboRefusal } from './obo-refusals.js';
import { JWT_BEARER_GRANT, onBehalfOf } from './on-behalf-of.js';
import { SigningKeys } from './signing-keys.js';
import { type Grant, grant, OAuthError } from './token-grants.js';

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
  /**
   * On-behalf-of exchanges per person (`oid`) whose assertion was valid, granted or refused by
   * the knob: what a client's token cache saves.
   */
  onBehalfOf: Record<string, number>;
}

/** A Graph token this Entra issued: the app's own, or a person's (on-behalf-of). */
export interface IssuedGraphToken {
  appId: string;
  roles: readonly string[];
  /** The person a delegated token acts for; absent on app-only tokens. */
  personId?: string;
  /** The delegated permissions (`scp`) of a person's token. */
  scopes?: readonly string[];
  expiresAt: number;
}

export interface EmulatedEntra {
  /**
   * Answers an Entra path, or returns undefined when the path is not Entra's. `listener` is the
   * origin the request came in on (the emulator's own by default): issuers and endpoints name it.
   */
  handle(
    method: string,
    pathname: string,
    rawBody: string | undefined,
    contentType: string | undefined,
    listener?: string,
  ): Promise<EntraAnswer | undefined>;
  /** The app a Graph access token from this Entra was issued to, while it is valid. */
  graphTokenApp(token: string): string | undefined;
  /** The Graph application permissions (`roles`) that token was issued with. */
  graphTokenRoles(token: string): readonly string[] | undefined;
  /** Everything Graph learns from a token this Entra issued, while it is valid. */
  graphToken(token: string): IssuedGraphToken | undefined;
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
const OBO_REFUSALS = '/_emulator/entra/obo-refusals';
const HITS = '/_emulator/entra/hits';

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
      ...error.extra,
    },
  };
}

export interface EmulatedEntraOptions {
  /** The `roles` of the gateway app's Graph tokens. @default GATEWAY_GRAPH_ROLES */
  gatewayGraphRoles?: readonly string[];
  /**
   * People of the Contoso tenant besides Adele and Megan, who sign in (ROPC) and are exchanged
   * for (on-behalf-of) like them: what a load of many people needs (bench/). @default none
   */
  morePeople?: readonly EntraPerson[];
}

/**
 * @param origin the emulator's own origin: Graph's resource name, and Entra's default listener.
 * @param listeners every origin this Entra answers on (its HTTPS one too): the issuers an
 *   on-behalf-of assertion may carry.
 */
export async function createEmulatedEntra(
  origin: () => string,
  options: EmulatedEntraOptions = {},
  listeners: () => readonly string[] = () => [origin()],
): Promise<EmulatedEntra> {
  const keys = await SigningKeys.create();
  const tenants = new Map<string, EntraTenant>(
    entraTenants(options.morePeople).map((t) => [t.id, t]),
  );
  const noHits = (): EntraHits => ({ discovery: 0, keys: 0, token: 0, onBehalfOf: {} });
  let hits = noHits();
  const refusals = new OboRefusals();
  // Graph tokens this Entra issued, for the emulator's Graph side to accept until they expire.
  const graphTokens = new Map<string, IssuedGraphToken>();
  const liveGraphToken = (token: string): IssuedGraphToken | undefined => {
    const issued = graphTokens.get(token);
    if (issued && issued.expiresAt <= Date.now()) graphTokens.delete(token);
    return issued && issued.expiresAt > Date.now() ? issued : undefined;
  };

  /** Entra's answers to an assertion it cannot accept (invalid_grant, as on the OBO page). */
  const verifyAssertion = async (assertion: string, tenantId: string) => {
    try {
      const issuers = listeners().map((listener) => `${listener}/${tenantId}/v2.0`);
      return await keys.verify(assertion, issuers);
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) {
        throw new OAuthError(
          400,
          'invalid_grant',
          500133,
          'Assertion is not within its valid time range.',
        );
      }
      if (error instanceof joseErrors.JOSEError) {
        throw new OAuthError(
          400,
          'invalid_grant',
          50013,
          `Assertion failed signature validation or names another issuer (${error.code}).`,
        );
      }
      throw error;
    }
  };

  const tenantOr404 = (segment: string): EntraTenant => {
    const tenant = tenants.get(segment.toLowerCase());
    if (!tenant) {
      throw new OAuthError(400, 'invalid_tenant', 90002, `Tenant '${segment}' not found.`);
    }
    return tenant;
  };
  const issuerOf = (listener: string, tenantId: string) => `${listener}/${tenantId}/v2.0`;

  const discovery = (tenant: EntraTenant, listener: string): EntraAnswer => {
    const base = `${listener}/${tenant.id}`;
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
        issuer: issuerOf(listener, tenant.id),
        request_uri_parameter_supported: false,
        userinfo_endpoint: `${listener}/oidc/userinfo`,
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
    listener: string,
  ): Promise<EntraAnswer> => {
    if (!(contentType ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      throw new OAuthError(
        400,
        'invalid_request',
        900144,
        "The request body must contain the following parameter: 'grant_type'.",
      );
    }
    const form = new URLSearchParams(rawBody ?? '');
    const now = Math.floor(Date.now() / 1000);
    const issuer = issuerOf(listener, tenant.id);
    const issued: Grant =
      form.get('grant_type') === JWT_BEARER_GRANT
        ? await onBehalfOf({
            tenant,
            form,
            issuer,
            now,
            emulatorOrigin: origin(),
            verify: (assertion) => verifyAssertion(assertion, tenant.id),
            takeRefusal: (personId) => {
              hits.onBehalfOf[personId] = (hits.onBehalfOf[personId] ?? 0) + 1;
              return refusals.take(personId);
            },
          })
        : grant(tenant, form, issuer, now, origin(), options.gatewayGraphRoles);
    const accessToken = await keys.sign(issued.claims);
    const expiresAt = issued.claims.exp ?? now;
    if (issued.claims.aud === 'https://graph.microsoft.com') {
      const delegated = issued.claims['idtyp'] === 'user';
      graphTokens.set(accessToken, {
        appId: String(issued.claims['appid']),
        roles: delegated ? [] : (issued.claims['roles'] as string[]),
        ...(delegated
          ? {
              personId: String(issued.claims['oid']),
              scopes: String(issued.claims['scp']).split(' '),
            }
          : {}),
        expiresAt: expiresAt * 1000,
      });
    }
    return {
      status: 200,
      headers: { 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache' },
      body: {
        token_type: 'Bearer',
        scope: issued.scope,
        expires_in: expiresAt - now,
        ext_expires_in: expiresAt - now,
        access_token: accessToken,
      },
    };
  };

  const oboRefusals = (method: string, rawBody: string | undefined): EntraAnswer => {
    if (method === 'DELETE') {
      refusals.clear();
      return { status: 204 };
    }
    if (method !== 'POST') return methodNotAllowed('POST, DELETE');
    try {
      const rule = parseOboRefusal(JSON.parse(rawBody ?? ''));
      refusals.add(rule);
      return { status: 201, body: rule };
    } catch (error) {
      if (!(error instanceof InvalidOboRefusalError || error instanceof SyntaxError)) throw error;
      return { status: 400, body: { error: { code: 'badRequest', message: error.message } } };
    }
  };

  const route = async (
    method: string,
    pathname: string,
    rawBody: string | undefined,
    contentType: string | undefined,
    listener: string,
  ): Promise<EntraAnswer | undefined> => {
    if (pathname === OBO_REFUSALS) return oboRefusals(method, rawBody);
    if (pathname === HITS) {
      if (method !== 'GET') return methodNotAllowed('GET');
      return { status: 200, body: structuredClone(hits) };
    }
    if (pathname === ROTATE) {
      if (method !== 'POST') return methodNotAllowed('POST');
      const kid = await keys.rotate();
      return { status: 200, body: { kid, published: keys.jwks('').keys.map((key) => key.kid) } };
    }
    let match = DISCOVERY.exec(pathname);
    if (match?.[1]) {
      if (method !== 'GET') return methodNotAllowed('GET');
      hits.discovery += 1;
      return discovery(tenantOr404(match[1]), listener);
    }
    match = KEYS.exec(pathname);
    if (match?.[1]) {
      if (method !== 'GET') return methodNotAllowed('GET');
      hits.keys += 1;
      tenantOr404(match[1]);
      // Entra's keys are shared by every tenant; `issuer` tells which tenant may use them.
      return { status: 200, body: keys.jwks(`${listener}/{tenantid}/v2.0`) };
    }
    match = TOKEN.exec(pathname);
    if (match?.[1]) {
      if (method !== 'POST') return methodNotAllowed('POST');
      hits.token += 1;
      return token(tenantOr404(match[1]), rawBody, contentType, listener);
    }
    return undefined;
  };

  return {
    async handle(method, pathname, rawBody, contentType, listener = origin()) {
      try {
        return await route(method, pathname, rawBody, contentType, listener);
      } catch (error) {
        if (error instanceof OAuthError) return oauthError(error);
        throw error;
      }
    },
    graphTokenApp: (token) => liveGraphToken(token)?.appId,
    graphTokenRoles: (token) => graphTokens.get(token)?.roles,
    graphToken: liveGraphToken,
    hits: () => structuredClone(hits),
    rotateKeys: () => keys.rotate(),
    sign: (claims) => keys.sign(claims),
    reset() {
      hits = noHits();
      refusals.clear();
    },
  };
}
