/** Print tasks: where a pull-print release app reads and completes the work Graph hands it. */
import { graphPath } from '../call.js';
import type { GraphSession } from '../session.js';
import type { CollectionAddress, PagePosition } from './page-cursor.js';
import { type ConnectionPage, readConnectionPage } from './paged-read.js';
import type { PrintTask } from './types.js';

type GraphTask = Omit<PrintTask, 'taskDefinitionId'>;

/** The states a caller may report; Graph rejects `pending` and `unknownFutureValue`. */
export type ReportableTaskState = 'processing' | 'completed' | 'aborted';

export interface PrintTaskStatusUpdate {
  state: ReportableTaskState;
  description?: string | null | undefined;
}

const withDefinition =
  (taskDefinitionId: string) =>
  (task: GraphTask): PrintTask => ({ ...task, taskDefinitionId });

export async function getPrintTask(
  graph: GraphSession,
  taskDefinitionId: string,
  taskId: string,
): Promise<PrintTask> {
  const task = await graph.call<GraphTask>({
    method: 'GET',
    url: graphPath`/print/taskDefinitions/${taskDefinitionId}/tasks/${taskId}`,
  });
  return withDefinition(taskDefinitionId)(task);
}

/** `PrintTaskDefinition.tasks`: the collection its cursors must point into (no `$top` here). */
export const definitionTasksCollection = (taskDefinitionId: string): CollectionAddress => ({
  path: graphPath`/print/taskDefinitions/${taskDefinitionId}/tasks`,
  query: {},
});

/** One connection page of a definition's tasks; `keep` filters each Graph page (ownership). */
export function pagePrintTasks(
  graph: GraphSession,
  taskDefinitionId: string,
  page: {
    start: PagePosition | null;
    first: number;
    keep?: (tasks: readonly PrintTask[]) => Promise<readonly boolean[]>;
    maxGraphPages?: number;
  },
): Promise<ConnectionPage<PrintTask>> {
  return readConnectionPage<GraphTask, PrintTask>(graph, {
    collection: definitionTasksCollection(taskDefinitionId),
    toItem: withDefinition(taskDefinitionId),
    ...page,
  });
}

/**
 * `PATCH …/tasks/{id}`: completing the task releases the job; Graph answers with the task.
 * Resolves with it and Graph's `request-id`, for the audit log.
 */
export async function updatePrintTaskStatus(
  graph: GraphSession,
  taskDefinitionId: string,
  taskId: string,
  status: PrintTaskStatusUpdate,
): Promise<{ printTask: PrintTask; requestId: string | null }> {
  const { body: task, requestId } = await graph.answered<GraphTask>({
    method: 'PATCH',
    url: graphPath`/print/taskDefinitions/${taskDefinitionId}/tasks/${taskId}`,
    body: {
      status: {
        state: status.state,
        ...(status.description == null ? {} : { description: status.description }),
      },
    },
  });
  return { printTask: withDefinition(taskDefinitionId)(task), requestId };
}
