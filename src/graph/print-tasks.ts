/** Print tasks: where a pull-print release app reads and completes the work Graph hands it. */
import { graphPath } from './call.js';
import type { Collection, PrintTask } from './resources.js';
import type { GraphSession } from './session.js';

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

export async function listPrintTasks(
  graph: GraphSession,
  taskDefinitionId: string,
): Promise<PrintTask[]> {
  const tasks = await graph.call<Collection<GraphTask>>({
    method: 'GET',
    url: graphPath`/print/taskDefinitions/${taskDefinitionId}/tasks`,
  });
  return tasks.value.map(withDefinition(taskDefinitionId));
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
