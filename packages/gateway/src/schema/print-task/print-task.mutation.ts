import type { PrintTask, ReportableTaskState } from '@universal-print-gateway/graph-client';
import { z } from 'zod';
import {
  callsForTaskReport,
  reportTaskState,
  type TaskReportRequest,
  type WriteContext,
} from '../../domain/writes.js';
import { builder } from '../builder.js';
import { PrintTaskRef } from '../refs.js';
import {
  boundedText,
  entraObjectId,
  graphId,
  MAX_BULK_ITEMS,
  MAX_DESCRIPTION_LENGTH,
} from '../validation.js';
import { bulkWriteMutation, writeMutation } from '../write-mutation.js';
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
    onBehalfOf: t.id({
      validate: entraObjectId,
      description:
        'The Entra object id of the person a release station acts for (e.g. who badged in). ' +
        "The task's job must be theirs, or the result is NotFoundError and nothing is sent. A " +
        'person may name only themselves (ForbiddenError otherwise).',
    }),
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

const taskReport = (input: UpdatePrintTaskArgs): TaskReportRequest => ({
  taskDefinitionId: input.taskDefinitionId,
  taskId: input.taskId,
  // Validation admitted only the reportable states.
  status: {
    state: input.status.state as ReportableTaskState,
    description: input.status.description,
  },
  onBehalfOf: input.onBehalfOf,
});

const taskTarget = (input: UpdatePrintTaskArgs) => ({
  target: {
    taskDefinitionId: input.taskDefinitionId,
    taskId: input.taskId,
    state: input.status.state,
  },
  onBehalfOf: input.onBehalfOf,
});

async function updateOne(context: WriteContext, input: UpdatePrintTaskArgs) {
  return { printTask: await reportTaskState(context, taskReport(input)) };
}

const audit = { operation: 'updatePrintTask', target: taskTarget } as const;

writeMutation('updatePrintTask', {
  description:
    "Reports a task's state to Universal Print (Graph PATCH …/tasks/{id}). Completing the " +
    'task releases its job to print. A person reports only on the tasks of their own jobs: ' +
    "another's is NotFoundError, and nothing is sent.",
  input: UpdatePrintTaskInput,
  result: UpdatePrintTaskSuccess,
  audit,
  write: updateOne,
});

bulkWriteMutation('updatePrintTasks', {
  description:
    `updatePrintTask for up to ${MAX_BULK_ITEMS} tasks at once, sent through Graph $batch. ` +
    'Each item has its own result in input order; one failing never fails the others. ' +
    'Invalid input rejects the whole list before anything is sent, and so does a request ' +
    'budget of Graph calls that cannot cover it (CallBudgetExceededError), ownership reads ' +
    'included.',
  input: UpdatePrintTaskInput,
  result: UpdatePrintTaskSuccess,
  audit,
  callsFor: (caller, input) => callsForTaskReport(caller, taskReport(input)),
  write: updateOne,
});
