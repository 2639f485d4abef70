import { type GraphResult, JSON_CONTENT_TYPE } from './graph-result.js';

/**
 * A failure answered in Graph's error shape. Handlers and lifecycle rules throw it; the pipeline
 * turns it into a response (or a batch item) carrying the request ids of the call that failed.
 */
export class GraphFailure extends Error {
  override readonly name = 'GraphFailure';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
    /** Members added to `error.innerError` beside the request ids (e.g. nextExpectedRanges). */
    readonly innerError: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export interface RequestIds {
  requestId: string;
  clientRequestId: string;
}

/** Graph writes innerError.date without a zone suffix (UTC nonetheless). */
export function graphDate(date: Date = new Date()): string {
  return date.toISOString().slice(0, 19);
}

export function errorResult(failure: GraphFailure, ids: RequestIds): GraphResult {
  return {
    status: failure.status,
    headers: { 'Content-Type': JSON_CONTENT_TYPE, ...failure.headers },
    body: {
      error: {
        code: failure.code,
        message: failure.message,
        innerError: {
          ...failure.innerError,
          date: graphDate(),
          'request-id': ids.requestId,
          'client-request-id': ids.clientRequestId,
        },
      },
    },
  };
}

// Graph's codes are not consistently cased; these follow the spelling Graph uses for each.
const DEFAULT_CODES: Readonly<Record<number, string>> = {
  400: 'invalidRequest',
  401: 'InvalidAuthenticationToken',
  403: 'accessDenied',
  404: 'itemNotFound',
  405: 'BadRequest',
  409: 'conflict',
  415: 'UnsupportedMediaType',
  424: 'failedDependency',
  429: 'TooManyRequests',
  500: 'generalException',
  501: 'notSupported',
  503: 'serviceNotAvailable',
  504: 'GatewayTimeout',
};

export function defaultCodeFor(status: number): string {
  return DEFAULT_CODES[status] ?? 'generalException';
}

export const invalidRequest = (message: string): GraphFailure =>
  new GraphFailure(400, 'invalidRequest', message);

export const badRequest = (message: string): GraphFailure =>
  new GraphFailure(400, 'BadRequest', message);

export const accessDenied = (message: string): GraphFailure =>
  new GraphFailure(403, 'accessDenied', message);

export const itemNotFound = (message: string): GraphFailure =>
  new GraphFailure(404, 'itemNotFound', message);

export const conflict = (message: string): GraphFailure =>
  new GraphFailure(409, 'conflict', message);

export const unsupportedMediaType = (contentType: string | undefined): GraphFailure =>
  new GraphFailure(
    415,
    'UnsupportedMediaType',
    `Content-Type '${contentType ?? ''}' is not supported; send 'application/json'.`,
  );
