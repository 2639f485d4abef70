/**
 * CORS for exactly the configured origins (GATEWAY_CORS_ORIGINS). Yoga's default answered every
 * origin with itself and `allow-credentials: true`. Callers authenticate with a bearer token,
 * not cookies, so credentials are never allowed; an origin not on the list gets no CORS header
 * at all, so the browser keeps the answer from the page. Must run before caller auth: a
 * preflight never carries the Authorization header.
 */
import type { Plugin } from 'graphql-yoga';

/** How long a browser may reuse a preflight answer. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

export function useCorsAllowlist(origins: readonly string[]): Plugin {
  const allowed = new Set(origins);
  const allowedOrigin = (request: Request) => {
    const origin = request.headers.get('origin');
    return origin !== null && allowed.has(origin) ? origin : null;
  };

  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== 'OPTIONS') return;
      const origin = allowedOrigin(request);
      const headers: Record<string, string> = { 'content-length': '0' };
      if (origin) {
        Object.assign(headers, {
          'access-control-allow-methods': 'GET, POST',
          'access-control-allow-headers': 'authorization, content-type, accept',
          'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
        });
      }
      endResponse(new fetchAPI.Response(null, { status: 204, headers }));
    },
    onResponse({ request, response }) {
      // The answer depends on Origin, so no cache may hand one origin's answer to another.
      response.headers.append('vary', 'Origin');
      const origin = allowedOrigin(request);
      if (origin) response.headers.set('access-control-allow-origin', origin);
    },
  };
}
