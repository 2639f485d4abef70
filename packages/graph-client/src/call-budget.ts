/**
 * How many Graph calls one HTTP request may make, all its operations together. Without it, one
 * request of 10 batched operations × 10 aliases × 100 bulk items fans out into 10,000 writes.
 *
 * A call is counted once, when it is first handed to the batcher: retries of it and identical
 * GETs served from the request's cache cost nothing more. What does not fit is refused before
 * anything is sent.
 */
import { CallBudgetExceededError } from './typed-errors.js';

/** @default 500: 25 full `$batch` envelopes. */
export const DEFAULT_MAX_CALLS_PER_REQUEST = 500;

/** Something Graph calls are paid from. */
export interface CallAllowance {
  /** Pays for `calls` calls, or throws `CallBudgetExceededError` and pays nothing. */
  take(calls: number): void;
}

/** The one budget of an HTTP request. */
export class RequestCallBudget implements CallAllowance {
  private used = 0;

  constructor(
    readonly maxCalls: number,
    /** Told of every refusal: the metric `graph_call_budget_refusals_total`. */
    private readonly onRefused: () => void = () => {},
  ) {}

  get remaining(): number {
    return this.maxCalls - this.used;
  }

  /** Calls paid so far, reservations included. */
  get spent(): number {
    return this.used;
  }

  take(calls: number): void {
    if (calls > this.remaining) {
      this.onRefused();
      throw new CallBudgetExceededError(this.maxCalls, calls, this.remaining);
    }
    this.used += calls;
  }

  /**
   * Pays for `calls` calls now, all or none, and returns an allowance that spends them first:
   * a bulk field either gets room for its whole list or sends nothing.
   */
  reserve(calls: number): CallAllowance {
    this.take(calls);
    return new Reservation(calls, this);
  }
}

/** Calls paid in advance; beyond them it draws on the request's budget like any call. */
class Reservation implements CallAllowance {
  constructor(
    private prepaid: number,
    private readonly budget: RequestCallBudget,
  ) {}

  take(calls: number): void {
    const fromPrepaid = Math.min(calls, this.prepaid);
    if (calls > fromPrepaid) this.budget.take(calls - fromPrepaid);
    this.prepaid -= fromPrepaid;
  }
}
