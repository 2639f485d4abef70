import { getPrintJob, parsePrintJobUrl } from '../../graph/print-jobs.js';
import { getPrintTask } from '../../graph/print-tasks.js';
import type { PrintTask } from '../../graph/resources.js';
import { getTaskDefinition } from '../../graph/task-definitions.js';
import { builder } from '../builder.js';
import { federatedEntity } from '../federation/entity.js';
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
      resolve: (task, _args, { graph }) => getTaskDefinition(graph, task.taskDefinitionId),
    }),
    printJob: t.field({
      type: PrintJobRef,
      nullable: true,
      description: 'The job this task holds, resolved from parentUrl through the batcher.',
      resolve: (task, _args, { graph }) => {
        const job = parsePrintJobUrl(task.parentUrl);
        return job ? getPrintJob(graph, job.printerId, job.printJobId) : null;
      },
    }),
  }),
});

federatedEntity(PrintTaskRef, ['taskDefinitionId', 'id'], ({ taskDefinitionId, id }, { graph }) =>
  getPrintTask(graph, taskDefinitionId, id),
);
