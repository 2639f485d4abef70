/**
 * GET /ready: whether this instance should be sent new traffic: not while it drains, and not
 * while it cannot obtain a Graph token (packages/graph-client/src/credentials/token-check.ts, checked in the background, so
 * a probe costs nothing). Separate from /health (liveness, Yoga's own), which stays 200 while
 * the process drains or its credentials fail, so that nothing restarts it for either.
 * Unauthenticated, like /health: probes carry no API key. A Graph permission the token lacks is
 * named in a ready answer's body (docs/operations.md#probes).
 */

import {
  missingPermissionsReport,
  type TokenCheckState,
} from '@universal-print-gateway/graph-client';

export type ReadinessState =
  | { ready: true; details?: Record<string, unknown> }
  | { ready: false; status: string; details?: Record<string, unknown> };

/** What readiness needs of the token check: its cached verdict. */
export interface GraphCredentialsCheck {
  state(): TokenCheckState;
}

export class Readiness {
  private draining = false;

  /** Without a check (unit tests, an app on an injected transport), credentials count as good. */
  constructor(private readonly graphCredentials?: GraphCredentialsCheck) {}

  /** Shutdown has begun: no new work should be routed here. */
  markDraining(): void {
    this.draining = true;
  }

  state(): ReadinessState {
    if (this.draining) return { ready: false, status: 'draining' };
    const credentials = this.graphCredentials?.state() ?? { kind: 'ok' };
    switch (credentials.kind) {
      case 'ok':
        // Still ready: the other operations work, and every replica shares the app, so a 503
        // would take them all out of service for what only an admin's consent can fix.
        return credentials.missingPermissions?.length
          ? {
              ready: true,
              details: {
                graphPermissions: missingPermissionsReport(credentials.missingPermissions),
              },
            }
          : { ready: true };
      case 'pending':
        return { ready: false, status: 'graph-credentials-pending' };
      case 'failing':
        // No error text: the log has it (Entra's codes and trace ids are not for probes).
        return {
          ready: false,
          status: 'graph-credentials-failing',
          details: {
            failingSince: new Date(credentials.since).toISOString(),
            consecutiveFailures: credentials.consecutiveFailures,
          },
        };
    }
  }
}

export const READINESS_PATH = '/ready';

/**
 * The probes: liveness (Yoga's /health) and readiness. They still answer while draining, and
 * their access lines are written at `debug` (src/logging/access-log.ts is handed this set).
 */
export const PROBE_PATHS: ReadonlySet<string> = new Set(['/health', READINESS_PATH]);

/** The status code and body /ready answers with. */
export function readinessAnswer(readiness: Readiness): { status: number; body: unknown } {
  const state = readiness.state();
  return state.ready
    ? { status: 200, body: { status: 'ready', ...state.details } }
    : { status: 503, body: { status: state.status, ...state.details } };
}
