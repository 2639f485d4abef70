/**
 * A label whose values come from outside (operation names, result codes): the first `max`
 * distinct values keep their own series, every later one is `other`. Without it a client
 * sending 100,000 random operation names would create 100,000 series in every scraper.
 *
 * Values the operator vouches for (`trust`: the trusted documents' operation names, the
 * gateway's own) always keep their own series and are never first come, first served: 50 junk
 * names from any caller would otherwise push every real operation into `other` until restart.
 * They take their room from `max`; the values nobody vouched for share what is left.
 */
export const OTHER = 'other';

/** A value longer than this is `other`: no real operation name is that long. */
export const MAX_LABEL_LENGTH = 100;

export class BoundedLabel {
  private readonly admitted = new Set<string>();
  private readonly trusted = new Set<string>();

  constructor(readonly max: number) {}

  /** Values that always get their own series, whoever sends them and whenever. */
  trust(values: Iterable<string>): void {
    for (const value of values) {
      if (value !== OTHER && value.length <= MAX_LABEL_LENGTH) this.trusted.add(value);
    }
  }

  isTrusted(value: string): boolean {
    return this.trusted.has(value);
  }

  /**
   * The label for `value`. `admit: false` answers a value already admitted as itself but never
   * admits a new one: values from requests that failed validation do not use up the room.
   */
  of(value: string, { admit = true }: { admit?: boolean } = {}): string {
    if (this.trusted.has(value) || this.admitted.has(value)) return value;
    if (!admit || value.length > MAX_LABEL_LENGTH || this.admitted.size >= this.untrustedRoom) {
      return OTHER;
    }
    this.admitted.add(value);
    return value;
  }

  private get untrustedRoom(): number {
    return Math.max(0, this.max - this.trusted.size);
  }
}
