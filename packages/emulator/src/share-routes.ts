import { requireUserCaller } from './auth.js';
import { jsonResult } from './graph-result.js';
import { collection, contexts, toGraphPrinter, toGraphShare, withContext } from './graph-shapes.js';
import { type ExpandRules, type ExpandTree, parseODataQuery } from './odata.js';
import { MAX_TOP, type Pager } from './paging.js';
import type { Route } from './router.js';
import { shareOf } from './share-lookup.js';
import type { EmulatorStore } from './store.js';
import type { ShareRecord } from './tenant.js';

// Printer shares (print-list-shares.md, printershare-get.md): delegated only, as Graph lists
// no application permission for either.

/** `$search="floor 1"` (quotes optional): a case-insensitive match on name and location. */
function searchTerm(rawQuery: string): string | undefined {
  const value = new URLSearchParams(rawQuery).get('$search');
  if (value === null) return undefined;
  return value
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim()
    .toLowerCase();
}

function matches(share: ShareRecord, store: EmulatorStore, term: string): boolean {
  const location = store.printer(share.printerId)?.location;
  const text = [share.displayName, share.site, ...Object.values(location ?? {})];
  return text.some((field) => String(field).toLowerCase().includes(term));
}

/**
 * printershare-get.md: "supports the $select and $expand OData query parameters"; `printer` is
 * the share's navigation property to the printer it prints to (what a job created on the share
 * is addressed by afterwards). `$select` inside it is ignored, as everywhere in the emulator:
 * the whole printer comes back.
 */
const SHARE_EXPAND: ExpandRules = { printer: { type: 'printer' } };

function withPrinter(share: ShareRecord, store: EmulatorStore, expand: ExpandTree) {
  const shape = toGraphShare(share, store);
  if (!expand.has('printer')) return shape;
  const printer = store.printer(share.printerId);
  return printer === undefined ? shape : { ...shape, printer: toGraphPrinter(printer, store) };
}

export function shareRoutes(store: EmulatorStore, pager: Pager): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/print/shares',
      handle: (context) => {
        requireUserCaller(context.caller, 'Listing printer shares');
        const query = parseODataQuery(context.call.query, {
          typeName: 'printerShare',
          top: { max: MAX_TOP },
          unsupported: ['$count', '$filter', '$expand'],
        });
        const term = searchTerm(context.call.query);
        const listed = store
          .shares()
          .filter((share) => term === undefined || matches(share, store, term));
        const page = pager.page(context.call, listed, query.top);
        const value = page.value.map((share) => toGraphShare(share, store));
        return jsonResult(200, collection(contexts.shares(), { ...page, value }));
      },
    },
    {
      method: 'GET',
      pattern: '/print/shares/:shareId',
      handle: (context) => {
        requireUserCaller(context.caller, 'Reading a printer share');
        const { expand } = parseODataQuery(context.call.query, {
          typeName: 'printerShare',
          expand: SHARE_EXPAND,
        });
        const share = shareOf(store, context);
        return jsonResult(200, withContext(contexts.share(), withPrinter(share, store, expand)));
      },
    },
  ];
}
