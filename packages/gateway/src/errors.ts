/**
 * Domain errors: what can go wrong, in the gateway's own words.
 *
 * Most are the Graph client's typed errors (@universal-print-gateway/graph-client), which its
 * calls end with; the gateway adds the refusals it decides itself. `src/schema/errors` exposes
 * them as members of result unions, and the error masker lets their `code` through when one
 * surfaces as a top-level error. None of them imports Pothos or GraphQL so that every layer can
 * use them.
 */
import { GatewayError } from '@universal-print-gateway/graph-client';

export {
  CallBudgetExceededError,
  ConflictError,
  ConsentRequiredError,
  GatewayError,
  GatewayFault,
  type InputIssue,
  InteractionRequiredError,
  InvalidInputError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitedError,
  ThrottledError,
  UploadIncompleteError,
  UpstreamError,
  UpstreamUnavailableError,
} from '@universal-print-gateway/graph-client';

/**
 * The caller's permissions do not allow this (docs/authorization.md). Decided by the gateway
 * before anything is sent to Microsoft Graph, which cannot tell callers apart.
 */
export class ForbiddenError extends GatewayError {
  readonly code = 'FORBIDDEN';
  override readonly name = 'ForbiddenError';
}
