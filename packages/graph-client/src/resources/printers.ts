/** Printers: read for their name and state on a release screen. */
import { graphPath } from '../call.js';
import type { GraphSession } from '../session.js';
import { readConnectionPage } from './paged-read.js';
import type { Printer } from './types.js';

export function getPrinter(graph: GraphSession, id: string): Promise<Printer> {
  return graph.call<Printer>({ method: 'GET', url: graphPath`/print/printers/${id}` });
}

/**
 * The tenant's physical printers (`hasPhysicalDevice`), from `GET /print/printers` (application
 * `Printer.Read.All`), at most `maxGraphPages` pages: the devices where secure-release jobs wait.
 */
export async function physicalPrinterIds(
  graph: GraphSession,
  maxGraphPages: number,
): Promise<string[]> {
  const page = await readConnectionPage<Printer, Printer>(graph, {
    collection: { path: '/print/printers', query: {} },
    start: null,
    first: MAX_PRINTERS,
    maxGraphPages,
    toItem: (printer) => printer,
  });
  return page.edges
    .map((edge) => edge.node)
    .filter((p) => p.hasPhysicalDevice === true)
    .map((p) => p.id);
}

/** More printers than one reconciliation pass reads. */
const MAX_PRINTERS = 1_000;
