// What a Graph handler answers, independent of whether it goes out as an HTTP response or as an
// item inside a $batch envelope.

export const JSON_CONTENT_TYPE = 'application/json';

export interface GraphResult {
  status: number;
  /** Header names are spelled as Graph spells them; batch items copy them verbatim. */
  headers: Record<string, string>;
  /** Absent for bodiless answers (204), so neither a body nor a Content-Type is sent. */
  body?: unknown;
}

export function jsonResult(status: number, body: unknown): GraphResult {
  return { status, headers: { 'Content-Type': JSON_CONTENT_TYPE }, body };
}

export function noContentResult(): GraphResult {
  return { status: 204, headers: {} };
}

export function isJsonContentType(contentType: string | undefined): boolean {
  const mime = contentType?.split(';')[0]?.trim().toLowerCase();
  return mime === JSON_CONTENT_TYPE;
}
