/**
 * The id of one HTTP request, on every log line written while serving it and in the answer's
 * `x-request-id`. A client's (or a proxy's) own id is kept when it is short and plain: it is
 * written into logs and a response header, so anything else (CR/LF, quotes, unicode, 1 KB of
 * text) is replaced by a fresh one rather than cleaned.
 */
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}
