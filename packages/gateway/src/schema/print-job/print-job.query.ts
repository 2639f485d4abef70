import { readPrintJob } from '../../domain/reads.js';
import { builder } from '../builder.js';
import { GRAPH_ERRORS } from '../errors/error-types.js';
import { READ_ACCESS } from '../field-permissions.js';
import { PrintJobRef } from '../refs.js';
import { graphId } from '../validation.js';

builder.queryField('printJob', (t) =>
  t.field({
    type: PrintJobRef,
    description:
      'One print job, with its tasks. A person (Print.Release) sees only their own jobs: ' +
      "another person's is NotFoundError, exactly as a job that does not exist.",
    ...READ_ACCESS,
    errors: { types: [...GRAPH_ERRORS], union: { name: 'PrintJobResult' } },
    args: {
      printerId: t.arg.id({ required: true, validate: graphId }),
      id: t.arg.id({ required: true, validate: graphId }),
    },
    resolve: (_root, args, context) => readPrintJob(context, args.printerId, args.id),
  }),
);
