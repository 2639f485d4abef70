/**
 * Why a request was refused before any GraphQL ran, as an HTTP answer: the status, a stable
 * `code` for clients to branch on, and an RFC 6750 `WWW-Authenticate` challenge. The table is
 * documented in docs/errors.md; keep the two in step.
 */

export const AUTH_FAILURES = {
  /** No credentials at all, and anonymous access is not allowed. */
  UNAUTHENTICATED: { status: 401, oauthError: null },
  /** A bearer credential that is not valid: unknown key, malformed or badly signed token, wrong issuer or tenant, missing claims. */
  INVALID_TOKEN: { status: 401, oauthError: 'invalid_token' },
  TOKEN_EXPIRED: { status: 401, oauthError: 'invalid_token' },
  TOKEN_NOT_YET_VALID: { status: 401, oauthError: 'invalid_token' },
  /** Signed for another API. */
  INVALID_AUDIENCE: { status: 401, oauthError: 'invalid_token' },
  /** A token for Microsoft Graph: never validated, never accepted (confused deputy). */
  GRAPH_TOKEN_REJECTED: { status: 401, oauthError: 'invalid_token' },
  /** `?access_token=` or `?api_key=`: URLs end up in logs and browser history. */
  CREDENTIALS_IN_URL: { status: 400, oauthError: 'invalid_request' },
  /** An Authorization header over 8 KB: no Entra token is that large; refused before parsing. */
  AUTHORIZATION_TOO_LARGE: { status: 431, oauthError: 'invalid_request' },
  /** Entra's discovery document or keys could not be fetched: not the caller's fault. */
  AUTHENTICATION_UNAVAILABLE: { status: 503, oauthError: null },
} as const satisfies Record<string, { status: number; oauthError: string | null }>;

export type AuthFailureCode = keyof typeof AUTH_FAILURES;

export class AuthFailure extends Error {
  override readonly name = 'AuthFailure';
  readonly status: number;

  /** `description` goes to the caller: say what is wrong, never echo the credential. */
  constructor(
    readonly code: AuthFailureCode,
    readonly description: string,
  ) {
    super(description);
    this.status = AUTH_FAILURES[code].status;
  }
}

/** RFC 6750 §3: no error attribute when the request carried no credentials at all. */
function challenge(failure: AuthFailure): string {
  const { oauthError } = AUTH_FAILURES[failure.code];
  if (oauthError === null) return 'Bearer';
  // A quoted-string must not contain '"' or '\'; descriptions are ours, but stay safe.
  const description = failure.description.replace(/["\\]/g, "'");
  return `Bearer error="${oauthError}", error_description="${description}"`;
}

export function authFailureResponse(
  failure: AuthFailure,
  fetchAPI: { Response: typeof Response },
): Response {
  const body = JSON.stringify({
    errors: [{ message: failure.description, extensions: { code: failure.code } }],
  });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (failure.status === 401 || failure.status === 400) {
    headers['www-authenticate'] = challenge(failure);
  }
  if (failure.code === 'AUTHENTICATION_UNAVAILABLE') headers['retry-after'] = '5';
  return new fetchAPI.Response(body, { status: failure.status, headers });
}
