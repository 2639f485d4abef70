/**
 * Sends `GraphCall`s through the Graph SDK, one directly or many in a `$batch` envelope, and
 * hands back what Graph answered as plain `GraphReply`s. HTTP statuses are data here, never
 * exceptions: the only rejection is a `GraphTransportError` (no answer at all).
 */
import {
  AuthenticationHandlerOptions,
  type Client,
  GraphError,
  ResponseType,
} from '@microsoft/microsoft-graph-client';
import { type GraphCall, type GraphReply, GraphTransportError } from '../call.js';
import { staticToken } from '../credentials/static-token.js';
import { DEFAULT_MAX_RESPONSE_BYTES, readBoundedText } from './bounded-body.js';
import { ReadAnswer } from './read-answer.js';

/** Graph's limit on requests in one `$batch` envelope. */
export const MAX_BATCH_SIZE = 20;

/**
 * `signal` ends the attempt early: the request's deadline. `bearer`: a person's Graph token the
 * request carries instead of the gateway's own (one token per request, so per envelope).
 */
export interface GraphTransport {
  /**
   * The absolute root every `GraphCall.url` is relative to, e.g. `https://graph.microsoft.com/v1.0`
   * or `http://127.0.0.1:4010/v1.0` (the emulator). An `@odata.nextLink` is followed only when it
   * lies under it (packages/graph-client/src/resources/page-cursor.ts).
   */
  readonly versionRoot: string;
  send(call: GraphCall, signal?: AbortSignal, bearer?: string): Promise<GraphReply>;
  /** Answers in the order of `calls`, whatever order Graph used. Items that are missing are errors. */
  sendBatch(
    calls: readonly GraphCall[],
    signal?: AbortSignal,
    bearer?: string,
  ): Promise<Array<GraphReply | GraphTransportError>>;
}

interface BatchItemResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export class SdkGraphTransport implements GraphTransport {
  constructor(
    private readonly client: Client,
    /** Where `client` sends relative calls: its `baseUrl` plus the version. */
    readonly versionRoot: string,
    /** The most the gateway reads of one answer; more fails the call. */
    private readonly maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES,
  ) {}

  async send(call: GraphCall, signal?: AbortSignal, bearer?: string): Promise<GraphReply> {
    return this.reply(await this.raw(call, signal, bearer));
  }

  async sendBatch(
    calls: readonly GraphCall[],
    signal?: AbortSignal,
    bearer?: string,
  ): Promise<Array<GraphReply | GraphTransportError>> {
    if (calls.length > MAX_BATCH_SIZE) {
      throw new RangeError(`A $batch envelope holds at most ${MAX_BATCH_SIZE} requests`);
    }
    const envelope = { requests: calls.map((call, index) => batchItem(String(index + 1), call)) };
    const reply = await this.reply(
      await this.raw({ method: 'POST', url: '/$batch', body: envelope }, signal, bearer),
    );
    if (reply.status !== 200) {
      // Throttling or an outage of the envelope applies to every item in it.
      return calls.map(() => reply);
    }
    const byId = new Map(
      parseBatchResponses(reply.body).map((item) => [item.id.toLowerCase(), item]),
    );
    return calls.map((_, index) => {
      const item = byId.get(String(index + 1));
      return item
        ? {
            status: item.status,
            headers: lowerCaseKeys(item.headers ?? {}),
            body: item.body ?? null,
          }
        : new GraphTransportError(
            'network',
            'Microsoft Graph left a request out of its $batch answer',
          );
    });
  }

  private async reply(response: Response | ReadAnswer): Promise<GraphReply> {
    // The pooled link has read the answer already; a `Response` (from a handler a test puts in
    // its place) is read here, within the same bound.
    const answer =
      response instanceof ReadAnswer
        ? response
        : await readResponse(response, this.maxResponseBytes);
    return replyOf(answer);
  }

  private async raw(
    call: GraphCall,
    signal?: AbortSignal,
    bearer?: string,
  ): Promise<Response | ReadAnswer> {
    const request = this.client.api(call.url).responseType(ResponseType.RAW);
    if (signal) request.option('signal', signal);
    // The SDK's per-request authentication: BearerTokenHandler sends this token instead.
    if (bearer !== undefined) {
      request.middlewareOptions([new AuthenticationHandlerOptions(staticToken(bearer))]);
    }
    try {
      switch (call.method) {
        case 'GET':
          return await request.get();
        case 'POST':
          return await request.post(call.body);
        case 'PATCH':
          return await request.patch(call.body);
        case 'DELETE':
          return await request.delete();
      }
    } catch (error) {
      const transportError =
        error instanceof GraphError
          ? GraphTransportError.fromSdkError(error.code, error.message)
          : null;
      throw transportError ?? error;
    }
  }
}

function batchItem(id: string, call: GraphCall) {
  return {
    id,
    method: call.method,
    url: call.url,
    // Graph requires a Content-Type on every item that carries a body.
    ...(call.body === undefined
      ? {}
      : { headers: { 'Content-Type': 'application/json' }, body: call.body }),
  };
}

function parseBatchResponses(body: unknown): BatchItemResponse[] {
  const responses = (body as { responses?: unknown } | null)?.responses;
  if (!Array.isArray(responses)) {
    throw new GraphTransportError(
      'network',
      'Microsoft Graph sent a $batch answer without responses',
    );
  }
  return responses.filter(
    (item): item is BatchItemResponse =>
      typeof item?.id === 'string' && typeof item?.status === 'number',
  );
}

async function readResponse(response: Response, maxBytes: number): Promise<ReadAnswer> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return new ReadAnswer(response.status, headers, await readBoundedText(response, maxBytes));
}

function replyOf({ status, headerRecord: headers, bodyText: text }: ReadAnswer): GraphReply {
  let body: unknown = text === '' ? null : text;
  if (text !== '' && headers['content-type']?.includes('json')) {
    try {
      body = JSON.parse(text);
    } catch {
      // Keep the text: the error mapping copes with a body that is not Graph's JSON.
    }
  }
  return { status, headers, body };
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
}
