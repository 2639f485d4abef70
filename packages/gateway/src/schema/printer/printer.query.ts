import { readPrinter } from '../../domain/reads.js';
import { builder } from '../builder.js';
import { GRAPH_ERRORS } from '../errors/error-types.js';
import { READ_ACCESS } from '../field-permissions.js';
import { PrinterRef } from '../refs.js';
import { graphId } from '../validation.js';

builder.queryField('printer', (t) =>
  t.field({
    type: PrinterRef,
    ...READ_ACCESS,
    errors: { types: [...GRAPH_ERRORS], union: { name: 'PrinterResult' } },
    args: { id: t.arg.id({ required: true, validate: graphId }) },
    resolve: (_root, args, context) => readPrinter(context, args.id),
  }),
);
