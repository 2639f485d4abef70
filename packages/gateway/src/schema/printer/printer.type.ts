import type { Printer } from '@universal-print-gateway/graph-client';
import { pageVisiblePrinterJobs, readPrinter } from '../../domain/reads.js';
import { builder } from '../builder.js';
import { CONNECTION_DESCRIPTION, connectionOf, pageRequest } from '../connections.js';
import { GRAPH_ERRORS } from '../errors/error-types.js';
import { federatedEntity } from '../federation/entity.js';
import { graphEnum } from '../graph-enum.js';
import { PrinterRef, PrintJobRef } from '../refs.js';

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
