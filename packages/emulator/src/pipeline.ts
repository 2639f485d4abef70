import { randomUUID } from 'node:crypto';
import type { Authenticate, Caller } from './auth.js';
import { answerBatch, type BatchItemCall } from './batch.js';
import { type FaultInjector, playFault } from './faults.js';
import { errorResult, GraphFailure, type RequestIds } from './graph-errors.js';
import type { GraphResult } from './graph-result.js';
import type { RecordedCaller, RecordedRequest, RequestLog, RequestVia } from './request-log.js';
import type { Dispatch } from './router.js';

/** A Graph request as it came off the socket, path already stripped of /v1.0. */
export interface IncomingGraphRequest {
  method: string;
  path: string;
  query: string;
  contentType: string | undefined;
  rawBody: string | undefined;
  authorization: string | undefined;
  clientRequestId: string | undefined;
  /** `http://host:port` the caller addressed; see GraphCall.origin. */
  origin: string;
}

export interface PipelineDeps {
  authenticate: Authenticate;
  dispatch: Dispatch;
  faults: FaultInjector;
  log: RequestLog;
  /** Aborted when the emulator closes; pending latency and hangs give up then. */
  signal: AbortSignal;
}

export interface PipelineAnswer {
  result: GraphResult;
  ids: RequestIds;
}

function parsedBody(rawBody: string | undefined): unknown {
  if (rawBody === undefined || rawBody === '') return undefined;
  try {
    return JSON.parse(rawBody);
  } catch {
    return undefined;
  }
}

function recordedCaller(caller: Caller | undefined): { caller?: RecordedCaller } {
  if (caller === undefined) return {};
  return {
    caller:
      caller.kind === 'app'
        ? { kind: 'app', appId: caller.appId }
        : { kind: 'user', appId: caller.appId, userId: caller.user.id },
  };
}

function newIds(clientRequestId: string | undefined): RequestIds {
  const requestId = randomUUID();
  // Graph echoes the caller's client-request-id and otherwise reuses its own request-id.
  return { requestId, clientRequestId: clientRequestId ?? requestId };
}

/**
 * The order every Graph request goes through: authenticate (401 beats any fault), play the first
 * matching fault, answer, record. Direct requests, $batch envelopes and each batch item share it.
 */
export class GraphPipeline {
  readonly #deps: PipelineDeps;

  constructor(deps: PipelineDeps) {
    this.#deps = deps;
  }

  async handle(request: IncomingGraphRequest): Promise<PipelineAnswer> {
    const ids = newIds(request.clientRequestId);
    const isBatch = request.path.toLowerCase() === '/$batch';
    const via: RequestVia = isBatch ? 'batch-envelope' : 'direct';
    let result: GraphResult;
    let caller: Caller | undefined;
    try {
      caller = this.#deps.authenticate(request.authorization);
      await this.#playFault(request.method, request.path, via);
      const answered = isBatch
        ? await this.#answerEnvelope(request, caller, ids)
        : this.#deps.dispatch({
            method: request.method,
            path: request.path,
            query: request.query,
            contentType: request.contentType,
            rawBody: request.rawBody,
            caller,
            origin: request.origin,
          });
      result = answered instanceof Promise ? await answered : answered;
    } catch (error) {
      result = this.#toResult(error, ids);
    }
    this.#record({
      method: request.method,
      path: request.path,
      query: request.query,
      body: parsedBody(request.rawBody),
      authorization: request.authorization,
      ...recordedCaller(caller),
      via,
      status: result.status,
    });
    return { result, ids };
  }

  async #answerEnvelope(
    request: IncomingGraphRequest,
    caller: Caller,
    envelopeIds: RequestIds,
  ): Promise<GraphResult> {
    if (request.method !== 'POST') {
      throw new GraphFailure(405, 'BadRequest', '$batch accepts only POST.', { Allow: 'POST' });
    }
    return answerBatch(request.contentType, request.rawBody, (item) =>
      this.#answerItem(item, caller, request, envelopeIds),
    );
  }

  async #answerItem(
    item: BatchItemCall,
    caller: Caller,
    envelope: IncomingGraphRequest,
    envelopeIds: RequestIds,
  ): Promise<GraphResult> {
    const ids = newIds(item.clientRequestId ?? envelopeIds.clientRequestId);
    let result: GraphResult;
    try {
      if (item.failure !== undefined) {
        throw item.failure;
      }
      await this.#playFault(item.method, item.path, 'batch-item');
      const answered = this.#deps.dispatch({
        method: item.method,
        path: item.path,
        query: item.query,
        contentType: item.contentType,
        rawBody: item.rawBody,
        caller,
        origin: envelope.origin,
      });
      // Only a subscription's handshake is asynchronous; awaiting a plain answer would add a tick
      // and reorder how batch items are recorded.
      result = answered instanceof Promise ? await answered : answered;
    } catch (error) {
      result = this.#toResult(error, ids);
    }
    this.#record({
      method: item.method,
      path: item.path,
      query: item.query,
      body: item.body,
      authorization: envelope.authorization,
      ...recordedCaller(caller),
      via: 'batch-item',
      batchRequestId: item.id,
      status: result.status,
    });
    return result;
  }

  async #playFault(method: string, path: string, via: RequestVia): Promise<void> {
    const rule = this.#deps.faults.take(method, path, via);
    if (rule !== undefined) {
      await playFault(rule, this.#deps.signal);
    }
  }

  #toResult(error: unknown, ids: RequestIds): GraphResult {
    if (this.#deps.signal.aborted) {
      // Closing: the socket is being destroyed, so nothing should be answered or recorded.
      throw error;
    }
    if (error instanceof GraphFailure) {
      return errorResult(error, ids);
    }
    const message = error instanceof Error ? error.message : String(error);
    return errorResult(new GraphFailure(500, 'generalException', message), ids);
  }

  #record(entry: RecordedRequest): void {
    if (!this.#deps.signal.aborted) {
      this.#deps.log.record(entry);
    }
  }
}
