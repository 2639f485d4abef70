/**
 * A credential that expired while a request it opened was still running: a live stream's last
 * answer. Its code is the one a new request with that credential gets (`AUTH_FAILURES`), so a
 * client handles both alike: it gets a fresh token and reconnects.
 */
import { GatewayError } from '../errors.js';
import type { AuthFailureCode } from './auth-failure.js';

export class CredentialExpiredError extends GatewayError {
  readonly code = 'TOKEN_EXPIRED' satisfies AuthFailureCode;
  override readonly name = 'CredentialExpiredError';

  constructor() {
    super('The token has expired: get a new one and subscribe again');
  }
}
