import { getPrintJob } from '../../graph/print-jobs.js';
import { builder } from '../builder.js';
import { GRAPH_ERRORS } from '../errors/error-types.js';
import { PrintJobRef } from '../refs.js';
import { graphId } from '../validation.js';

builder.queryField('printJob', (t) =>
  t.field({
    type: PrintJobRef,
    description: 'One print job, with its tasks.',
    errors: { types: [...GRAPH_ERRORS], union: { name: 'PrintJobResult' } },
    args: {
      printerId: t.arg.id({ required: true, validate: graphId }),
      id: t.arg.id({ required: true, validate: graphId }),
    },
    resolve: (_root, args, { graph }) => getPrintJob(graph, args.printerId, args.id),
  }),
);
