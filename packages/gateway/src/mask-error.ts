/**
 * What a client sees of an error that escaped a result union. Domain errors keep their message
 * and code (they were written for clients); a `GatewayFault` shows only its public message and
 * code and is logged loudly; anything else is masked as INTERNAL_SERVER_ERROR and logged.
 */
import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError } from 'graphql-yoga';
import type { Logger } from 'pino';
import { GatewayError, GatewayFault, UpstreamError } from './errors.js';

export function createErrorMasker(logger: Logger) {
  return (error: unknown, message: string): Error => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    const located = error instanceof GraphQLError ? error : undefined;
    const options = { nodes: located?.nodes ?? null, path: located?.path ?? undefined };

    if (original instanceof GatewayError) {
      return new GraphQLError(original.message, {
        ...options,
        extensions: {
          code: original.code,
          ...(original instanceof UpstreamError && original.requestId
            ? { requestId: original.requestId }
            : {}),
          ...('retryAfterSeconds' in original && original.retryAfterSeconds != null
            ? { retryAfterSeconds: original.retryAfterSeconds }
            : {}),
        },
      });
    }
    if (original instanceof GatewayFault) {
      logFault(logger, original);
      return new GraphQLError(original.publicMessage, {
        ...options,
        extensions: { code: original.code },
      });
    }
    if (original && !(original instanceof GraphQLError)) {
      logFault(logger, original, { path: located?.path });
    }
    // Never in development mode either: its answer would carry the original error and its stack.
    return yogaMaskError(error, message, false);
  };
}

/**
 * Logs a failure that is the gateway's, loudly: a `GatewayFault` with its detail, anything else
 * (a bug) with its stack, and `where` it happened. Also for faults that reach the client as
 * something else, such as one item of a bulk write (src/schema/bulk-writes.ts).
 */
export function logFault(
  logger: Logger,
  fault: unknown,
  where: Record<string, unknown> = {},
): void {
  if (fault instanceof GatewayFault) {
    logger.error({ code: fault.code, detail: fault.detail, ...where }, fault.publicMessage);
    return;
  }
  logger.error(
    { error: fault instanceof Error ? fault.stack : String(fault), ...where },
    'Unexpected error in a resolver',
  );
}
