/**
 * Whether a Graph token can be obtained, known in advance: a check that runs in the background
 * (at start, then every interval and at the token's expiry at the latest, with backoff while it
 * fails) and caches its verdict, so /ready answers from memory and never calls Entra itself.
 *
 * Each check asks for the token exactly as a Graph request does; MSAL serves it from its cache
 * until close to expiry and then fetches a new one, so a check costs nothing most of the time
 * and refreshes the token before requests need it.
 */
import type { Logger } from 'pino';
import {
  type GraphPermissionNeed,
  missingGraphPermissions,
  missingPermissionsReport,
} from './graph-permissions.js';
import type { ObtainedToken } from './token-source.js';

export type TokenCheckState =
  /** No check has finished yet: not ready until the first token succeeded. */
  | { kind: 'pending' }
  /** `missingPermissions`: needs the token's `roles` meet with none of their permissions. */
  | { kind: 'ok'; missingPermissions?: readonly GraphPermissionNeed[] }
  | { kind: 'failing'; since: number; consecutiveFailures: number };

export interface TokenCheckOptions {
  /** Time between checks while they succeed (`READINESS_TOKEN_CHECK_INTERVAL_MS`). */
  intervalMs: number;
  /** The longest wait between checks while they fail (`READINESS_TOKEN_RETRY_MAX_MS`). */
  retryMaxMs: number;
}

/** The first retry after a failure; each next one waits twice as long, up to `retryMaxMs`. */
export const TOKEN_RETRY_FIRST_MS = 1_000;
/** A check that has not settled by then counts as failed (Entra unreachable, say). */
export const TOKEN_CHECK_TIMEOUT_MS = 30_000;

export class TokenCheckTimeoutError extends Error {
  override readonly name = 'TokenCheckTimeoutError';
}

export class GraphTokenCheck {
  #state: TokenCheckState = { kind: 'pending' };
  /** The missing permissions last logged ('' for none). */
  #loggedMissing = '';
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(
    private readonly obtain: () => Promise<ObtainedToken>,
    private readonly options: TokenCheckOptions,
    private readonly logger: Logger,
  ) {}

  state(): TokenCheckState {
    return this.#state;
  }

  start(): void {
    void this.#run();
  }

  /** No further checks (shutdown). */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  async #run(): Promise<void> {
    let nextInMs: number;
    try {
      const token = await withTimeout(this.obtain(), TOKEN_CHECK_TIMEOUT_MS);
      if (this.#state.kind !== 'ok') {
        this.logger.info(
          this.#state.kind === 'failing' ? { afterFailures: this.#state.consecutiveFailures } : {},
          'Graph token obtained: ready',
        );
      }
      const missing = token.roles === undefined ? [] : missingGraphPermissions(token.roles);
      this.#logPermissionsIfChanged(missing);
      this.#state =
        missing.length > 0 ? { kind: 'ok', missingPermissions: missing } : { kind: 'ok' };
      nextInMs = this.options.intervalMs;
      // At expiry at the latest: a static token nothing refreshes turns not ready then.
      if (token.expiresAt !== undefined) {
        nextInMs = Math.min(nextInMs, Math.max(TOKEN_RETRY_FIRST_MS, token.expiresAt - Date.now()));
      }
    } catch (error) {
      const failures = this.#state.kind === 'failing' ? this.#state.consecutiveFailures + 1 : 1;
      const since = this.#state.kind === 'failing' ? this.#state.since : Date.now();
      this.#state = { kind: 'failing', since, consecutiveFailures: failures };
      nextInMs = retryDelay(failures, this.options.retryMaxMs);
      // The detail (Entra's AADSTS code and trace id) is for the log only; /ready says less.
      this.logger.error(
        {
          code: 'GRAPH_CREDENTIALS_FAILING',
          error: error instanceof Error ? error.name : typeof error,
          detail: error instanceof Error ? error.message : String(error),
          consecutiveFailures: failures,
          retryInMs: nextInMs,
        },
        'Cannot obtain a Graph token: not ready',
      );
    }
    if (this.#stopped) return;
    // Unref'd: a pending check never keeps the process alive.
    this.#timer = setTimeout(() => void this.#run(), nextInMs).unref();
  }

  /**
   * Once at start when permissions lack, then only when that changes (an admin granted or
   * revoked one): not one line per check.
   */
  #logPermissionsIfChanged(missing: readonly GraphPermissionNeed[]): void {
    const key = missing.map((need) => need.anyOf.join('|')).join(',');
    if (key === this.#loggedMissing) return;
    const before = this.#loggedMissing;
    this.#loggedMissing = key;
    if (missing.length > 0) {
      this.logger.warn(
        missingPermissionsReport(missing),
        "The app's Graph token lacks permissions these operations need: grant one of each anyOf",
      );
    } else if (before !== '') {
      this.logger.info("The app's Graph token now holds every permission the gateway needs");
    }
  }
}

/** Exponential from TOKEN_RETRY_FIRST_MS, capped, with ±20% jitter so replicas spread out. */
export function retryDelay(failures: number, retryMaxMs: number): number {
  const base = Math.min(retryMaxMs, TOKEN_RETRY_FIRST_MS * 2 ** Math.min(failures - 1, 20));
  return Math.round(Math.min(retryMaxMs, base * (0.8 + Math.random() * 0.4)));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new TokenCheckTimeoutError(`No token within ${ms} ms`)),
      ms,
    ).unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
