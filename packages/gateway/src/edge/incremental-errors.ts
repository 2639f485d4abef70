/**
 * The errors of an incremental payload: after the first, a `@defer` / `@stream` answer carries
 * its errors inside each part (`incremental[].errors`), where code that reads a result's
 * top-level `errors` does not look.
 */
import type { GraphQLError } from 'graphql';

interface IncrementalPart {
  errors?: readonly GraphQLError[];
}

/** One payload after the first, as the executor sends it. */
interface SubsequentPayload {
  incremental?: readonly IncrementalPart[];
}

/** `payload` with every error of its incremental parts passed through `map`. */
export function mapIncrementalErrors<T>(payload: T, map: (error: GraphQLError) => Error): T {
  const incremental = (payload as SubsequentPayload | null)?.incremental;
  if (!incremental?.some((part) => part.errors?.length)) return payload;
  return {
    ...payload,
    incremental: incremental.map((part) =>
      part.errors ? { ...part, errors: part.errors.map(map) } : part,
    ),
  };
}
