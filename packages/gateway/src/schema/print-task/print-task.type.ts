import type { PrintTask } from '@universal-print-gateway/graph-client';
import { readJobOfTask, readPrintTask, readTaskDefinition } from '../../domain/reads.js';
import { builder } from '../builder.js';
import { federatedEntity } from '../federation/entity.js';
import { READ_ACCESS_DECLARED } from '../field-permissions.js';
import { graphEnum } from '../graph-enum.js';
import { PrintJobRef, PrintTaskDefinitionRef, PrintTaskRef } from '../refs.js';

export const PrintTaskState = graphEnum(
  'PrintTaskState',
  ['pending', 'processing', 'completed', 'aborted', 'unknownFutureValue'],
  "Graph's printTaskProcessingState. A job waiting for release has a PROCESSING task.",
);

type PrintTaskStatus = NonNullable<PrintTask['status']>;

const PrintTaskStatusRef = builder.objectRef<PrintTaskStatus>('PrintTaskStatus').implement({
  fields: (t) => ({
    state: t.field({
      type: PrintTaskState.ref,
      resolve: (status) => PrintTaskState.fromGraph(status.state),
    }),
    description: t.exposeString('description', { nullable: true }),
  }),
});

PrintTaskRef.implement({
  ...READ_ACCESS_DECLARED,
  description:
    'Work Universal Print hands to the app that owns a task definition: release or abort a job.',
  fields: (t) => ({
    id: t.exposeID('id'),
    taskDefinitionId: t.exposeID('taskDefinitionId'),
    parentUrl: t.exposeString('parentUrl', {
      nullable: true,
      description: 'Graph URL of the print job that fired the task.',
    }),
    status: t.field({
      type: PrintTaskStatusRef,
      resolve: (task) => task.status ?? {},
    }),
    definition: t.field({
      type: PrintTaskDefinitionRef,
      nullable: true,
      resolve: (task, _args, context) => readTaskDefinition(context, task.taskDefinitionId),
    }),
    printJob: t.field({
      type: PrintJobRef,
      nullable: true,
      description: 'The job this task holds, resolved from parentUrl through the batcher.',
      resolve: (task, _args, context) => readJobOfTask(context, task),
    }),
  }),
});

// A person's reference to a task of another person's job resolves to null (NotFoundError).
federatedEntity(PrintTaskRef, ['taskDefinitionId', 'id'], ({ taskDefinitionId, id }, context) =>
  readPrintTask(context, taskDefinitionId, id),
);
