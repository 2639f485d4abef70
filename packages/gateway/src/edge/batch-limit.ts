/**
 * Operations per batched GraphQL-over-HTTP request. Yoga enforces the same bound, but with the
 * generic code BAD_REQUEST; this runs first so the refusal has its own code. 413, as yoga
 * answers: the request is too big, not malformed.
 */
import type { Plugin } from 'graphql-yoga';
import { limitError } from './limit-error.js';
import { LIMIT_CODES, MAX_OPERATIONS_PER_REQUEST } from './limits.js';

export function useBatchLimit(): Plugin {
  return {
    onRequestParse() {
      return {
        onRequestParseDone({ requestParserResult }) {
          if (
            Array.isArray(requestParserResult) &&
            requestParserResult.length > MAX_OPERATIONS_PER_REQUEST
          ) {
            throw limitError(
              LIMIT_CODES.operations,
              `A batched request may hold at most ${MAX_OPERATIONS_PER_REQUEST} operations.`,
              413,
            );
          }
        },
      };
    },
  };
}
