/**
 * A parsed JSON object, and the check for one. Apart from request-body.ts (which binds a whole
 * request and so knows the router's GraphCall) because the payload parsers below the router
 * (print-job-configuration.ts, batch.ts, ...) need only this: importing it from request-body.ts
 * closed a loop back through the router.
 */

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
