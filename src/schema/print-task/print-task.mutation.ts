import { z } from 'zod';
import { CallBudgetExceededError, InvalidInputError } from '../../errors.js';
import { type ReportableTaskState, updatePrintTaskStatus } from '../../graph/print-tasks.js';
import type { PrintTask } from '../../graph/resources.js';
import type { GraphSession } from '../../graph/session.js';
import { builder } from '../builder.js';
import { GRAPH_WRITE_ERRORS } from '../errors/error-types.js';
import { PrintTaskRef } from '../refs.js';
import { settleItems } from '../settle-items.js';
import {
  boundedText,
  bulkInputs,
  graphId,
  MAX_BULK_ITEMS,
  MAX_DESCRIPTION_LENGTH,
} from '../validation.js';
import { PrintTaskState } from './print-task.type.js';

const PrintTaskStatusInput = builder.inputType('PrintTaskStatusInput', {
  fields: (t) => ({
    state: t.field({
      type: PrintTaskState.ref,
      required: true,
      description:
        'COMPLETED releases the job; ABORTED declines it; PROCESSING only updates the description.',
      validate: z.enum(['processing', 'completed', 'aborted'], {
        message: 'must be PROCESSING, COMPLETED or ABORTED',
      }),
    }),
    description: t.string({ validate: boundedText(MAX_DESCRIPTION_LENGTH) }),
  }),
});

const UpdatePrintTaskInput = builder.inputType('UpdatePrintTaskInput', {
  fields: (t) => ({
    taskDefinitionId: t.id({ required: true, validate: graphId }),
    taskId: t.id({ required: true, validate: graphId }),
    status: t.field({ type: PrintTaskStatusInput, required: true }),
  }),
});

const UpdatePrintTaskSuccess = builder
  .objectRef<{ printTask: PrintTask }>('UpdatePrintTaskSuccess')
  .implement({
    fields: (t) => ({
      printTask: t.field({ type: PrintTaskRef, resolve: (result) => result.printTask }),
    }),
  });

type UpdatePrintTaskArgs = typeof UpdatePrintTaskInput.$inferInput;

async function updateOne(graph: GraphSession, input: UpdatePrintTaskArgs) {
  const printTask = await updatePrintTaskStatus(graph, input.taskDefinitionId, input.taskId, {
    state: input.status.state as ReportableTaskState,
    description: input.status.description,
  });
  return { printTask };
}

builder.mutationFields((t) => ({
  updatePrintTask: t.field({
    type: UpdatePrintTaskSuccess,
    description:
      "Reports a task's state to Universal Print (Graph PATCH …/tasks/{id}). Completing the " +
      'task releases its job to print.',
    errors: { types: [...GRAPH_WRITE_ERRORS], union: { name: 'UpdatePrintTaskResult' } },
    args: { input: t.arg({ type: UpdatePrintTaskInput, required: true }) },
    resolve: (_root, { input }, { graph }) => updateOne(graph, input),
  }),
  updatePrintTasks: t.field({
    type: [UpdatePrintTaskSuccess],
    description:
      `updatePrintTask for up to ${MAX_BULK_ITEMS} tasks at once, sent through Graph $batch. ` +
      'Each item has its own result in input order; one failing never fails the others. ' +
      'Invalid input rejects the whole list before anything is sent, and so does a request ' +
      'budget of Graph calls that cannot cover it (CallBudgetExceededError).',
    errors: {
      types: [InvalidInputError, CallBudgetExceededError],
      union: { name: 'UpdatePrintTasksResult' },
      result: { name: 'UpdatePrintTasksSuccess' },
      dataField: { name: 'results' },
    },
    itemErrors: {
      types: [...GRAPH_WRITE_ERRORS],
      union: { name: 'UpdatePrintTasksItemResult' },
      directResult: true,
    },
    args: {
      inputs: t.arg({ type: [UpdatePrintTaskInput], required: true, validate: bulkInputs }),
    },
    resolve: (_root, { inputs }, { graph }) => {
      // The whole list's calls or none: a list half sent for want of budget is worse than one
      // refused (CallBudgetExceededError for the field).
      const prepaid = graph.reserve(inputs.length);
      // Every item started in this tick so their calls share envelopes, and all settled before
      // the field resolves (settle-items.ts says why); a rejected item is that item's typed error.
      return settleItems(
        inputs.map((input) => updateOne(prepaid, input)),
        GRAPH_WRITE_ERRORS,
      );
    },
  }),
}));
