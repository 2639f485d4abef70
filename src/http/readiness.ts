/**
 * GET /ready: whether this instance should be sent new traffic. Separate from /health (liveness,
 * Yoga's own), which stays 200 while the process drains so that nothing restarts it mid-drain.
 * Unauthenticated, like /health: probes carry no API key.
 */
export type ReadinessState = { ready: true } | { ready: false; status: string };

export class Readiness {
  private draining = false;

  /** Shutdown has begun: no new work should be routed here. */
  markDraining(): void {
    this.draining = true;
  }

  state(): ReadinessState {
    return this.draining ? { ready: false, status: 'draining' } : { ready: true };
  }
}

export const READINESS_PATH = '/ready';

/** The status code and body /ready answers with. */
export function readinessAnswer(readiness: Readiness): { status: number; body: unknown } {
  const state = readiness.state();
  return state.ready
    ? { status: 200, body: { status: 'ready' } }
    : { status: 503, body: { status: state.status } };
}
