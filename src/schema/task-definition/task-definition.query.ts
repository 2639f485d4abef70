import { getTaskDefinition, listTaskDefinitions } from '../../graph/task-definitions.js';
import { builder } from '../builder.js';
import { GRAPH_ERRORS } from '../errors/error-types.js';
import { PrintTaskDefinitionRef } from '../refs.js';
import { graphId } from '../validation.js';

builder.queryFields((t) => ({
  printTaskDefinitions: t.field({
    type: [PrintTaskDefinitionRef],
    description: 'The task definitions the gateway app created (Graph lists only those).',
    resolve: (_root, _args, { graph }) => listTaskDefinitions(graph),
  }),
  printTaskDefinition: t.field({
    type: PrintTaskDefinitionRef,
    errors: { types: [...GRAPH_ERRORS], union: { name: 'PrintTaskDefinitionResult' } },
    args: { id: t.arg.id({ required: true, validate: graphId }) },
    resolve: (_root, args, { graph }) => getTaskDefinition(graph, args.id),
  }),
}));
