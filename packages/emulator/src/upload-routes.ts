import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseContentRange } from './byte-ranges.js';
import { errorResult, GraphFailure, invalidRequest } from './graph-errors.js';
import { header, send } from './http-io.js';
import {
  MAX_BYTES_PER_REQUEST,
  type UploadSession,
  type UploadSessions,
} from './upload-sessions.js';

// The upload URL an upload session hands out: `{emulator}/_upload/{sessionId}?tempauth=…`.
// Not Graph: no bearer token, no request log, and bodies are streamed and counted, never kept,
// so a 1 GB document passes through in constant memory.

export const UPLOAD_PREFIX = '/_upload';

/** A refused PUT's body is read and dropped up to this much, then the connection is cut. */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

export interface UploadRouteDeps {
  uploads: UploadSessions;
  /** The last range arrived: the job's document has its bytes. */
  onComplete(session: UploadSession): void;
}

function sendFailure(response: ServerResponse, failure: GraphFailure): void {
  const requestId = randomUUID();
  const result = errorResult(failure, { requestId, clientRequestId: requestId });
  send(response, result.status, { ...result.headers, 'request-id': requestId }, result.body);
}

/** Reads and drops what is left of the body (bounded), so the client reads the answer. */
async function drain(request: IncomingMessage): Promise<void> {
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > DRAIN_LIMIT_BYTES) {
      request.socket.destroy();
      return;
    }
  }
}

/** Counts the body's bytes without keeping them. */
async function countBody(request: IncomingMessage): Promise<number> {
  let size = 0;
  for await (const chunk of request) size += (chunk as Buffer).length;
  return size;
}

const status = (session: UploadSession, uploads: UploadSessions) => ({
  expirationDateTime: new Date(session.expiresAt).toISOString(),
  nextExpectedRanges: uploads.nextExpectedRanges(session),
});

async function put(
  request: IncomingMessage,
  response: ServerResponse,
  session: UploadSession,
  deps: UploadRouteDeps,
): Promise<void> {
  const parsed = parseContentRange(header(request, 'content-range'));
  if (parsed === undefined) {
    throw invalidRequest(
      'Content-Range must be "bytes {first}-{last}/{size}" with first ≤ last < size.',
    );
  }
  const { range, size } = parsed;
  if (size !== session.size) {
    throw invalidRequest(
      `Content-Range names a document of ${size} bytes; this session uploads ${session.size}.`,
    );
  }
  const length = range.last - range.first + 1;
  if (length > MAX_BYTES_PER_REQUEST) {
    throw new GraphFailure(
      413,
      'requestTooLarge',
      `One request carries at most ${MAX_BYTES_PER_REQUEST} bytes (under 10 MB); this one ${length}.`,
    );
  }
  const declared = header(request, 'content-length');
  if (declared === undefined) {
    throw new GraphFailure(411, 'lengthRequired', 'Content-Length is required.');
  }
  if (Number(declared) !== length) {
    throw invalidRequest(
      `Content-Length ${declared} is not the ${length} bytes Content-Range names.`,
    );
  }
  const release = deps.uploads.reserve(session, range);
  let received: number;
  try {
    received = await countBody(request);
  } finally {
    release();
  }
  if (received !== length) {
    throw invalidRequest(`The body had ${received} bytes; Content-Range names ${length}.`);
  }
  if (deps.uploads.commit(session, range)) {
    deps.onComplete(session);
    // Graph's upload page: the last range is answered 201 with the document's properties.
    send(
      response,
      201,
      {},
      {
        id: session.documentId,
        documentName: session.documentName,
        contentType: session.contentType,
        size: session.size,
      },
    );
    return;
  }
  send(response, 202, {}, status(session, deps.uploads));
}

export function createUploadHandler(
  deps: UploadRouteDeps,
): (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void> {
  return async (request, response, url) => {
    const method = (request.method ?? 'GET').toUpperCase();
    try {
      const id = url.pathname.slice(UPLOAD_PREFIX.length + 1).replace(/\/+$/, '');
      const session = deps.uploads.authorize(id, url.searchParams.get('tempauth'));
      if (header(request, 'authorization') !== undefined) {
        // Graph's upload page: sending the Authorization header to uploadUrl "might result in
        // an HTTP 401": the emulator always answers so, to catch clients that do.
        throw new GraphFailure(
          401,
          'InvalidAuthenticationToken',
          'Do not send an Authorization header to uploadUrl: its tempauth is the credential.',
        );
      }
      if (method === 'PUT') {
        await put(request, response, session, deps);
      } else if (method === 'GET') {
        send(response, 200, {}, status(session, deps.uploads));
      } else if (method === 'DELETE') {
        deps.uploads.cancel(session);
        send(response, 204, {}, undefined);
      } else {
        throw new GraphFailure(405, 'BadRequest', `${method} is not allowed on an upload URL.`, {
          Allow: 'PUT, GET, DELETE',
        });
      }
    } catch (error) {
      if (!(error instanceof GraphFailure)) throw error;
      // A refusal before the body was read leaves it on the socket: read it off first.
      if (!request.readableEnded && !request.destroyed) await drain(request);
      sendFailure(response, error);
    }
  };
}
