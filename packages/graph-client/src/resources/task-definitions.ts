/** Print task definitions: Graph lists only those the calling app created. */
import { graphPath } from '../call.js';
import type { GraphSession } from '../session.js';
import type { Collection, PrintTaskDefinition } from './types.js';

export async function listTaskDefinitions(graph: GraphSession): Promise<PrintTaskDefinition[]> {
  const definitions = await graph.call<Collection<PrintTaskDefinition>>({
    method: 'GET',
    url: '/print/taskDefinitions',
  });
  return definitions.value;
}

/**
 * Reads a definition as a call of its own, whose answer is not wanted: `readKey` keeps it from
 * being served by (or serving) another read of the definition in the same request.
 */
export async function readTaskDefinitionAs(
  graph: GraphSession,
  id: string,
  readKey: string,
): Promise<void> {
  await graph.call({ method: 'GET', url: graphPath`/print/taskDefinitions/${id}`, readKey });
}

export function getTaskDefinition(graph: GraphSession, id: string): Promise<PrintTaskDefinition> {
  return graph.call<PrintTaskDefinition>({
    method: 'GET',
    url: graphPath`/print/taskDefinitions/${id}`,
  });
}
