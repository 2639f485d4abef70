/** Printers: read for their name and state on a release screen. */
import { graphPath } from '../call.js';
import type { GraphSession } from '../session.js';
import type { Printer } from './types.js';

export function getPrinter(graph: GraphSession, id: string): Promise<Printer> {
  return graph.call<Printer>({ method: 'GET', url: graphPath`/print/printers/${id}` });
}
