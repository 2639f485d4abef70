/**
 * A POST to /graphql must carry JSON. Yoga also reads form-encoded and multipart bodies, and a
 * browser sends those (and text/plain) cross-site without a CORS preflight: any web page could
 * make a visitor's browser run `abortPrintJob` on a gateway it can reach. A JSON body forces a
 * preflight, which the CORS allowlist (cors-allowlist.ts) answers. Refused before the body is read.
 */
import type { Plugin } from 'graphql-yoga';

/** The media types yoga's JSON parser reads. */
const JSON_MEDIA_TYPES = new Set(['application/json', 'application/graphql+json']);

export const UNSUPPORTED_MEDIA_TYPE_CODE = 'UNSUPPORTED_MEDIA_TYPE';

const REFUSAL = JSON.stringify({
  errors: [
    {
      message: 'A POST body must be JSON: send "Content-Type: application/json"',
      extensions: { code: UNSUPPORTED_MEDIA_TYPE_CODE },
    },
  ],
});

const mediaType = (contentType: string | null) =>
  (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

export function useJsonBodiesOnly(): Plugin {
  return {
    onRequestParse({ request, endResponse, fetchAPI }) {
      if (request.method !== 'POST') return;
      if (JSON_MEDIA_TYPES.has(mediaType(request.headers.get('content-type')))) return;
      endResponse(
        new fetchAPI.Response(REFUSAL, {
          status: 415,
          headers: { 'content-type': 'application/json; charset=utf-8' },
        }),
      );
    },
  };
}
