/**
 * Validates Microsoft Entra ID v2.0 access tokens issued for this gateway's API.
 *
 * Per allowed tenant: OpenID discovery at `{authority}/{tenant}/v2.0/.well-known/openid-configuration`,
 * then its `jwks_uri` through jose's `createRemoteJWKSet`, which caches the keys and, on an unknown
 * `kid` (Entra rotated its keys), fetches them again at most once per cooldown.
 *
 * Checks, cheapest first, so junk never costs a network round trip:
 * Graph audience → `alg` RS256 → `ver` 2.0 → `tid` allowed → signature, `iss`, `aud`,
 * `exp`/`nbf` (± CLOCK_TOLERANCE_SECONDS) → `oid` present → a person's or an app's (`isAppOnly`).
 */
import {
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  type JWTPayload,
  jwtVerify,
} from 'jose';
import { AuthFailure } from './auth-failure.js';
import {
  APPLICATION_PERMISSIONS,
  DELEGATED_PERMISSIONS,
  type EntraCaller,
  knownPermissions,
} from './caller.js';
import { VerifiedTokens } from './verified-tokens.js';

/**
 * Tolerance on `exp` and `nbf`. Microsoft's own middleware allows 5 minutes; a minute covers
 * servers kept in step by NTP while letting an expired token live for less time.
 */
export const CLOCK_TOLERANCE_SECONDS = 60;

/** Microsoft Graph's app id and URI: its tokens are for Graph, never for us (confused deputy). */
export const GRAPH_AUDIENCES: readonly string[] = [
  '00000003-0000-0000-c000-000000000000',
  'https://graph.microsoft.com',
  'https://graph.microsoft.com/',
];

export interface EntraValidationSettings {
  /** e.g. `https://login.microsoftonline.com`, no trailing slash. */
  readonly authorityHost: string;
  /** Tenant GUIDs whose tokens are accepted. */
  readonly tenantIds: readonly string[];
  /** Accepted `aud` values: the gateway's client id and/or its App ID URI. */
  readonly audiences: readonly string[];
}

export interface EntraValidatorOptions extends EntraValidationSettings {
  /** Minimum time between two JWKS fetches caused by unknown `kid`s. @default 30_000 */
  readonly jwksCooldownMs?: number;
  /** Keys older than this are fetched again on the next token. @default 600_000 */
  readonly jwksCacheMaxAgeMs?: number;
  /** Timeout of one discovery or JWKS request. @default 5_000 */
  readonly fetchTimeoutMs?: number;
  /** Verified tokens kept, and for how long at most (src/auth/verified-tokens.ts). */
  readonly verifiedTokens?: VerifiedTokens;
  /** The clock, epoch ms; tests move it. @default Date.now */
  readonly now?: () => number;
}

/**
 * The instant (epoch ms) after which a token whose `exp` is `exp` (epoch seconds) is refused with
 * `TOKEN_EXPIRED`: its `exp` plus the clock tolerance, as `jwtVerify` applies it below.
 */
export function acceptedUntil(exp: number): number {
  return (exp + CLOCK_TOLERANCE_SECONDS) * 1000;
}

/**
 * When a token this validator accepted stops being accepted (`acceptedUntil` of its `exp`). For
 * tokens that passed the validator only: their `exp` was verified, so it is read, not checked.
 */
export function tokenAcceptedUntil(token: string): number {
  return acceptedUntil(decodeJwt(token).exp as number);
}

export type EntraTokenValidator = (token: string) => Promise<EntraCaller>;

interface TenantKeys {
  issuer: string;
  keys: ReturnType<typeof createRemoteJWKSet>;
}

export function createEntraTokenValidator(options: EntraValidatorOptions): EntraTokenValidator {
  const tenants = new Set(options.tenantIds.map((id) => id.toLowerCase()));
  const timeoutMs = options.fetchTimeoutMs ?? 5_000;
  // Only allow-listed tenants ever get here, so this map cannot grow without bound.
  const discovered = new Map<string, Promise<TenantKeys>>();

  const keysFor = (tenantId: string): Promise<TenantKeys> => {
    let pending = discovered.get(tenantId);
    if (!pending) {
      pending = discover(options.authorityHost, tenantId, timeoutMs).then((metadata) => ({
        issuer: metadata.issuer,
        keys: createRemoteJWKSet(new URL(metadata.jwksUri), {
          cooldownDuration: options.jwksCooldownMs ?? 30_000,
          cacheMaxAge: options.jwksCacheMaxAgeMs ?? 600_000,
          timeoutDuration: timeoutMs,
        }),
      }));
      discovered.set(tenantId, pending);
      // A failed discovery is tried again by the next request rather than remembered.
      pending.catch(() => discovered.delete(tenantId));
    }
    return pending;
  };

  const verifiedTokens = options.verifiedTokens ?? new VerifiedTokens();
  const now = options.now ?? Date.now;

  return async (token) => {
    const checkedAt = now();
    const known = verifiedTokens.get(token, checkedAt);
    if (known) return known;
    const { header, claims } = decode(token);
    if (audiencesOf(claims).some((aud) => GRAPH_AUDIENCES.includes(aud))) {
      throw new AuthFailure(
        'GRAPH_TOKEN_REJECTED',
        'This is a Microsoft Graph token; request a token for the gateway API instead',
      );
    }
    if (header.alg !== 'RS256') {
      throw new AuthFailure('INVALID_TOKEN', 'Only RS256-signed tokens are accepted');
    }
    if (claims['ver'] !== '2.0') {
      throw new AuthFailure('INVALID_TOKEN', 'Only v2.0 access tokens are accepted');
    }
    const tenantId = typeof claims['tid'] === 'string' ? claims['tid'].toLowerCase() : undefined;
    if (!tenantId || !tenants.has(tenantId)) {
      throw new AuthFailure(
        'INVALID_TOKEN',
        'The token is from a tenant this gateway does not accept',
      );
    }
    let tenant: TenantKeys;
    try {
      tenant = await keysFor(tenantId);
    } catch {
      throw new AuthFailure('AUTHENTICATION_UNAVAILABLE', 'Entra ID metadata is unavailable');
    }
    const payload = await verify(token, tenant, options.audiences, checkedAt);
    const caller = callerFrom(payload, tenantId);
    // `exp` is required by verify(); the same tolerance as there, so a cached token lives no longer.
    verifiedTokens.remember(token, caller, acceptedUntil(payload.exp as number), checkedAt);
    return caller;
  };
}

function decode(token: string) {
  try {
    return { header: decodeProtectedHeader(token), claims: decodeJwt(token) };
  } catch {
    throw new AuthFailure('INVALID_TOKEN', 'The bearer token is not a well-formed JWT');
  }
}

function audiencesOf(claims: JWTPayload): string[] {
  const { aud } = claims;
  return typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : [];
}

async function verify(
  token: string,
  tenant: TenantKeys,
  audiences: readonly string[],
  now: number,
): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(token, tenant.keys, {
      currentDate: new Date(now),
      issuer: tenant.issuer,
      audience: [...audiences],
      algorithms: ['RS256'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp', 'iat'],
    });
    return payload;
  } catch (error) {
    throw failureFrom(error);
  }
}

function failureFrom(error: unknown): AuthFailure {
  if (error instanceof errors.JWTExpired) {
    return new AuthFailure('TOKEN_EXPIRED', 'The token has expired');
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') {
      return new AuthFailure('TOKEN_NOT_YET_VALID', 'The token is not valid yet (nbf)');
    }
    if (error.claim === 'aud') {
      return new AuthFailure('INVALID_AUDIENCE', 'The token was issued for another API (aud)');
    }
    if (error.claim === 'iss') {
      return new AuthFailure('INVALID_TOKEN', 'The token has an unexpected issuer (iss)');
    }
    return new AuthFailure('INVALID_TOKEN', `The token's "${error.claim}" claim is invalid`);
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return new AuthFailure('INVALID_TOKEN', 'The token is signed with an unknown key (kid)');
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    return new AuthFailure('AUTHENTICATION_UNAVAILABLE', 'Entra ID signing keys are unavailable');
  }
  if (error instanceof errors.JOSEError) {
    // Bad signature, disallowed algorithm, malformed JWS/JWT.
    return new AuthFailure('INVALID_TOKEN', 'The token signature is not valid');
  }
  // fetch() failing (connection refused, DNS) surfaces as a plain TypeError.
  return new AuthFailure('AUTHENTICATION_UNAVAILABLE', 'Entra ID signing keys are unavailable');
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function callerFrom(payload: JWTPayload, issuerTenantId: string): EntraCaller {
  const tid = payload['tid'];
  const oid = payload['oid'];
  if (typeof tid !== 'string' || tid.toLowerCase() !== issuerTenantId) {
    throw new AuthFailure('INVALID_TOKEN', "The token's tid does not match its issuer");
  }
  if (typeof oid !== 'string' || !GUID.test(oid)) {
    throw new AuthFailure('INVALID_TOKEN', 'The token has no oid: it identifies no one');
  }
  const clientAppId = stringClaim(payload, 'azp') ?? stringClaim(payload, 'appid');
  if (!clientAppId) {
    throw new AuthFailure('INVALID_TOKEN', 'The token names no client app (azp)');
  }
  const objectId = oid.toLowerCase();
  if (isAppOnly(payload, objectId)) {
    const roles = Array.isArray(payload['roles'])
      ? payload['roles'].filter((r): r is string => typeof r === 'string')
      : [];
    return {
      kind: 'app',
      tenantId: issuerTenantId,
      objectId,
      appId: clientAppId,
      permissions: knownPermissions(roles, APPLICATION_PERMISSIONS),
    };
  }
  const displayName = stringClaim(payload, 'preferred_username') ?? stringClaim(payload, 'upn');
  return {
    kind: 'person',
    tenantId: issuerTenantId,
    objectId,
    clientAppId,
    // A person without `scp` holds no delegated scope: authenticated, and refused everything.
    permissions: knownPermissions(
      stringClaim(payload, 'scp')?.split(' ') ?? [],
      DELEGATED_PERMISSIONS,
    ),
    ...(displayName ? { displayName } : {}),
  };
}

/**
 * Whether the token is app-only, as Microsoft documents it (access tokens, "app-only"): the
 * `idtyp` claim says `app` or `user` where the app registration asks for it, and what it says
 * stands; without it, an app-only token has no `scp` and its `sub` is its `oid` (a person's
 * `sub` is pairwise, never their `oid`). A missing or empty `scp` alone does not make an app:
 * a person's token without one would otherwise get the token's `roles` and the client app's
 * identity.
 */
function isAppOnly(payload: JWTPayload, objectId: string): boolean {
  const idtyp = payload['idtyp'];
  if (idtyp === 'app') return true;
  if (idtyp === 'user') return false;
  if (idtyp !== undefined) {
    throw new AuthFailure('INVALID_TOKEN', "The token's idtyp is neither app nor user");
  }
  const sub = payload.sub;
  return payload['scp'] === undefined && typeof sub === 'string' && sub.toLowerCase() === objectId;
}

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

interface DiscoveryMetadata {
  issuer: string;
  jwksUri: string;
}

/** Reads the tenant's discovery document and checks it describes the tenant we asked for. */
async function discover(
  authorityHost: string,
  tenantId: string,
  timeoutMs: number,
): Promise<DiscoveryMetadata> {
  const expectedIssuer = `${authorityHost}/${tenantId}/v2.0`;
  const response = await fetch(`${expectedIssuer}/.well-known/openid-configuration`, {
    signal: AbortSignal.timeout(timeoutMs),
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`discovery answered ${response.status}`);
  const document = (await response.json()) as Record<string, unknown>;
  const { issuer, jwks_uri: jwksUri } = document;
  if (typeof issuer !== 'string' || issuer.toLowerCase() !== expectedIssuer.toLowerCase()) {
    throw new Error('discovery names another issuer');
  }
  if (typeof jwksUri !== 'string' || !sameSecurity(jwksUri, authorityHost)) {
    throw new Error('discovery names an unusable jwks_uri');
  }
  return { issuer, jwksUri };
}

/** The keys must come over https, or plain http only where the authority itself is loopback http. */
function sameSecurity(jwksUri: string, authorityHost: string): boolean {
  try {
    const keys = new URL(jwksUri);
    const authority = new URL(authorityHost);
    return (
      keys.protocol === 'https:' || (keys.protocol === 'http:' && keys.host === authority.host)
    );
  } catch {
    return false;
  }
}
