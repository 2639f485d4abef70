import { badRequest, GraphFailure, invalidRequest, unsupportedMediaType } from './graph-errors.js';
import { type GraphResult, isJsonContentType, jsonResult } from './graph-result.js';
import { isJsonObject, type JsonObject } from './json-object.js';

// JSON batching as Graph documents it (concepts/json-batching.md), including the known issue
// that limits dependsOn to the parallel, serial and "same" patterns.

export const BATCH_LIMIT = 20;

/** An item ready to run; `failure` short-circuits it (bad item, or a failed dependency). */
export interface BatchItemCall {
  id: string;
  method: string;
  path: string;
  query: string;
  contentType: string | undefined;
  clientRequestId: string | undefined;
  rawBody: string | undefined;
  body: unknown;
  failure?: GraphFailure;
}

export type BatchItemRunner = (item: BatchItemCall) => Promise<GraphResult>;

export interface BatchResponseItem {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

interface BatchItem {
  id: string;
  /** Ids are case-insensitive, so matching uses this. */
  key: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string | undefined;
}

const invalidPayload = (detail: string): GraphFailure =>
  badRequest(`Invalid batch payload format: ${detail}`);

function parseHeaders(value: unknown, id: string): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isJsonObject(value)) throw invalidPayload(`headers of request '${id}' must be an object.`);
  return Object.fromEntries(Object.entries(value).map(([name, v]) => [name, String(v)]));
}

function parseDependsOn(value: unknown, id: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string')) {
    throw invalidPayload(`dependsOn of request '${id}' must be an array of ids.`);
  }
  if (value.length > 1) {
    throw badRequest(`Request '${id}' depends on ${value.length} requests; Graph allows one.`);
  }
  const [only] = value as string[];
  return only?.toLowerCase();
}

function parseItem(value: unknown, index: number): BatchItem {
  if (!isJsonObject(value)) throw invalidPayload(`request #${index + 1} is not an object.`);
  const { id, method, url } = value;
  if (typeof id !== 'string' || id === '') {
    throw invalidPayload(`request #${index + 1} has no id.`);
  }
  if (typeof method !== 'string' || method === '' || typeof url !== 'string' || url === '') {
    throw invalidPayload(`request '${id}' needs a method and a url.`);
  }
  return {
    id,
    key: id.toLowerCase(),
    method: method.toUpperCase(),
    url,
    headers: parseHeaders(value['headers'], id),
    body: value['body'] ?? undefined,
    dependsOn: parseDependsOn(value['dependsOn'], id),
  };
}

function splitUrl(url: string): { path: string; query: string } {
  const relative = url.startsWith('/') ? url : `/${url}`;
  const mark = relative.indexOf('?');
  return mark === -1
    ? { path: relative, query: '' }
    : { path: relative.slice(0, mark), query: relative.slice(mark + 1) };
}

const isAbsolute = (url: string): boolean =>
  /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');

function checkDependencies(items: BatchItem[]): void {
  const keys = new Set(items.map((item) => item.key));
  for (const item of items) {
    if (
      item.dependsOn !== undefined &&
      (!keys.has(item.dependsOn) || item.dependsOn === item.key)
    ) {
      throw badRequest(
        `Request '${item.id}' depends on '${item.dependsOn}', which is not in the batch.`,
      );
    }
  }
  const roots = items.filter((item) => item.dependsOn === undefined);
  const parallel = roots.length === items.length;
  const serial = items.every((item, i) =>
    i === 0 ? item.dependsOn === undefined : item.dependsOn === items[i - 1]?.key,
  );
  const same =
    roots.length === 1 &&
    items.every((item) => item.dependsOn === undefined || item.dependsOn === roots[0]?.key);
  if (!parallel && !serial && !same) {
    throw badRequest(
      'Unsupported dependsOn pattern: requests must be all parallel, each depend on the ' +
        'previous one, or all depend on the same single request.',
    );
  }
}

/** Whole-batch failures: anything that makes the envelope itself unusable answers 400. */
function parseEnvelope(contentType: string | undefined, rawBody: string | undefined): BatchItem[] {
  if (!isJsonContentType(contentType)) throw unsupportedMediaType(contentType);
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody ?? '');
  } catch {
    throw invalidPayload('the body is not JSON.');
  }
  const requests = isJsonObject(payload) ? payload['requests'] : undefined;
  if (!Array.isArray(requests)) throw invalidPayload('expected {"requests":[...]}.');
  if (requests.length === 0) throw invalidPayload('the batch contains no requests.');
  if (requests.length > BATCH_LIMIT) {
    throw badRequest(
      `The batch contains ${requests.length} requests; at most ${BATCH_LIMIT} are allowed.`,
    );
  }
  const items = requests.map(parseItem);
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.key)) throw badRequest(`Request id '${item.id}' is used more than once.`);
    seen.add(item.key);
    if (!isAbsolute(item.url) && splitUrl(item.url).path.toLowerCase() === '/$batch') {
      throw badRequest('Nested $batch requests are not supported.');
    }
  }
  checkDependencies(items);
  return items;
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return entry?.[1];
}

/** Per-item failures: the envelope still answers 200 and this item carries the error. */
function itemProblem(item: BatchItem): GraphFailure | undefined {
  if (isAbsolute(item.url)) {
    return badRequest(
      `Request '${item.id}' has an absolute url; batch urls are relative to the version root, ` +
        "e.g. '/print/printers/{id}'.",
    );
  }
  // What real Graph answers for '/v1.0/...' (msgraph-sdk-javascript#1178).
  const first = splitUrl(item.url).path.split('/')[1] ?? '';
  if (['v1.0', 'beta'].includes(first.toLowerCase())) {
    return badRequest(`Resource not found for the segment '${first}'.`);
  }
  if (item.body === undefined) return undefined;
  if (headerValue(item.headers, 'content-type') === undefined) {
    return badRequest(`Request '${item.id}' has a body but no Content-Type header.`);
  }
  if (!isJsonObject(item.body)) {
    return invalidRequest(`Request '${item.id}': the emulator accepts only JSON object bodies.`);
  }
  return undefined;
}

function toCall(item: BatchItem): BatchItemCall {
  const { path, query } = isAbsolute(item.url) ? { path: item.url, query: '' } : splitUrl(item.url);
  const call: BatchItemCall = {
    id: item.id,
    method: item.method,
    path,
    query,
    contentType: headerValue(item.headers, 'content-type'),
    clientRequestId: headerValue(item.headers, 'client-request-id'),
    rawBody: item.body === undefined ? undefined : JSON.stringify(item.body as JsonObject),
    body: item.body,
  };
  const problem = itemProblem(item);
  return problem === undefined ? call : { ...call, failure: problem };
}

function toResponse(id: string, result: GraphResult): BatchResponseItem {
  // A 204 item must carry neither a body nor a Content-Type: the SDK turns `body: null` with a
  // JSON Content-Type into `new Response("null", {status: 204})`, which throws.
  if (result.status === 204 || result.body === undefined) {
    const { 'Content-Type': _dropped, ...headers } = result.headers;
    return { id, status: result.status, headers };
  }
  return { id, status: result.status, headers: { ...result.headers }, body: result.body };
}

const succeeded = (status: number): boolean => status >= 200 && status < 300;

/**
 * Answers a $batch envelope. Without dependsOn the items are independent and run concurrently
 * (as Graph runs them: an envelope costs about one item's time, not the sum); with dependsOn
 * they run one at a time in dependency order. Responses come back in reverse request order so
 * clients must match them by id, as Graph's docs demand.
 */
export async function answerBatch(
  contentType: string | undefined,
  rawBody: string | undefined,
  runItem: BatchItemRunner,
): Promise<GraphResult> {
  const items = parseEnvelope(contentType, rawBody);
  const byKey = new Map(items.map((item) => [item.key, item]));
  const results = new Map<string, GraphResult>();

  const run = async (item: BatchItem): Promise<GraphResult> => {
    const done = results.get(item.key);
    if (done !== undefined) return done;
    let call = toCall(item);
    const dependency = item.dependsOn === undefined ? undefined : byKey.get(item.dependsOn);
    if (call.failure === undefined && dependency !== undefined) {
      const dependencyResult = await run(dependency);
      if (!succeeded(dependencyResult.status)) {
        call = {
          ...call,
          failure: new GraphFailure(
            424,
            'failedDependency',
            `The request depends on '${dependency.id}', which failed.`,
          ),
        };
      }
    }
    const result = await runItem(call);
    results.set(item.key, result);
    return result;
  };

  if (items.some((item) => item.dependsOn !== undefined)) {
    for (const item of items) {
      await run(item);
    }
  } else {
    await Promise.all(items.map(run));
  }
  const responses = [...items].reverse().map((item) => {
    const result = results.get(item.key);
    if (result === undefined) throw new Error(`Batch item '${item.id}' produced no result.`);
    return toResponse(item.id, result);
  });
  return jsonResult(200, { responses });
}
