/**
 * The Graph application permissions the gateway's operations need, and which of them an app's
 * Graph token lacks. Graph grants app-only tokens their permissions as the `roles` claim; a token
 * without one is refused only when an operation needs it, on a real tenant only, so the gateway
 * reads the claim up front (packages/graph-client/src/credentials/token-check.ts) and says what is missing.
 *
 * From Graph v1.0's permission tables (reference: universal-print.md): each need is met by any one
 * of its permissions, least privileged first.
 */
import { decodeJwt } from 'jose';

export interface GraphPermissionNeed {
  /** Any one of these application permissions meets the need; the first is the least. */
  anyOf: readonly string[];
  /** The GraphQL operations that fail on a real tenant without it. */
  operations: readonly string[];
}

export const GRAPH_PERMISSION_NEEDS: readonly GraphPermissionNeed[] = [
  {
    // Reading and updating tasks, and the change-notification subscription on them.
    anyOf: ['PrintTaskDefinition.ReadWrite.All'],
    operations: [
      'printTaskDefinitions',
      'printTaskDefinition',
      'printTask',
      'updatePrintTask',
      'updatePrintTasks',
      'myPrintJobEvents',
      'printerJobEvents',
    ],
  },
  {
    // Graph asks an app that reads or writes a printer's jobs for this one too.
    anyOf: ['Printer.Read.All', 'Printer.ReadWrite.All'],
    operations: ['printer', 'printJob', 'myPrintJobs', 'abortPrintJob', 'abortPrintJobs'],
  },
  {
    // PrintJob.Manage.All is not among them: Graph documents it for writes only.
    anyOf: [
      'PrintJob.ReadBasic.All',
      'PrintJob.Read.All',
      'PrintJob.ReadWriteBasic.All',
      'PrintJob.ReadWrite.All',
    ],
    operations: ['printJob', 'myPrintJobs', 'Printer.jobs'],
  },
  {
    anyOf: ['PrintJob.ReadWriteBasic.All', 'PrintJob.Manage.All', 'PrintJob.ReadWrite.All'],
    operations: ['abortPrintJob', 'abortPrintJobs'],
  },
  {
    // printjob-redirect: "Application: PrintJob.Manage.All", nothing else.
    anyOf: ['PrintJob.Manage.All'],
    operations: ['redirectPrintJob', 'releasePrintJobs'],
  },
];

/** The log line's and /ready's code for a token that lacks a needed permission. */
export const GRAPH_PERMISSIONS_MISSING = 'GRAPH_PERMISSIONS_MISSING';

/** The needs none of whose permissions the token's roles hold (empty: all met). */
export function missingGraphPermissions(roles: readonly string[]): GraphPermissionNeed[] {
  const held = new Set(roles);
  return GRAPH_PERMISSION_NEEDS.filter((need) => !need.anyOf.some((name) => held.has(name)));
}

/** What /ready's body and the log line say of the needs a token does not meet. */
export function missingPermissionsReport(missing: readonly GraphPermissionNeed[]) {
  return {
    code: GRAPH_PERMISSIONS_MISSING,
    missing: missing.map(({ anyOf, operations }) => ({ anyOf, operations })),
  };
}

/**
 * The `roles` claim of an access token, read without verifying it: the token is Graph's to
 * verify, not ours. Undefined when the token is not a JWT (the emulator's opaque demo token) or
 * carries no `roles` array (a delegated token): then nothing can be told.
 */
export function graphRolesOf(accessToken: string): string[] | undefined {
  try {
    const { roles } = decodeJwt(accessToken);
    return Array.isArray(roles) && roles.every((role) => typeof role === 'string')
      ? roles
      : undefined;
  } catch {
    return undefined;
  }
}
