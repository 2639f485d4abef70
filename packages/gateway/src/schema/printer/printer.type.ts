import type { Printer } from '@universal-print-gateway/graph-client';
import { printerDevice } from '../../domain/printing/printer-devices.js';
import { pageVisiblePrinterJobs, readPrinter } from '../../domain/reads.js';
import { builder } from '../builder.js';
import { CONNECTION_DESCRIPTION, connectionOf, pageRequest } from '../connections.js';
import { GRAPH_ERRORS } from '../errors/error-types.js';
import { federatedEntity } from '../federation/entity.js';
import { graphEnum } from '../graph-enum.js';
import { PrinterRef, PrintJobRef } from '../refs.js';
import { capabilitiesType, defaultsType, PrinterLocationRef } from './printer-capabilities.type.js';

export const PrinterState = graphEnum(
  'PrinterState',
  ['unknown', 'idle', 'processing', 'stopped', 'unknownFutureValue'],
  "Graph's printerProcessingState.",
);

type PrinterStatus = NonNullable<Printer['status']>;

const PrinterStatusRef = builder.objectRef<PrinterStatus>('PrinterStatus').implement({
  fields: (t) => ({
    state: t.field({
      type: PrinterState.ref,
      resolve: (status) => PrinterState.fromGraph(status.state),
    }),
    description: t.exposeString('description', { nullable: true }),
    details: t.stringList({
      description:
        "Graph's printerProcessingStateDetail values, as Graph sends them (a long, growing list).",
      resolve: (status) => (status.details ?? []).map(String),
    }),
  }),
});

const PrinterCapabilitiesRef = capabilitiesType(
  'PrinterCapabilities',
  'What the printer can print: what redirectPrintJob and releasePrintJobs check a ' +
    'configuration against before sending anything.',
);

const PrinterDefaultsRef = defaultsType(
  'PrinterDefaults',
  'What a job on this printer gets for each setting its configuration leaves out.',
);

PrinterRef.implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    displayName: t.exposeString('displayName', { nullable: true }),
    manufacturer: t.exposeString('manufacturer', { nullable: true }),
    model: t.exposeString('model', { nullable: true }),
    isAcceptingJobs: t.boolean({ nullable: true, resolve: (p) => p.isAcceptingJobs ?? null }),
    hasPhysicalDevice: t.boolean({
      nullable: true,
      description: 'False for the virtual printers that pull printing uses.',
      resolve: (p) => p.hasPhysicalDevice ?? null,
    }),
    isShared: t.boolean({ nullable: true, resolve: (p) => p.isShared ?? null }),
    status: t.field({ type: PrinterStatusRef, resolve: (p) => p.status ?? {} }),
    location: t.field({
      type: PrinterLocationRef,
      nullable: true,
      description: 'Where the device is: building, floor, room, site, address.',
      resolve: (p) => p.location ?? null,
    }),
    lastSeenDateTime: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'When the device last talked to Universal Print; null for a printer with no device ' +
        '(a virtual release queue), or one never seen.',
      resolve: (p) => p.lastSeenDateTime ?? null,
    }),
    capabilities: t.field({
      type: PrinterCapabilitiesRef,
      nullable: true,
      description:
        'Read on demand (Graph answers them only when asked) and kept for a short while per ' +
        'printer (PRINTER_CAPABILITIES_CACHE_SECONDS); several printers in one request are one ' +
        'batched Graph read.',
      resolve: async (p, _args, context) =>
        p.capabilities ?? (await printerDevice(context, p.id)).capabilities ?? null,
    }),
    defaults: t.field({
      type: PrinterDefaultsRef,
      nullable: true,
      description: 'As Graph answered the printer; read as capabilities are when it did not.',
      resolve: async (p, _args, context) =>
        p.defaults ?? (await printerDevice(context, p.id)).defaults ?? null,
    }),
    jobs: t.connection(
      {
        type: PrintJobRef,
        description:
          "The printer's jobs with their tasks and document: what a release screen lists. A " +
          `person sees only their own. ${CONNECTION_DESCRIPTION}`,
        errors: { types: [...GRAPH_ERRORS], union: { name: 'PrinterJobsResult' } },
        resolve: async (printer, args, context) =>
          connectionOf(await pageVisiblePrinterJobs(context, printer.id, pageRequest(args))),
      },
      { name: 'PrintJobConnection' },
      { name: 'PrintJobEdge' },
    ),
  }),
});

federatedEntity(PrinterRef, ['id'], ({ id }, context) => readPrinter(context, id));
