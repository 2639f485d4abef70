/**
 * A printer share as a person sees it: where it is, whether it takes jobs, and what it can do
 * (Graph's printerCapabilities and printerDefaults, the part a print dialog needs).
 */
import type {
  PrinterCapabilities,
  PrinterDefaults,
  PrinterLocation,
  PrinterShare,
} from '@universal-print-gateway/graph-client';
import { capabilitiesOfShare, defaultsOfShare } from '../../domain/printing/printer-shares.js';
import { builder } from '../builder.js';
import {
  PrintColorMode,
  PrintDuplexMode,
  PrintOrientation,
  PrintQuality,
} from '../print-job/print-job-configuration.js';

export const PrinterShareRef = builder.objectRef<PrinterShare>('PrinterShare');

const PrinterLocationRef = builder.objectRef<PrinterLocation>('PrinterLocation').implement({
  description: "Where the share's printer is, as its administrator described it.",
  fields: (t) => ({
    building: t.exposeString('building', { nullable: true }),
    floor: t.exposeString('floor', { nullable: true }),
    roomName: t.exposeString('roomName', { nullable: true }),
    site: t.exposeString('site', { nullable: true }),
  }),
});

interface CopiesRange {
  start: number | null;
  end: number | null;
}

const CopiesRangeRef = builder.objectRef<CopiesRange>('CopiesRange').implement({
  description: 'How many copies one job may ask for; `end` null: no upper bound stated.',
  fields: (t) => ({
    start: t.exposeInt('start', { nullable: true }),
    end: t.exposeInt('end', { nullable: true }),
  }),
});

/** A list of Graph enum values, each read as the schema's enum (unknown ones as such). */
const enumList = <Value extends string>(
  values: readonly string[] | null | undefined,
  graphEnum: { fromGraph: (value: string) => Value | 'unknownFutureValue' },
) => (values ?? []).map((value) => graphEnum.fromGraph(value));

const PrinterCapabilitiesRef = builder
  .objectRef<PrinterCapabilities>('PrinterShareCapabilities')
  .implement({
    description:
      'What the share can print: what createPrintJob checks a document and its configuration ' +
      'against before creating anything.',
    fields: (t) => ({
      contentTypes: t.stringList({
        description: 'The document types it accepts, e.g. application/pdf.',
        resolve: (can) => can.contentTypes ?? [],
      }),
      copiesPerJob: t.field({
        type: CopiesRangeRef,
        nullable: true,
        resolve: (can) =>
          can.copiesPerJob
            ? { start: can.copiesPerJob.start ?? null, end: can.copiesPerJob.end ?? null }
            : null,
      }),
      duplexModes: t.field({
        type: [PrintDuplexMode.ref],
        resolve: (can) => enumList(can.duplexModes, PrintDuplexMode),
      }),
      colorModes: t.field({
        type: [PrintColorMode.ref],
        resolve: (can) => enumList(can.colorModes, PrintColorMode),
      }),
      mediaSizes: t.stringList({ resolve: (can) => can.mediaSizes ?? [] }),
      orientations: t.field({
        type: [PrintOrientation.ref],
        resolve: (can) => enumList(can.orientations, PrintOrientation),
      }),
      qualities: t.field({
        type: [PrintQuality.ref],
        resolve: (can) => enumList(can.qualities, PrintQuality),
      }),
    }),
  });

const orNull = <Value extends string>(
  value: string | null | undefined,
  graphEnum: { fromGraph: (value: string) => Value | 'unknownFutureValue' },
) => (value == null ? null : graphEnum.fromGraph(value));

const PrinterDefaultsRef = builder.objectRef<PrinterDefaults>('PrinterShareDefaults').implement({
  description: 'What a job on this share gets for each setting its configuration leaves out.',
  fields: (t) => ({
    contentType: t.exposeString('contentType', { nullable: true }),
    copiesPerJob: t.exposeInt('copiesPerJob', { nullable: true }),
    duplexMode: t.field({
      type: PrintDuplexMode.ref,
      nullable: true,
      resolve: (defaults) => orNull(defaults.duplexMode, PrintDuplexMode),
    }),
    colorMode: t.field({
      type: PrintColorMode.ref,
      nullable: true,
      resolve: (defaults) => orNull(defaults.colorMode, PrintColorMode),
    }),
    mediaSize: t.exposeString('mediaSize', { nullable: true }),
    orientation: t.field({
      type: PrintOrientation.ref,
      nullable: true,
      resolve: (defaults) => orNull(defaults.orientation, PrintOrientation),
    }),
    quality: t.field({
      type: PrintQuality.ref,
      nullable: true,
      resolve: (defaults) => orNull(defaults.quality, PrintQuality),
    }),
  }),
});

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
      type: PrinterCapabilitiesRef,
      nullable: true,
      description: `Read on demand and kept for a short while per share (PRINTER_SHARE_CACHE_SECONDS).`,
      resolve: (share, _args, context) => capabilitiesOfShare(context, share),
    }),
    defaults: t.field({
      type: PrinterDefaultsRef,
      nullable: true,
      description: 'Read as capabilities are.',
      resolve: (share, _args, context) => defaultsOfShare(context, share),
    }),
  }),
});
