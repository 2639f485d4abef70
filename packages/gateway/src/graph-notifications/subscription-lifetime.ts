/**
 * How long the gateway asks Graph to keep a print subscription. Graph refuses an
 * `expirationDateTime` more than 4,230 minutes after now **by Graph's clock**, with 400: asking
 * for exactly that from a clock a little ahead of Graph's would fail every creation and renewal.
 * So the default stops a margin short, and a refusal of the expiry halves what is asked from then
 * on (a clock further ahead than the margin), down to a floor.
 */
import type { GraphReply } from '@universal-print-gateway/graph-client';

/** Graph's longest lifetime of a print subscription. */
export const MAX_PRINT_SUBSCRIPTION_MINUTES = 4_230;
/** How far this clock may run ahead of Graph's and the default lifetime still be accepted. */
export const EXPIRY_MARGIN_MINUTES = 30;
/** 4,200 minutes: Graph's maximum less the margin. */
export const DEFAULT_SUBSCRIPTION_MINUTES = MAX_PRINT_SUBSCRIPTION_MINUTES - EXPIRY_MARGIN_MINUTES;
/** Never asked for less, however often Graph refuses: the shortest lifetime one may configure. */
export const MIN_SUBSCRIPTION_MINUTES = 5;

interface GraphErrorBody {
  error?: { message?: unknown };
}

/**
 * Graph's 400 for the expiry ("Subscription expiration can only be 4230 minutes in the future.",
 * code `ExtensionError` on Graph; other wordings name the expiration too). Read to decide, never
 * echoed.
 */
export function refusesExpiry(reply: GraphReply): boolean {
  const message = (reply.body as GraphErrorBody | null)?.error?.message;
  return reply.status === 400 && typeof message === 'string' && /expiration/i.test(message);
}

/** The lifetime asked now; shorter after Graph refused one. */
export class SubscriptionLifetime {
  #ms: number;

  constructor(configuredMs: number) {
    this.#ms = configuredMs;
  }

  get ms(): number {
    return this.#ms;
  }

  /**
   * After Graph refused `askedMs`: halves what is asked from now on, in whole minutes, unless a
   * call refused at the same time halved it already. False when nothing shorter is left to ask.
   */
  shorten(askedMs: number): boolean {
    if (this.#ms < askedMs) return true;
    const floor = MIN_SUBSCRIPTION_MINUTES * 60_000;
    if (this.#ms <= floor) return false;
    this.#ms = Math.max(floor, Math.floor(this.#ms / 2 / 60_000) * 60_000);
    return true;
  }
}
