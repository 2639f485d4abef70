/**
 * A Graph that answers at once: a loopback HTTP server in front of the emulator that forwards
 * each distinct request (method, path and body) once, keeps the answer, and from then on replays
 * it without asking the emulator again. The answers are the emulator's, in Graph's wire format,
 * so every server under test parses the same bytes; what costs CPU per operation is then the
 * server's own work, not the upstream's.
 *
 * Replaying means state does not move: a task completed by the first PATCH stays "processing"
 * in the answer to the GET recorded before it. Each scenario therefore works on its own task,
 * and its first operation records what all later ones are answered.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface RecordedAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Headers that describe one connection or one transfer, not the answer: never replayed. */
const PER_TRANSFER = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'date',
]);

export interface ReplayingGraph {
  /** The root to configure as GRAPH_BASE_URL (no version). */
  url: string;
  /** Requests answered from memory, and forwarded to the emulator. */
  readonly replayed: number;
  readonly forwarded: number;
  /** The distinct requests seen so far (`GET /v1.0/…`), for a report of what a scenario sends. */
  keys(): string[];
  close(): Promise<void>;
}

export async function startReplayingGraph(emulatorUrl: string): Promise<ReplayingGraph> {
  const answers = new Map<string, Promise<RecordedAnswer>>();
  let replayed = 0;
  let forwarded = 0;

  let ownUrl = '';
  const record = async (request: IncomingMessage, body: Buffer): Promise<RecordedAnswer> => {
    forwarded++;
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && !PER_TRANSFER.has(name) && name !== 'host') {
        headers.set(name, value);
      }
    }
    const response = await fetch(`${emulatorUrl}${request.url}`, {
      method: request.method ?? 'GET',
      headers,
      ...(body.length > 0 ? { body: body.toString('utf8') } : {}),
    });
    const answer: RecordedAnswer = {
      status: response.status,
      headers: {},
      // Links in the answer (`@odata.nextLink`) point here, as Graph's point at Graph.
      body: Buffer.from((await response.text()).replaceAll(emulatorUrl, ownUrl)),
    };
    response.headers.forEach((value, name) => {
      if (!PER_TRANSFER.has(name)) answer.headers[name] = value;
    });
    return answer;
  };

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const key = `${request.method} ${request.url} ${body.toString('utf8')}`;
      let answer = answers.get(key);
      if (answer) {
        replayed++;
      } else {
        answer = record(request, body);
        answers.set(key, answer);
      }
      answer.then(
        ({ status, headers, body: payload }) => {
          response.writeHead(status, { ...headers, 'content-length': payload.length });
          response.end(payload);
        },
        () => {
          answers.delete(key);
          response.writeHead(502).end();
        },
      );
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  ownUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: ownUrl,
    get replayed() {
      return replayed;
    },
    get forwarded() {
      return forwarded;
    },
    keys: () => [...answers.keys()].map((key) => key.slice(0, 300)),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
