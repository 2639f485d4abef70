import { GraphQLError } from 'graphql';
import type { LimitCode } from './limits.js';

/**
 * The error of a limit violation: its stable code and an HTTP status that yoga honours whatever
 * the client accepts (`spec: false`: the GraphQL-over-HTTP rule "200 for validation errors
 * under application/json" is for documents that are wrong, not for ones that are too big).
 */
export function limitError(code: LimitCode, message: string, status = 400): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status, spec: false } } });
}
