/**
 * A printer share as a person sees it: where it is, whether it takes jobs, and what it can do
 * (Graph's printerCapabilities and printerDefaults, the part a print dialog needs).
 */
import type { PrinterShare } from '@universal-print-gateway/graph-client';
import { capabilitiesOfShare, defaultsOfShare } from '../../domain/printing/printer-shares.js';
import { builder } from '../builder.js';
import {
  capabilitiesType,
  defaultsType,
  PrinterLocationRef,
} from '../printer/printer-capabilities.type.js';

export const PrinterShareRef = builder.objectRef<PrinterShare>('PrinterShare');

const PrinterShareCapabilitiesRef = capabilitiesType(
  'PrinterShareCapabilities',
  'What the share can print: what createPrintJob checks a document and its configuration ' +
    'against before creating anything.',
);

const PrinterShareDefaultsRef = defaultsType(
  'PrinterShareDefaults',
  'What a job on this share gets for each setting its configuration leaves out.',
);

PrinterShareRef.implement({
  description: 'A printer share the signed-in person may print to (Graph printerShare).',
  fields: (t) => ({
    id: t.exposeID('id'),
    displayName: t.string({ nullable: true, resolve: (share) => share.displayName ?? null }),
    createdDateTime: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (share) => share.createdDateTime ?? null,
    }),
    isAcceptingJobs: t.boolean({
      nullable: true,
      resolve: (share) => share.isAcceptingJobs ?? null,
    }),
    location: t.field({
      type: PrinterLocationRef,
      nullable: true,
      resolve: (share) => share.location ?? null,
    }),
    capabilities: t.field({
      type: PrinterShareCapabilitiesRef,
      nullable: true,
      description: `Read on demand and kept for a short while per share (PRINTER_SHARE_CACHE_SECONDS).`,
      resolve: (share, _args, context) => capabilitiesOfShare(context, share),
    }),
    defaults: t.field({
      type: PrinterShareDefaultsRef,
      nullable: true,
      description: 'Read as capabilities are.',
      resolve: (share, _args, context) => defaultsOfShare(context, share),
    }),
  }),
});
