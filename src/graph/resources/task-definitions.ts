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

export function getTaskDefinition(graph: GraphSession, id: string): Promise<PrintTaskDefinition> {
  return graph.call<PrintTaskDefinition>({
    method: 'GET',
    url: graphPath`/print/taskDefinitions/${id}`,
  });
}
