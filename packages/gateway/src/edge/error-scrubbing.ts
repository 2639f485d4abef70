/**
 * No answer carries an error's internals, in any mode. Yoga adds `extensions.originalError`
 * (name and message of the JSON parser's exception) to "POST body sent invalid JSON." even in
 * production, and its default masker adds the original error with its stack in development.
 * The error masker no longer asks for the latter; this removes whatever is left, last.
 */
import { GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { mapIncrementalErrors } from './incremental-errors.js';

const INTERNAL_EXTENSIONS = ['originalError', 'stack', 'exception'] as const;

function scrub(error: GraphQLError): GraphQLError {
  const extensions: Record<string, unknown> = { ...error.extensions };
  if (!INTERNAL_EXTENSIONS.some((key) => key in extensions)) return error;
  for (const key of INTERNAL_EXTENSIONS) delete extensions[key];
  // Yoga answers an application/json client 400 rather than 200 when `originalError` is there
  // (processRegularResult); keep the status it meant without the detail.
  const http = extensions['http'] as { status?: number } | undefined;
  if (http?.status) extensions['http'] = { ...http, spec: false };
  return new GraphQLError(error.message, {
    nodes: error.nodes ?? null,
    source: error.source ?? null,
    positions: error.positions ?? null,
    path: error.path ?? null,
    extensions,
  });
}

interface ResultWithErrors {
  errors?: readonly GraphQLError[];
}

/** A result or one payload of a stream: its errors, and those of its incremental parts. */
const scrubResult = <T>(result: T): T => {
  const errors = (result as ResultWithErrors | null)?.errors;
  const scrubbed = errors ? { ...result, errors: errors.map(scrub) } : result;
  return mapIncrementalErrors(scrubbed, scrub);
};

export function useErrorScrubbing(): Plugin {
  return {
    // Each payload of an incremental (@defer, @stream) answer, as it is sent.
    onExecute: () => ({
      onExecuteDone({ result }) {
        if (!isAsyncIterable(result)) return;
        return { onNext: (payload) => payload.setResult(scrubResult(payload.result)) };
      },
    }),
    onResultProcess({ result, setResult }) {
      // Single and batched results; streams are scrubbed payload by payload, above.
      if (Array.isArray(result)) setResult(result.map(scrubResult));
      else if (!isAsyncIterable(result)) setResult(scrubResult(result));
    },
  };
}
