import { badRequest, invalidRequest, unsupportedMediaType } from './graph-errors.js';
import { isJsonContentType } from './graph-result.js';
import { isJsonObject, type JsonObject } from './json-object.js';
import type { GraphCall } from './router.js';

/**
 * Binds a JSON object body the way Graph does: the media type is checked first (415), then the
 * JSON itself (400). An optional body may be absent, and then needs no Content-Type either.
 */
export function readJsonObject(call: GraphCall, required: boolean): JsonObject | undefined {
  const present = call.rawBody !== undefined && call.rawBody.trim() !== '';
  if (!present && !required) {
    return undefined;
  }
  if (!isJsonContentType(call.contentType)) {
    throw unsupportedMediaType(call.contentType);
  }
  if (!present) {
    throw invalidRequest('A JSON request body is required.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(call.rawBody ?? '');
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
  if (!isJsonObject(parsed)) {
    throw invalidRequest('The request body must be a JSON object.');
  }
  return parsed;
}
