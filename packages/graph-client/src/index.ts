/**
 * The Graph client's public API: what the gateway (and its tests) import from it.
 */

export * from './call.js';
export * from './call-budget.js';
export * from './call-meter.js';
export * from './credentials/entra-refusal.js';
export * from './credentials/graph-credentials.js';
export * from './credentials/graph-permissions.js';
export * from './credentials/on-behalf-of.js';
export * from './credentials/person-tokens.js';
export * from './credentials/token-check.js';
export * from './credentials/token-source.js';
export * from './errors.js';
export * from './http/bounded-body.js';
export * from './http/client.js';
export * from './http/retry-after-cap.js';
export {
  attemptLimit,
  backoffMs,
  DEFAULT_RETRY_OPTIONS,
  isRetryable,
  type RetryOptions,
} from './http/retry-policy.js';
export * from './http/route-template.js';
export * from './http/throttle.js';
export * from './http/transport.js';
export * from './http/upstream.js';
export * from './http/upstream-observer.js';
export * from './identity.js';
export * from './resources/page-cursor.js';
export * from './resources/paged-read.js';
export * from './resources/print-job-redirect.js';
export * from './resources/print-jobs.js';
export * from './resources/print-submission.js';
export * from './resources/print-tasks.js';
export * from './resources/printer-share-pages.js';
export * from './resources/printer-shares.js';
export * from './resources/printers.js';
export * from './resources/secure-release.js';
export * from './resources/task-definitions.js';
export * from './resources/task-pages.js';
export * from './resources/types.js';
export * from './service.js';
export * from './session.js';
export * from './settings/endpoint.js';
export * from './settings/env.js';
export * from './settings/graph-env.js';
export * from './settings/graph-settings.js';
export * from './typed-errors.js';
