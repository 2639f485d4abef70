/**
 * Printer shares: what a person can print to (delegated only: Graph lists no application
 * permission for `GET /print/shares`). Called on a person's session (`GraphSession.asPerson`).
 */
import type { PrinterShare as GraphPrinterShare } from '@microsoft/microsoft-graph-types';
import { graphPath } from '../call.js';
import type { GraphSession } from '../session.js';
import type { CollectionAddress, PagePosition } from './page-cursor.js';
import { type ConnectionPage, readConnectionPage } from './paged-read.js';

export type {
  PrinterCapabilities,
  PrinterDefaults,
  PrinterLocation,
} from '@microsoft/microsoft-graph-types';

export type PrinterShare = GraphPrinterShare & { id: string };

/**
 * A share read by id names its printer (`$expand=printer`), whose id a job created on the
 * share is addressed by afterwards (cancel, the release screen, `PrintJob.printerId`).
 */
const EXPAND_PRINTER = '$expand=printer($select=id)';

/** `printerShares`: the collection its cursors must point into, the search included. */
export const printerSharesCollection = (search: string | null): CollectionAddress => ({
  path: '/print/shares',
  query: search === null ? {} : { $search: search },
});

/** One connection page of the shares the session's person can print to. */
export function pagePrinterShares(
  graph: GraphSession,
  page: { start: PagePosition | null; first: number; search: string | null },
): Promise<ConnectionPage<PrinterShare>> {
  return readConnectionPage<PrinterShare, PrinterShare>(graph, {
    collection: printerSharesCollection(page.search),
    start: page.start,
    first: page.first,
    toItem: (share) => share,
  });
}

export function getPrinterShare(graph: GraphSession, id: string): Promise<PrinterShare> {
  return graph.call<PrinterShare>({
    method: 'GET',
    url: `${graphPath`/print/shares/${id}`}?${EXPAND_PRINTER}`,
  });
}
