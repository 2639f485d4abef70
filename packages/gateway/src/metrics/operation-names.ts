/**
 * The operation names a set of documents defines: those of the trusted documents and of the
 * gateway's own (GraphiQL's release screen), which the operator vouches for, so their metric
 * series are never crowded out by names a caller invented (bounded-label.ts).
 */
import { Kind, parse } from 'graphql';

export function operationNamesIn(documents: Iterable<string>): string[] {
  const names: string[] = [];
  for (const text of documents) {
    let definitions: ReturnType<typeof parse>['definitions'];
    try {
      definitions = parse(text).definitions;
    } catch {
      // Not a document: it cannot name an operation that runs, so there is nothing to trust.
      continue;
    }
    for (const definition of definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) {
        names.push(definition.name.value);
      }
    }
  }
  return names;
}
