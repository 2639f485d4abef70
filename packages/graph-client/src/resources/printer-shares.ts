/**
 * Printer shares: what a person can print to. Delegated-only at Graph (`GET /print/shares` takes
 * no application permission), so these take a person's session (`GraphSession.asPerson`).
 */
import type { PrinterShare as GraphPrinterShare } from '@microsoft/microsoft-graph-types';
import { graphPath } from '../call.js';
import type { GraphSession } from '../session.js';
import type { Collection } from './types.js';

export type PrinterShare = GraphPrinterShare & { id: string };

export interface PrinterSharePage {
  shares: PrinterShare[];
  /** Graph's `$skiptoken` for the next page, from its `@odata.nextLink`; null on the last page. */
  skipToken: string | null;
}

/** Graph's page size is the caller's to choose within this (Graph's own limit on `$top`). */
export const MAX_PRINTER_SHARES_TOP = 999;

export async function listPrinterShares(
  person: GraphSession,
  options: { top?: number; skipToken?: string | null; search?: string | null } = {},
): Promise<PrinterSharePage> {
  const query = new URLSearchParams();
  if (options.top !== undefined) {
    query.set('$top', String(Math.max(1, Math.min(MAX_PRINTER_SHARES_TOP, options.top))));
  }
  if (options.search) query.set('$search', `"${options.search.replaceAll('"', '')}"`);
  if (options.skipToken) query.set('$skiptoken', options.skipToken);
  const text = query.toString();
  const page = await person.call<Collection<PrinterShare> & { '@odata.nextLink'?: string }>({
    method: 'GET',
    url: `/print/shares${text ? `?${text}` : ''}`,
  });
  return { shares: page.value, skipToken: skipTokenOf(page['@odata.nextLink']) };
}

export function getPrinterShare(person: GraphSession, id: string): Promise<PrinterShare> {
  return person.call<PrinterShare>({ method: 'GET', url: graphPath`/print/shares/${id}` });
}

function skipTokenOf(nextLink: string | undefined): string | null {
  if (!nextLink) return null;
  try {
    return new URL(nextLink).searchParams.get('$skiptoken');
  } catch {
    return null;
  }
}
