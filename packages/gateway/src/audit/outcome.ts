/** How a write ended, in the audit line's words: an error's stable code, never its message. */
import { GatewayError, GatewayFault } from '../errors.js';

export function outcomeOfError(error: unknown): string {
  if (error instanceof GatewayError || error instanceof GatewayFault) return error.code;
  return 'INTERNAL_SERVER_ERROR';
}

/** Graph's `request-id` when the failed write was answered by Graph. */
export function requestIdOfError(error: unknown): string | null {
  if (error instanceof GatewayError && 'requestId' in error) {
    return typeof error.requestId === 'string' ? error.requestId : null;
  }
  return null;
}
