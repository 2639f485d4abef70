/**
 * A label whose values come from outside (operation names, result codes): the first `max`
 * distinct values keep their own series, every later one is `other`. Without it a client
 * sending 100,000 random operation names would create 100,000 series in every scraper.
 */
export const OTHER = 'other';

/** A value longer than this is `other`: no real operation name is that long. */
export const MAX_LABEL_LENGTH = 100;

export class BoundedLabel {
  private readonly admitted = new Set<string>();

  constructor(readonly max: number) {}

  /**
   * The label for `value`. `admit: false` answers a value already admitted as itself but never
   * admits a new one: values from requests that failed validation do not use up the room.
   */
  of(value: string, { admit = true }: { admit?: boolean } = {}): string {
    if (this.admitted.has(value)) return value;
    if (!admit || value.length > MAX_LABEL_LENGTH || this.admitted.size >= this.max) return OTHER;
    this.admitted.add(value);
    return value;
  }
}
