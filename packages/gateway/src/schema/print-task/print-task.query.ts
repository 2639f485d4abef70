import { readPrintTask } from '../../domain/reads.js';
import { builder } from '../builder.js';
import { GRAPH_ERRORS } from '../errors/error-types.js';
import { READ_ACCESS } from '../field-permissions.js';
import { PrintTaskRef } from '../refs.js';
import { graphId } from '../validation.js';

builder.queryField('printTask', (t) =>
  t.field({
    type: PrintTaskRef,
    description:
      'One print task of a task definition the gateway app owns. A person sees only the tasks ' +
      'of their own jobs.',
    ...READ_ACCESS,
    errors: { types: [...GRAPH_ERRORS], union: { name: 'PrintTaskResult' } },
    args: {
      taskDefinitionId: t.arg.id({ required: true, validate: graphId }),
      id: t.arg.id({ required: true, validate: graphId }),
    },
    resolve: (_root, args, context) => readPrintTask(context, args.taskDefinitionId, args.id),
  }),
);
