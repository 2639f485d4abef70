// Inclusive byte ranges ({first, last}, as in `Content-Range: bytes first-last/size`) and the
// set arithmetic an upload session needs: overlap, merge, and what is still missing.

export interface ByteRange {
  first: number;
  last: number;
}

export function overlaps(a: ByteRange, b: ByteRange): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/** `ranges` plus `added`, sorted, adjacent and overlapping ranges joined. */
export function merged(ranges: readonly ByteRange[], added: ByteRange): ByteRange[] {
  const sorted = [...ranges, added].sort((a, b) => a.first - b.first);
  const out: ByteRange[] = [];
  for (const range of sorted) {
    const previous = out.at(-1);
    if (previous !== undefined && range.first <= previous.last + 1) {
      previous.last = Math.max(previous.last, range.last);
    } else {
      out.push({ ...range });
    }
  }
  return out;
}

/** The gaps of `received` (sorted, merged) within 0..size-1. */
export function missing(received: readonly ByteRange[], size: number): ByteRange[] {
  const gaps: ByteRange[] = [];
  let next = 0;
  for (const range of received) {
    if (range.first > next) gaps.push({ first: next, last: range.first - 1 });
    next = Math.max(next, range.last + 1);
  }
  if (next < size) gaps.push({ first: next, last: size - 1 });
  return gaps;
}

/** Graph's `nextExpectedRanges` spelling: "first-last", inclusive. */
export const formatRange = (range: ByteRange): string => `${range.first}-${range.last}`;

const CONTENT_RANGE = /^bytes[ =](\d{1,16})-(\d{1,16})\/(\d{1,16})$/;

/**
 * `bytes first-last/size`. Graph's upload page spells it both `bytes 0-9/10` and `bytes=0-9/10`;
 * both are read. Undefined for anything else (no range, `*`, an unknown size).
 */
export function parseContentRange(
  header: string | undefined,
): { range: ByteRange; size: number } | undefined {
  const match = CONTENT_RANGE.exec(header?.trim() ?? '');
  if (match === null) return undefined;
  const [first, last, size] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (first > last || last >= size) return undefined;
  return { range: { first, last }, size };
}
