/**
 * Printer shares for the gateway's `printerShares` connection and `createPrintJob`'s checks: a
 * connection page read as every other list is (cursors pinned to the collection, the search
 * included; packages/graph-client/src/resources/paged-read.ts), and a share read with the
 * printer it prints to, whose id addresses a job created on the share afterwards.
 */
import { graphPath } from '../call.js';
import type { GraphSession } from '../session.js';
import type { CollectionAddress, PagePosition } from './page-cursor.js';
import { type ConnectionPage, readConnectionPage } from './paged-read.js';
import type { PrinterShare } from './printer-shares.js';

export type {
  PrinterCapabilities,
  PrinterDefaults,
  PrinterLocation,
} from '@microsoft/microsoft-graph-types';

/** `printerShares`: the collection its cursors must point into, the search included. */
export const printerSharesCollection = (search: string | null): CollectionAddress => ({
  path: '/print/shares',
  query: search === null ? {} : { $search: search },
});

/** One connection page of the shares the session's person can print to. */
export function pagePrinterShares(
  person: GraphSession,
  page: { start: PagePosition | null; first: number; search: string | null },
): Promise<ConnectionPage<PrinterShare>> {
  return readConnectionPage<PrinterShare, PrinterShare>(person, {
    collection: printerSharesCollection(page.search),
    start: page.start,
    first: page.first,
    toItem: (share) => share,
  });
}

/**
 * A share with its printer (`$expand=printer`): Graph's job on a share does not say which
 * printer holds it, and cancelling it or reading it back is addressed by that printer.
 */
export function getPrintableShare(person: GraphSession, id: string): Promise<PrinterShare> {
  return person.call<PrinterShare>({
    method: 'GET',
    url: `${graphPath`/print/shares/${id}`}?$expand=printer($select=id)`,
  });
}
