// The on-behalf-of grant (Entra's "Microsoft identity platform and OAuth 2.0 On-Behalf-Of flow"
// page): a confidential middle tier presents a person's access token for its own API as
// `assertion` and gets a Graph token carrying that person's delegated permissions. Pure apart
// from the assertion's verification, which the caller injects (it needs the signing keys).
import { createHash } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { type EntraTenant, GATEWAY_API } from './entra-seed.js';
import type { OboRefusalKind } from './obo-refusals.js';
import {
  asksForGraph,
  authenticateClient,
  baseClaims,
  type Grant,
  OAuthError,
  requireClientSecret,
  TOKEN_LIFETIME_SECONDS,
} from './token-grants.js';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/**
 * The delegated Graph permissions the Contoso tenant's admin consented for the gateway app: the
 * `scp` of every on-behalf-of Graph token (the least-privileged delegated permissions Graph's
 * pages list for creating, uploading, starting and cancelling jobs and listing shares).
 */
export const GATEWAY_DELEGATED_GRAPH_SCOPES = [
  'PrintJob.Create',
  'PrintJob.ReadWriteBasic',
  'PrinterShare.ReadBasic.All',
  'PrintJob.ReadBasic',
] as const;

/** The Conditional Access policy id the `interaction_required` knob names in its challenge. */
export const EMULATED_CA_POLICY_ID = 'c0a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a4b';

/** Verifies signature, issuer and lifetime; throws OAuthError (invalid_grant) otherwise. */
export type VerifyAssertion = (assertion: string) => Promise<JWTPayload>;

export interface OnBehalfOfRequest {
  tenant: EntraTenant;
  form: URLSearchParams;
  issuer: string;
  now: number;
  emulatorOrigin: string;
  verify: VerifyAssertion;
  /** Consumes the admin knob's next refusal for this person, if one is set. */
  takeRefusal: (personId: string) => OboRefusalKind | undefined;
}

const invalidGrant = (aadsts: number, description: string) =>
  new OAuthError(400, 'invalid_grant', aadsts, description);

/** The refusals the admin knob plays, in Entra's wire format (400 with its AADSTS numbers). */
function refusal(kind: OboRefusalKind): OAuthError {
  if (kind === 'interaction_required') {
    return new OAuthError(
      400,
      'interaction_required',
      50076,
      'Due to a configuration change made by your administrator, or because you moved to a new ' +
        'location, you must use multi-factor authentication to access ' +
        "'00000003-0000-0000-c000-000000000000'.",
      {
        suberror: 'basic_action',
        claims: JSON.stringify({
          access_token: { capolids: { essential: true, values: [EMULATED_CA_POLICY_ID] } },
        }),
      },
    );
  }
  return new OAuthError(
    400,
    'invalid_grant',
    65001,
    `The user or administrator has not consented to use the application with ID '${GATEWAY_API.clientId}' ` +
      "named 'Print Release Gateway'. Send an interactive authorization request for this user and resource.",
    { suberror: 'consent_required' },
  );
}

/** `sub` is pairwise: the person's Graph tokens have a subject of their own. */
const graphSubject = (objectId: string) =>
  createHash('sha256').update(`${objectId}:graph`).digest('base64url');

export async function onBehalfOf(request: OnBehalfOfRequest): Promise<Grant> {
  const { tenant, form, now } = request;
  const clientId = form.get('client_id') ?? '';
  const app = tenant.apps.find((candidate) => candidate.appId === clientId);
  if (form.get('client_assertion') !== null) {
    // Certificates are not emulated: saying so beats a misleading "wrong secret".
    throw new OAuthError(
      400,
      'invalid_client',
      7000218,
      'The emulator authenticates on-behalf-of clients by client_secret only; client_assertion is not emulated.',
    );
  }
  authenticateClient(tenant, app, clientId, form);
  requireClientSecret(app);
  if (form.get('requested_token_use') !== 'on_behalf_of') {
    throw new OAuthError(
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'requested_token_use' = 'on_behalf_of'.",
    );
  }
  // MSAL adds the OpenID scopes to every on-behalf-of request (`openid profile offline_access`);
  // Entra grants them alongside the resource's, so only the rest must be Graph's `.default`.
  const graphScope = withoutOpenIdScopes(form.get('scope'));
  if (!asksForGraph(graphScope, request.emulatorOrigin)) {
    throw new OAuthError(
      400,
      'invalid_scope',
      70011,
      'The emulator issues on-behalf-of tokens for Microsoft Graph only: scope {graph}/.default.',
    );
  }
  const assertion = form.get('assertion');
  if (assertion === null || assertion === '') {
    throw new OAuthError(
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'assertion'.",
    );
  }
  const claims = await request.verify(assertion);
  const audiences =
    app.appId === GATEWAY_API.clientId ? [GATEWAY_API.clientId, GATEWAY_API.appIdUri] : [app.appId];
  if (typeof claims.aud !== 'string' || !audiences.includes(claims.aud)) {
    throw invalidGrant(
      50013,
      `Assertion is invalid: its audience '${String(claims.aud)}' is not the client app presenting it (${app.appId}).`,
    );
  }
  if (claims['idtyp'] !== 'user' || typeof claims['scp'] !== 'string') {
    throw invalidGrant(
      50013,
      'Assertion is invalid: it is an app-only token. The on-behalf-of flow exchanges the token of a signed-in user.',
    );
  }
  const person = tenant.people.find((candidate) => candidate.objectId === claims['oid']);
  if (person === undefined) {
    throw invalidGrant(
      50034,
      `The user account ${String(claims['oid'])} does not exist in the directory.`,
    );
  }
  const refused = request.takeRefusal(person.objectId);
  if (refused !== undefined) throw refusal(refused);
  const assertionExpiry = typeof claims.exp === 'number' ? claims.exp : now;
  return {
    // As asked (Graph's part), like the Graph client-credentials grant: MSAL finds its cached
    // token by it.
    scope: graphScope,
    claims: {
      ...baseClaims(request.issuer, tenant, now),
      aud: 'https://graph.microsoft.com',
      // The Graph token lives no longer than the person's token it was exchanged for.
      exp: Math.min(now + TOKEN_LIFETIME_SECONDS, assertionExpiry),
      sub: graphSubject(person.objectId),
      oid: person.objectId,
      idtyp: 'user',
      scp: GATEWAY_DELEGATED_GRAPH_SCOPES.join(' '),
      appid: app.appId,
      azp: app.appId,
      name: person.displayName,
      upn: person.userPrincipalName,
    },
  };
}

const OPENID_SCOPES = ['openid', 'profile', 'offline_access', 'email'];

function withoutOpenIdScopes(scope: string | null): string {
  return (scope ?? '')
    .split(/\s+/)
    .filter((item) => item !== '' && !OPENID_SCOPES.includes(item.toLowerCase()))
    .join(' ');
}
