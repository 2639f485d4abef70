/**
 * The typed errors a Graph call ends with, in the gateway's words: Graph's answers (404, 403,
 * 409, 429, 5xx) as classes, and the client's own refusals (a spent call budget or call rate, a
 * malformed page cursor).
 *
 * The gateway re-exports them from its own errors.ts, exposes them as members of result unions
 * and lets their `code` through its error masker. None of them imports Pothos or GraphQL, so
 * every layer of either package can use them.
 */

/** An expected failure a client can act on. Every subclass has a stable SCREAMING_SNAKE `code`. */
export abstract class GatewayError extends Error {
  abstract readonly code: string;
}

export interface InputIssue {
  /** Where the problem is, from the field's argument down, e.g. `['input', 'taskId']`. */
  readonly path: readonly string[];
  readonly message: string;
}

/** The input was rejected before anything was sent to Microsoft Graph, or Graph rejected it (400). */
export class InvalidInputError extends GatewayError {
  readonly code = 'INVALID_INPUT';
  constructor(
    readonly issues: readonly InputIssue[],
    /** Graph's `request-id` when Graph rejected the request; absent for the gateway's own checks. */
    readonly requestId: string | null = null,
  ) {
    super(describeIssues(issues));
    this.name = 'InvalidInputError';
  }
}

/** The most field paths a message lists; `issues` holds them all. */
const MAX_PATHS_IN_MESSAGE = 5;

/** `inputs.2.taskId` → `inputs[2].taskId`: how a client's code would write the path. */
const fieldPath = (path: readonly string[]): string =>
  path
    .map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : index ? `.${part}` : part))
    .join('');

/**
 * Names the field(s) at fault, so a log line or a developer reading `message` knows where to look
 * without `issues`: `Invalid input at input.taskId: …`, or `Invalid input: 3 problems (at a, b, c)`.
 */
function describeIssues(issues: readonly InputIssue[]): string {
  const [only] = issues;
  if (issues.length === 1 && only) {
    const where = fieldPath(only.path);
    return `Invalid input${where ? ` at ${where}` : ''}: ${only.message}`;
  }
  const paths = [...new Set(issues.map((issue) => fieldPath(issue.path)).filter(Boolean))];
  if (paths.length === 0) return `Invalid input: ${issues.length} problems`;
  const listed = paths.slice(0, MAX_PATHS_IN_MESSAGE).join(', ');
  const more =
    paths.length > MAX_PATHS_IN_MESSAGE ? ` and ${paths.length - MAX_PATHS_IN_MESSAGE} more` : '';
  return `Invalid input: ${issues.length} problems (at ${listed}${more})`;
}

/** An error that Microsoft Graph answered; `requestId` is what Microsoft support asks for. */
export abstract class UpstreamError extends GatewayError {
  constructor(
    message: string,
    readonly requestId: string | null,
  ) {
    super(message);
  }
}

export class NotFoundError extends UpstreamError {
  readonly code = 'NOT_FOUND';
  override readonly name = 'NotFoundError';
}

export class PermissionDeniedError extends UpstreamError {
  readonly code = 'PERMISSION_DENIED';
  override readonly name = 'PermissionDeniedError';
}

/** The job or task is not in a state that allows the operation (e.g. abort with no processing task). */
export class ConflictError extends UpstreamError {
  readonly code = 'CONFLICT';
  override readonly name = 'ConflictError';
}

export class ThrottledError extends UpstreamError {
  readonly code = 'THROTTLED';
  override readonly name = 'ThrottledError';
  constructor(
    message: string,
    requestId: string | null,
    readonly retryAfterSeconds: number,
  ) {
    super(message, requestId);
  }
}

/**
 * Graph failed, timed out or could not be reached. `outcomeUnknown` is true when a write may
 * have been applied before the failure: the caller must re-read before trying again.
 */
export class UpstreamUnavailableError extends UpstreamError {
  override readonly name = 'UpstreamUnavailableError';
  constructor(
    message: string,
    requestId: string | null,
    readonly code:
      | 'UPSTREAM_UNAVAILABLE'
      | 'UPSTREAM_TIMEOUT'
      | 'UPSTREAM_RESPONSE_TOO_LARGE'
      | 'SHUTTING_DOWN',
    readonly outcomeUnknown: boolean,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message, requestId);
  }
}

/**
 * Entra would not exchange the person's token for a Graph token because the tenant has not
 * consented to the gateway's delegated Graph permissions (AADSTS65001). The OBO flow cannot ask
 * the person: a tenant admin grants consent (docs/authorization.md). Nothing was sent to Graph.
 */
export class ConsentRequiredError extends GatewayError {
  readonly code = 'CONSENT_REQUIRED';
  override readonly name = 'ConsentRequiredError';
}

/**
 * Entra wants more of the person than their token shows (Conditional Access, MFA): the client
 * signs the person in again passing `claims` verbatim (MSAL's `claims` parameter), then retries
 * with the new token. Nothing was sent to Graph.
 */
export class InteractionRequiredError extends GatewayError {
  readonly code = 'INTERACTION_REQUIRED';
  override readonly name = 'InteractionRequiredError';
  constructor(
    message: string,
    /** Entra's claims challenge, as Entra sent it (a JSON string). */
    readonly claims: string,
  ) {
    super(message);
  }
}

/**
 * Graph would not start a job whose document has not been uploaded whole: `nextExpectedRanges`
 * is Graph's own list of the byte ranges it still needs, never guessed.
 */
export class UploadIncompleteError extends UpstreamError {
  readonly code = 'UPLOAD_INCOMPLETE';
  override readonly name = 'UploadIncompleteError';
  constructor(
    message: string,
    requestId: string | null,
    readonly nextExpectedRanges: readonly string[],
  ) {
    super(message, requestId);
  }
}

/**
 * The HTTP request has used up its budget of Microsoft Graph calls (`GRAPH_MAX_CALLS_PER_REQUEST`,
 * shared by all its operations). Nothing was sent for what this refused; what fitted before it
 * was sent as usual.
 */
export class CallBudgetExceededError extends GatewayError {
  readonly code = 'CALL_BUDGET_EXCEEDED';
  override readonly name = 'CallBudgetExceededError';
  constructor(
    /** Graph calls one HTTP request may make. */
    readonly maxCallsPerRequest: number,
    /** Calls the refused field needed: one, or a bulk field's whole list. */
    readonly requestedCalls: number,
    /** Calls the request had left when this was refused. */
    readonly remainingCalls: number,
  ) {
    super(
      `This request may make at most ${maxCallsPerRequest} Microsoft Graph calls: ` +
        `${requestedCalls} more needed, ${remainingCalls} left`,
    );
  }
}

/**
 * The caller has used up its allowance of Microsoft Graph calls (`GATEWAY_GRAPH_CALL_LIMIT_*`,
 * docs/operations.md#per-caller-limits): calls are charged as they are sent, whatever operation
 * sends them, so one caller cannot spend the tenant's Graph quota for everyone. Nothing was sent
 * for what this refused.
 */
export class RateLimitedError extends GatewayError {
  readonly code = 'GRAPH_CALLS_RATE_LIMITED';
  override readonly name = 'RateLimitedError';
  constructor(
    /** Whole seconds (rounded up, at least 1) until the refused calls would be allowed. */
    readonly retryAfterSeconds: number,
    /** The caller's limit: Graph calls a second, and at once. */
    readonly callsPerSecond: number,
    readonly burst: number,
  ) {
    super(
      `This caller may make ${callsPerSecond} Microsoft Graph calls a second (${burst} at once); ` +
        `nothing was sent: retry after ${retryAfterSeconds} s`,
    );
  }
}

/**
 * A failure that is the gateway's, not the caller's: it is never part of a result union. The
 * error masker turns it into a top-level error that carries only `code`, and logs it loudly.
 */
export class GatewayFault extends Error {
  override readonly name = 'GatewayFault';
  constructor(
    readonly code: string,
    /** Safe to show to clients. */
    readonly publicMessage: string,
    /** For the logs only. */
    readonly detail: string,
  ) {
    super(`${publicMessage}: ${detail}`);
  }
}
