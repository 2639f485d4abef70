/**
 * The last link of the Graph SDK's middleware chain, replaced: it records every request the SDK
 * would have sent and answers from a handler, so unit tests assert the exact wire traffic.
 */
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

export interface SentRequest {
  method: string;
  /** Full URL as the SDK built it. */
  url: string;
  /** Path after the version root, with query: `/print/printers/p1`. */
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export type FakeAnswer = { status: number; headers?: Record<string, string>; body?: unknown };
export type FakeHandler = (request: SentRequest) => FakeAnswer | Promise<FakeAnswer>;

export class FakeGraphHttp implements Middleware {
  readonly sent: SentRequest[] = [];

  constructor(private readonly handler: FakeHandler) {}

  async execute(context: Context): Promise<void> {
    const request = new Request(context.request, context.options as RequestInit);
    const text = await request.text();
    const url = new URL(request.url);
    const sent: SentRequest = {
      method: request.method,
      url: request.url,
      path: `${url.pathname.replace(/^\/v1\.0/, '')}${decodeURIComponent(url.search)}`,
      headers: Object.fromEntries(request.headers),
      body: text === '' ? undefined : JSON.parse(text),
    };
    this.sent.push(sent);
    const answer = await this.handler(sent);
    const hasBody = answer.body !== undefined && answer.status !== 204;
    context.response = new Response(hasBody ? JSON.stringify(answer.body) : null, {
      status: answer.status,
      headers: { ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...answer.headers },
    });
  }
}

/** A Graph-shaped error body, as the SDK and the gateway expect to parse it. */
export function graphError(
  status: number,
  code: string,
  headers: Record<string, string> = {},
): FakeAnswer {
  return {
    status,
    headers: { 'request-id': `req-${status}`, ...headers },
    body: {
      error: {
        code,
        message: `fake ${code}`,
        innerError: { date: '2026-11-21T10:00:00', 'request-id': `req-${status}` },
      },
    },
  };
}
