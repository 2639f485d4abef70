// The token endpoint's grants: who asks (form fields) → the claims of a v2.0 access token for
// the gateway's API, or an Entra-shaped OAuth error. Pure: no HTTP, no signing.
import { createHash, randomUUID } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { type EntraClientApp, type EntraTenant, GATEWAY_API } from './entra-seed.js';

/** Entra's default access token lifetime is 60–90 minutes; the emulator issues exactly one hour. */
export const TOKEN_LIFETIME_SECONDS = 3600;

export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    /** Entra's AADSTS number, also in `error_codes`. */
    readonly aadsts: number,
    description: string,
    /** Members Entra adds to this error's body: `suberror`, a `claims` challenge. */
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(`AADSTS${aadsts}: ${description}`);
  }
}

export interface Grant {
  claims: JWTPayload;
  /** Space-separated, as the token response's `scope`. */
  scope: string;
}

/** `api://{id}/x` or `{id}/x` → resource and permission, when the resource is the gateway. */
function gatewayScopes(scopeParameter: string | null): string[] {
  const requested = (scopeParameter ?? '').split(/\s+/).filter(Boolean);
  const resources = [GATEWAY_API.appIdUri, GATEWAY_API.clientId];
  const forGateway = requested.flatMap((scope) => {
    const resource = resources.find((r) => scope.toLowerCase().startsWith(`${r.toLowerCase()}/`));
    return resource ? [scope.slice(resource.length + 1)] : [];
  });
  const others = requested.filter(
    (scope) =>
      !['openid', 'profile', 'offline_access', 'email'].includes(scope) &&
      !resources.some((r) => scope.toLowerCase().startsWith(`${r.toLowerCase()}/`)),
  );
  if (forGateway.length === 0 || others.length > 0) {
    throw new OAuthError(
      400,
      'invalid_scope',
      500011,
      `The resource principal named ${others[0] ?? '(none)'} was not found in the tenant. ` +
        `This emulator issues tokens for ${GATEWAY_API.appIdUri} only.`,
    );
  }
  return forGateway;
}

export function baseClaims(issuer: string, tenant: EntraTenant, now: number): JWTPayload {
  return {
    aud: GATEWAY_API.clientId,
    iss: issuer,
    iat: now,
    nbf: now,
    exp: now + TOKEN_LIFETIME_SECONDS,
    tid: tenant.id,
    ver: '2.0',
    uti: randomUUID().replaceAll('-', '').slice(0, 22),
  };
}

/** `sub` is pairwise in Entra: the same principal has another `sub` in every app. */
const pairwiseSubject = (objectId: string) =>
  createHash('sha256').update(`${objectId}:${GATEWAY_API.clientId}`).digest('base64url');

/**
 * Graph's identifiers as a scope's resource: its URL, its well-known app id, and the emulator's
 * own origin (the gateway asks for `{GRAPH_BASE_URL origin}/.default`).
 */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const graphResources = (emulatorOrigin: string) => [
  'https://graph.microsoft.com',
  GRAPH_APP_ID,
  emulatorOrigin,
];

/**
 * Graph application permissions the gateway's own app is granted (README: "The app needs"), by
 * default; EmulatorOptions.entra.gatewayGraphRoles grants others, to show what the gateway says
 * of a token that lacks one.
 */
export const GATEWAY_GRAPH_ROLES = [
  'PrintTaskDefinition.ReadWrite.All',
  'PrintJob.ReadWriteBasic.All',
  'PrintJob.Manage.All',
  'Printer.Read.All',
] as const;

/** `{graph}/.default` alone → true; Graph with any other scope is Entra's invalid_scope. */
export function asksForGraph(scopeParameter: string | null, emulatorOrigin: string): boolean {
  const requested = (scopeParameter ?? '').split(/\s+/).filter(Boolean);
  const resources = graphResources(emulatorOrigin).map((r) => r.toLowerCase());
  const graphScopes = requested.filter((scope) =>
    resources.some((r) => scope.toLowerCase().startsWith(`${r}/`)),
  );
  if (graphScopes.length === 0) return false;
  if (requested.length !== 1 || !graphScopes[0]?.endsWith('/.default')) {
    throw new OAuthError(
      400,
      'invalid_scope',
      1002012,
      'The client credentials flow needs scope {resource}/.default, for one resource.',
    );
  }
  return true;
}

/**
 * An app-only token for Graph (client credentials with a secret). Graph tokens are Graph's to
 * read: the emulator's Graph side looks them up by value (emulated-entra.ts).
 */
function graphGrant(
  app: EntraClientApp,
  tenant: EntraTenant,
  issuer: string,
  now: number,
  requestedScope: string,
  gatewayGraphRoles: readonly string[],
): Grant {
  return {
    // As asked: MSAL caches the token under the scope the answer names, and looks it up by the
    // one it asks for.
    scope: requestedScope,
    claims: {
      ...baseClaims(issuer, tenant, now),
      aud: 'https://graph.microsoft.com',
      sub: app.servicePrincipalId,
      oid: app.servicePrincipalId,
      appid: app.appId,
      idtyp: 'app',
      roles: app.appId === GATEWAY_API.clientId ? [...gatewayGraphRoles] : [],
    },
  };
}

/** The client the request names, with the secret it must present (none for a public client). */
export function authenticateClient(
  tenant: EntraTenant,
  app: EntraClientApp | undefined,
  clientId: string,
  form: URLSearchParams,
): asserts app is EntraClientApp {
  if (!app) {
    throw new OAuthError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant.displayName}'.`,
    );
  }
  const secret = form.get('client_secret');
  if (app.secret !== null ? secret !== app.secret : secret !== null) {
    throw new OAuthError(401, 'invalid_client', 7000215, 'Invalid client secret provided.');
  }
}

/**
 * Grants that only a confidential client may use (client credentials, on-behalf-of): a public
 * client, which has no secret, is refused as Entra refuses it.
 */
export function requireClientSecret(app: EntraClientApp): void {
  if (app.secret === null) {
    throw new OAuthError(
      400,
      'invalid_client',
      7000218,
      'The request body must contain client_secret.',
    );
  }
}

export function grant(
  tenant: EntraTenant,
  form: URLSearchParams,
  issuer: string,
  now: number,
  emulatorOrigin = '',
  gatewayGraphRoles: readonly string[] = GATEWAY_GRAPH_ROLES,
): Grant {
  const grantType = form.get('grant_type');
  const clientId = form.get('client_id') ?? '';
  const app = tenant.apps.find((candidate) => candidate.appId === clientId);
  if (grantType !== 'client_credentials' && grantType !== 'password') {
    throw new OAuthError(
      400,
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${grantType ?? ''}'.`,
    );
  }
  authenticateClient(tenant, app, clientId, form);
  if (grantType === 'client_credentials' && asksForGraph(form.get('scope'), emulatorOrigin)) {
    requireClientSecret(app);
    const scope = (form.get('scope') ?? '').trim();
    return graphGrant(app, tenant, issuer, now, scope, gatewayGraphRoles);
  }
  const scopes = gatewayScopes(form.get('scope'));

  if (grantType === 'client_credentials') {
    requireClientSecret(app);
    if (scopes.length !== 1 || scopes[0] !== '.default') {
      throw new OAuthError(
        400,
        'invalid_scope',
        1002012,
        'The client credentials flow needs scope {resource}/.default.',
      );
    }
    return {
      scope: `${GATEWAY_API.appIdUri}/.default`,
      claims: {
        ...baseClaims(issuer, tenant, now),
        // An app-only token's subject is the service principal itself, as Entra issues it: what
        // tells such a token apart when `idtyp` is not configured.
        sub: app.servicePrincipalId,
        oid: app.servicePrincipalId,
        azp: app.appId,
        azpacr: '1',
        idtyp: 'app',
        roles: [...app.roles],
      },
    };
  }

  // ROPC: the person's own credentials, through a client app.
  const username = (form.get('username') ?? '').toLowerCase();
  const person = tenant.people.find((p) => p.userPrincipalName.toLowerCase() === username);
  if (!person || person.password !== form.get('password')) {
    throw new OAuthError(
      400,
      'invalid_grant',
      50126,
      'Error validating credentials due to invalid username or password.',
    );
  }
  const granted = scopes.includes('.default')
    ? [...GATEWAY_API.scopes]
    : scopes.filter((scope) => (GATEWAY_API.scopes as readonly string[]).includes(scope));
  if (granted.length === 0) {
    throw new OAuthError(
      400,
      'invalid_scope',
      70011,
      `The provided value for scope is not valid: ${scopes.join(' ')}.`,
    );
  }
  return {
    scope: granted.map((scope) => `${GATEWAY_API.appIdUri}/${scope}`).join(' '),
    claims: {
      ...baseClaims(issuer, tenant, now),
      sub: pairwiseSubject(person.objectId),
      oid: person.objectId,
      azp: app.appId,
      azpacr: app.secret === null ? '0' : '1',
      idtyp: 'user',
      scp: granted.join(' '),
      name: person.displayName,
      preferred_username: person.userPrincipalName,
    },
  };
}
