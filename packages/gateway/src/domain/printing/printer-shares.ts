/**
 * The printer shares a person can print to, read as that person: Graph answers each person with
 * the shares they are allowed on, so no filtering happens here. What a share can do is read on
 * demand and kept a short while (share-memory.ts).
 */
import {
  type ConnectionPage,
  decodeCursor,
  getPrintableShare,
  type PrinterCapabilities,
  type PrinterShare,
  pagePrinterShares,
  printerSharesCollection,
} from '@universal-print-gateway/graph-client';
import type { PageRequest } from '../reads.js';
import type { PrintingContext } from './printing-context.js';
import type { RememberedShare } from './share-memory.js';

type ShareReadContext = Pick<PrintingContext, 'personGraph' | 'shares'>;

/** One page of the caller's shares; `search` filters them in Graph (`$search`). */
export async function pagePrintableShares(
  context: ShareReadContext,
  { first, after }: PageRequest,
  search: string | null,
): Promise<ConnectionPage<PrinterShare>> {
  const graph = context.personGraph();
  const collection = printerSharesCollection(search);
  const start = after === null ? null : decodeCursor(after, graph.versionRoot, collection);
  const page = await pagePrinterShares(graph, { start, first, search });
  for (const edge of page.edges) context.shares.learn(edge.node);
  return page;
}

/**
 * A share with what it can do and the printer it prints to: from memory when Graph said so
 * lately, otherwise read as the caller (one Graph call), which also tells whether they may.
 */
export async function printableShare(
  context: ShareReadContext,
  shareId: string,
): Promise<RememberedShare> {
  const kept = context.shares.get(shareId);
  if (kept?.printer?.id) return kept;
  const share = await getPrintableShare(context.personGraph(), shareId);
  context.shares.learn(share);
  return share;
}

/** `PrinterShare.capabilities`: from the list's answer when it carried them, else as above. */
export async function capabilitiesOfShare(
  context: ShareReadContext,
  share: PrinterShare,
): Promise<PrinterCapabilities | null> {
  if (share.capabilities) return share.capabilities;
  return (await printableShare(context, share.id)).capabilities ?? null;
}

/** `PrinterShare.defaults`, read the same way. */
export async function defaultsOfShare(context: ShareReadContext, share: PrinterShare) {
  if (share.capabilities) return share.defaults ?? null;
  return (await printableShare(context, share.id)).defaults ?? null;
}
