/**
 * Who may call the gateway. It acts on Graph with its own app-only credentials, so Graph cannot
 * tell callers apart: the gateway must. Callers present one of the configured API keys as a
 * bearer token; everything but the health check is refused without one.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';

const digest = (value: string) => createHash('sha256').update(value).digest();

const UNAUTHENTICATED_BODY = JSON.stringify({
  errors: [
    {
      message: 'Missing or invalid API key: send "Authorization: Bearer <key>"',
      extensions: { code: 'UNAUTHENTICATED' },
    },
  ],
});

export function useCallerAuth(apiKeys: readonly string[]): Plugin {
  // Digests have one length, so the comparison takes the same time whatever was presented.
  const accepted = apiKeys.map(digest);
  const isAccepted = (presented: string) => {
    const candidate = digest(presented);
    return accepted.reduce((found, key) => timingSafeEqual(key, candidate) || found, false);
  };

  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const match = request.headers.get('authorization')?.match(/^Bearer\s+(\S+)\s*$/i);
      if (match?.[1] && isAccepted(match[1])) return;
      endResponse(
        new fetchAPI.Response(UNAUTHENTICATED_BODY, {
          status: 401,
          headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer' },
        }),
      );
    },
  };
}
