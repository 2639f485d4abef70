/**
 * Entra's answer to a refused on-behalf-of exchange, as the typed error a client can act on.
 * Read from Entra's own OAuth error body (captured on the wire by on-behalf-of.ts): the library
 * in between keeps only a message, and the `claims` challenge must reach the client verbatim.
 */
import {
  ConsentRequiredError,
  type GatewayError,
  InteractionRequiredError,
  PermissionDeniedError,
  UpstreamUnavailableError,
} from '../typed-errors.js';

interface OAuthErrorBody {
  error?: unknown;
  error_codes?: unknown;
  suberror?: unknown;
  claims?: unknown;
}

/** AADSTS65001: the user or administrator has not consented to use the application. */
const CONSENT_MISSING = 65001;

function parsed(body: string | undefined): OAuthErrorBody | null {
  if (body === undefined) return null;
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === 'object' ? (value as OAuthErrorBody) : null;
  } catch {
    return null;
  }
}

/**
 * `status`/`body`: Entra's answer to the token request, or undefined when none came (Entra
 * unreachable, timed out). Entra's description is not passed on: it is for operators.
 */
export function entraRefusal(status: number | undefined, body: string | undefined): GatewayError {
  const answer = status !== undefined && status < 500 ? parsed(body) : null;
  if (!answer) {
    return new UpstreamUnavailableError(
      'Microsoft Entra ID could not be reached to act for the signed-in person; nothing was sent to Microsoft Graph',
      null,
      'UPSTREAM_UNAVAILABLE',
      false,
    );
  }
  const codes = Array.isArray(answer.error_codes) ? answer.error_codes : [];
  if (codes.includes(CONSENT_MISSING) || answer.suberror === 'consent_required') {
    return new ConsentRequiredError(
      "The tenant has not consented to the gateway's delegated Microsoft Graph permissions " +
        '(AADSTS65001): a tenant administrator grants admin consent (docs/authorization.md)',
    );
  }
  if (answer.error === 'interaction_required') {
    return new InteractionRequiredError(
      'Microsoft Entra ID needs the person to sign in again (Conditional Access or MFA): sign in ' +
        'with these claims, then send the request again with the new token',
      typeof answer.claims === 'string' ? answer.claims : '',
    );
  }
  if (answer.error === 'invalid_grant') {
    return new PermissionDeniedError(
      "Microsoft Entra ID would not exchange the person's token for a Microsoft Graph token " +
        '(invalid_grant): sign in again',
      null,
    );
  }
  // invalid_client, unauthorized_client, invalid_scope: the gateway's own registration is wrong.
  return new UpstreamUnavailableError(
    `Microsoft Entra ID refused the gateway's on-behalf-of request (${String(answer.error)}); ` +
      'nothing was sent to Microsoft Graph',
    null,
    'UPSTREAM_UNAVAILABLE',
    false,
  );
}
