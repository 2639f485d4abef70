/**
 * The audit trail of writes: one structured line per write item, refused ones included, saying
 * who asked, for whom, what, and how it ended. It goes through the ordinary logger with
 * `audit: true`, so a log pipeline can route it apart, and like every line written while serving
 * a request it carries `requestId` and `traceId` (src/logging/). Behind `AuditLog` so that a
 * dedicated sink (a queue) replaces `createAuditLog` and nothing else.
 *
 * Never a token or a key: the caller is described by `describeCaller`, which has no access to
 * either.
 */

import type { Logger } from 'pino';
import type { Caller } from '../auth/caller.js';

/** The writes the gateway can make on Graph. */
export type AuditedOperation =
  | 'abortPrintJob'
  | 'updatePrintTask'
  | 'redirectPrintJob'
  | 'releasePrintJob'
  | 'createPrintJob'
  | 'startPrintJob'
  | 'cancelPrintJob';

export interface AuditEntry {
  readonly operation: AuditedOperation;
  readonly caller: Caller;
  /** The person a release station said it acted for (`onBehalfOf`), when it said so. */
  readonly onBehalfOf: string | null;
  /**
   * The ids the write names: `printerId` + `printJobId`, or `taskDefinitionId` + `taskId`; a
   * redirect adds `destinationPrinterId`, and on success `redirectedPrintJobId` (the new job).
   */
  readonly target: Readonly<Record<string, string>>;
  /** The result's GraphQL typename on success (`AbortPrintJobSuccess`), else the error code. */
  readonly outcome: string;
  /** Graph's `request-id` for the write itself; null when the write was not sent or not answered. */
  readonly graphRequestId: string | null;
}

export interface AuditLog {
  record(entry: AuditEntry): void;
}

/** Who called, as the audit line shows it: identifiers only. */
export type AuditedCaller =
  | { kind: 'person'; tenantId: string; objectId: string; clientAppId: string }
  | { kind: 'app'; tenantId: string; appId: string; objectId: string }
  | { kind: 'service-key'; name: string }
  | { kind: 'anonymous' };

export function describeCaller(caller: Caller): AuditedCaller {
  switch (caller.kind) {
    case 'person':
      return {
        kind: 'person',
        tenantId: caller.tenantId,
        objectId: caller.objectId,
        clientAppId: caller.clientAppId,
      };
    case 'app':
      return {
        kind: 'app',
        tenantId: caller.tenantId,
        appId: caller.appId,
        objectId: caller.objectId,
      };
    case 'service-key':
      return { kind: 'service-key', name: caller.name };
    case 'anonymous':
      return { kind: 'anonymous' };
  }
}

/** The message of every audit line; `audit: true` is what a pipeline should match on. */
export const AUDIT_MESSAGE = 'audit';

export function createAuditLog(logger: Logger): AuditLog {
  return {
    record(entry) {
      logger.info(
        {
          audit: true,
          operation: entry.operation,
          caller: describeCaller(entry.caller),
          ...(entry.onBehalfOf === null ? {} : { onBehalfOf: entry.onBehalfOf }),
          target: { ...entry.target },
          outcome: entry.outcome,
          graphRequestId: entry.graphRequestId,
        },
        AUDIT_MESSAGE,
      );
    },
  };
}
