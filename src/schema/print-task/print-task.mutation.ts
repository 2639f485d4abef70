import { z } from 'zod';
import { updatePrintTaskStatus } from '../../graph/print-tasks.js';
import type { PrintTask } from '../../graph/resources.js';
import { builder } from '../builder.js';
import { GRAPH_WRITE_ERRORS } from '../errors/error-types.js';
import { PrintTaskRef } from '../refs.js';
import { boundedText, graphId, MAX_DESCRIPTION_LENGTH } from '../validation.js';
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

builder.mutationField('updatePrintTask', (t) =>
  t.field({
    type: UpdatePrintTaskSuccess,
    description:
      "Reports a task's state to Universal Print (Graph PATCH …/tasks/{id}). Completing the " +
      'task releases its job to print.',
    errors: { types: [...GRAPH_WRITE_ERRORS], union: { name: 'UpdatePrintTaskResult' } },
    args: { input: t.arg({ type: UpdatePrintTaskInput, required: true }) },
    resolve: async (_root, { input }, { graph }) => ({
      printTask: await updatePrintTaskStatus(graph, input.taskDefinitionId, input.taskId, {
        state: input.status.state as 'processing' | 'completed' | 'aborted',
        description: input.status.description,
      }),
    }),
  }),
);
