import { readTaskDefinition, readTaskDefinitions } from '../../domain/reads.js';
import { builder } from '../builder.js';
import { GRAPH_ERRORS } from '../errors/error-types.js';
import { READ_ACCESS } from '../field-permissions.js';
import { PrintTaskDefinitionRef } from '../refs.js';
import { graphId } from '../validation.js';

builder.queryFields((t) => ({
  printTaskDefinitions: t.field({
    type: [PrintTaskDefinitionRef],
    description:
      'The task definitions the gateway app created (Graph lists only those). Without a result ' +
      'union: a caller without permission gets a top-level FORBIDDEN error.',
    ...READ_ACCESS,
    resolve: (_root, _args, context) => readTaskDefinitions(context),
  }),
  printTaskDefinition: t.field({
    type: PrintTaskDefinitionRef,
    ...READ_ACCESS,
    errors: { types: [...GRAPH_ERRORS], union: { name: 'PrintTaskDefinitionResult' } },
    args: { id: t.arg.id({ required: true, validate: graphId }) },
    resolve: (_root, args, context) => readTaskDefinition(context, args.id),
  }),
}));
