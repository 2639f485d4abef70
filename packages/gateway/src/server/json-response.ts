/** Answers the HTTP layer gives on its own, in the same shape as GraphQL errors (`errors[].extensions.code`). */
import type { ServerResponse } from 'node:http';

/** Writes a complete JSON answer; `close` ends the connection after it. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  { close }: { close: boolean },
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...(close ? { connection: 'close' } : {}),
  });
  response.end(text);
}

/** An error with a stable `code` for clients to branch on, and no internals; closes the connection. */
export function sendJsonError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
): void {
  sendJson(response, status, { errors: [{ message, extensions: { code } }] }, { close: true });
}
