/**
 * No answer carries an error's internals, in any mode. Yoga adds `extensions.originalError`
 * (name and message of the JSON parser's exception) to "POST body sent invalid JSON." even in
 * production, and its default masker adds the original error with its stack in development.
 * The error masker no longer asks for the latter; this removes whatever is left, last.
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

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

const scrubResult = <T>(result: T): T => {
  const errors = (result as ResultWithErrors | null)?.errors;
  return errors ? { ...result, errors: errors.map(scrub) } : result;
};

export function useErrorScrubbing(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      // A stream (subscriptions, @defer) is not served; single and batched results are.
      if (Array.isArray(result)) setResult(result.map(scrubResult));
      else if (!(Symbol.asyncIterator in Object(result))) setResult(scrubResult(result));
    },
  };
}
