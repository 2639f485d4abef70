import type { Caller } from './auth.js';
import { badRequest, GraphFailure } from './graph-errors.js';
import type { GraphResult } from './graph-result.js';

/** One Graph request, whether it arrived directly or as an item of a $batch envelope. */
export interface GraphCall {
  /** Upper-case. */
  method: string;
  /** After /v1.0, without the query string, not percent-decoded. */
  path: string;
  /** Raw query without '?'. */
  query: string;
  contentType: string | undefined;
  rawBody: string | undefined;
  caller: Caller;
  /**
   * `http://host:port` as the caller addressed the emulator (batch items: as the envelope did),
   * for the absolute `@odata.nextLink`s of paged collections.
   */
  origin: string;
}

export interface RouteContext {
  call: GraphCall;
  caller: Caller;
  /** A captured path segment, percent-decoded. */
  param(name: string): string;
}

export interface Route {
  method: string;
  /** Literal segments match case-insensitively, as Graph does; `:name` captures one segment. */
  pattern: string;
  /** May be async: creating a subscription waits for the endpoint's validation handshake. */
  handle(context: RouteContext): GraphResult | Promise<GraphResult>;
}

export type Dispatch = (call: GraphCall) => GraphResult | Promise<GraphResult>;

interface CompiledRoute {
  route: Route;
  segments: string[];
}

function segmentsOf(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function match(compiled: CompiledRoute, segments: string[]): Map<string, string> | undefined {
  if (compiled.segments.length !== segments.length) {
    return undefined;
  }
  const params = new Map<string, string>();
  for (const [index, expected] of compiled.segments.entries()) {
    const actual = segments[index] ?? '';
    if (expected.startsWith(':')) {
      params.set(expected.slice(1), actual);
    } else if (expected.toLowerCase() !== actual.toLowerCase()) {
      return undefined;
    }
  }
  return params;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest(`The path segment '${segment}' is not valid percent-encoding.`);
  }
}

/** Unknown paths answer 404 UnknownError; known paths with another method answer 405. */
export function createRouter(routes: Route[]): Dispatch {
  const compiled = routes.map((route) => ({ route, segments: segmentsOf(route.pattern) }));
  return (call) => {
    const segments = segmentsOf(call.path);
    const allowed: string[] = [];
    for (const candidate of compiled) {
      const params = match(candidate, segments);
      if (params === undefined) {
        continue;
      }
      if (candidate.route.method !== call.method) {
        allowed.push(candidate.route.method);
        continue;
      }
      return candidate.route.handle({
        call,
        caller: call.caller,
        param: (name) => {
          const value = params.get(name);
          if (value === undefined) {
            throw new Error(`Route ${candidate.route.pattern} has no parameter '${name}'.`);
          }
          return decodeSegment(value);
        },
      });
    }
    if (allowed.length > 0) {
      throw new GraphFailure(
        405,
        'BadRequest',
        `Specified HTTP method '${call.method}' is not allowed for the request target.`,
        { Allow: allowed.join(', ') },
      );
    }
    throw new GraphFailure(
      404,
      'UnknownError',
      `No Universal Print resource matches '${call.method} /v1.0${call.path}' in the emulator.`,
    );
  };
}
