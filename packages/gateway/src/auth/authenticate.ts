/**
 * The yoga plugin that decides who is calling, before anything else runs: every request except
 * the health and readiness probes and GraphiQL's HTML page. Refusals never reach GraphQL, and so
 * never reach Graph. The caller it establishes is what `GatewayContext.caller` holds.
 */
import type { Plugin } from 'graphql-yoga';
import { AuthFailure, authFailureResponse } from './auth-failure.js';
import { ANONYMOUS, type Caller } from './caller.js';
import { type EntraTokenValidator, tokenAcceptedUntil } from './entra-token.js';
import { createServiceKeyMatcher, type ServiceKey } from './service-keys.js';

export interface AuthenticationOptions {
  /** `GATEWAY_API_KEYS`. */
  readonly serviceKeys?: readonly ServiceKey[];
  /** Validates Entra ID access tokens; without it, only service keys are accepted. */
  readonly entra?: EntraTokenValidator;
  /** Requests without any credentials get the anonymous caller instead of a 401. */
  readonly allowAnonymous: boolean;
}

export interface CallerAuthentication {
  readonly plugin: Plugin;
  /** The caller the plugin established for this request; throws if it established none. */
  callerOf(request: Request): Caller;
  /**
   * What the plugin does, for a request that does not go through yoga's HTTP pipeline (a
   * WebSocket operation, src/server/websocket-subscriptions.ts): decides who is calling and
   * remembers it for `callerOf`, `credentialExpiresAt` and `personAssertion`. Throws
   * `AuthFailure` as the plugin would answer it.
   */
  authenticate(request: Request): Promise<Caller>;
  /**
   * When this request's credential stops being accepted (epoch ms): an Entra token's `exp` plus
   * the clock tolerance. `null` for a service key (`GATEWAY_API_KEYS` is read once, at start:
   * only a restart removes one, and a restart ends every stream) and for anonymous callers.
   */
  credentialExpiresAt(request: Request): number | null;
  /**
   * The verified Entra token a person called with: what the gateway exchanges for a Graph token
   * to act as that person (on-behalf-of). `null` for anyone else. Never logged.
   */
  personAssertion(request: Request): string | null;
}

/** No Entra token comes near this; a larger header is refused before it is parsed. */
export const MAX_AUTHORIZATION_BYTES = 8 * 1024;

/** Query parameters that would carry a credential: RFC 6750 §2.3's, and API-key spellings. */
const CREDENTIAL_PARAMETERS = ['access_token', 'api_key', 'apikey'];

/**
 * Orchestrator probes answer without credentials; they reveal nothing about print jobs. Graph
 * delivers notifications without any either: the webhook checks their clientState instead.
 */
const OPEN_PATHS = new Set(['/health', '/ready', '/graph/notifications']);

/** A compact JWS: three base64url segments. Anything else is treated as a service key. */
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export function createCallerAuthentication(
  options: AuthenticationOptions,
  { graphiql, graphqlEndpoint = '/graphql' }: { graphiql: boolean; graphqlEndpoint?: string },
): CallerAuthentication {
  const matchServiceKey = createServiceKeyMatcher(options.serviceKeys ?? []);
  const callers = new WeakMap<Request, Caller>();
  // The accepted Entra token, read again only by a request that asks when it expires (streams).
  const entraTokens = new WeakMap<Request, string>();

  const authenticate = async (request: Request, url: URL): Promise<Caller> => {
    const smuggled = CREDENTIAL_PARAMETERS.find((name) => url.searchParams.has(name));
    if (smuggled) {
      throw new AuthFailure(
        'CREDENTIALS_IN_URL',
        `Credentials are never accepted in the URL (${smuggled}); send an Authorization header`,
      );
    }
    const authorization = request.headers.get('authorization');
    if (authorization === null || authorization.trim() === '') {
      if (options.allowAnonymous) return ANONYMOUS;
      throw new AuthFailure('UNAUTHENTICATED', 'Send "Authorization: Bearer <token or key>"');
    }
    if (Buffer.byteLength(authorization) > MAX_AUTHORIZATION_BYTES) {
      throw new AuthFailure(
        'AUTHORIZATION_TOO_LARGE',
        `The Authorization header is over ${MAX_AUTHORIZATION_BYTES} bytes`,
      );
    }
    const credential = /^Bearer +(\S+) *$/i.exec(authorization)?.[1];
    if (credential === undefined) {
      // Something was presented that we cannot check: refuse rather than ignore it.
      throw new AuthFailure('UNAUTHENTICATED', 'Only the Bearer scheme is accepted');
    }
    const serviceKey = matchServiceKey(credential);
    if (serviceKey) return serviceKey;
    if (options.entra && JWT_SHAPE.test(credential)) {
      const caller = await options.entra(credential);
      entraTokens.set(request, credential);
      return caller;
    }
    throw new AuthFailure('INVALID_TOKEN', 'The bearer credential is not valid');
  };

  const isOpen = (request: Request, url: URL): boolean =>
    OPEN_PATHS.has(url.pathname) ||
    // GraphiQL's page: yoga answers such a request with static HTML and executes nothing; the
    // operations the page then sends are POSTs and are authenticated like any other.
    (graphiql &&
      request.method === 'GET' &&
      url.pathname === graphqlEndpoint &&
      (request.headers.get('accept') ?? '').includes('text/html'));

  const establish = async (request: Request, url: URL): Promise<Caller> => {
    const caller = await authenticate(request, url);
    callers.set(request, caller);
    return caller;
  };

  const plugin: Plugin = {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (isOpen(request, url)) return;
      try {
        await establish(request, url);
      } catch (error) {
        if (!(error instanceof AuthFailure)) throw error;
        endResponse(authFailureResponse(error, fetchAPI));
      }
    },
  };

  return {
    plugin,
    authenticate: (request) => establish(request, new URL(request.url)),
    callerOf(request) {
      const caller = callers.get(request);
      // Fails closed: an operation that slipped past the plugin is refused, not anonymous.
      if (!caller) throw new Error('No caller was established for this request');
      return caller;
    },
    credentialExpiresAt(request) {
      const token = entraTokens.get(request);
      return token === undefined ? null : tokenAcceptedUntil(token);
    },
    personAssertion(request) {
      return callers.get(request)?.kind === 'person' ? (entraTokens.get(request) ?? null) : null;
    },
  };
}
