import { z } from 'zod';
import {
  callsForTaskReport,
  refuseWrites,
  reportTaskState,
  type TaskReportRequest,
  type WriteContext,
} from '../../access/writes.js';
import type { ReportableTaskState } from '../../graph/resources/print-tasks.js';
import type { PrintTask } from '../../graph/resources/types.js';
import { IDEMPOTENCY_ERRORS } from '../../idempotency/errors.js';
import { WRITE_ACCESS } from '../access.js';
import { builder } from '../builder.js';
import { BULK_LIST_ERRORS, keyedBulkWrite, writeEach } from '../bulk-writes.js';
import { GRAPH_WRITE_ERRORS } from '../errors/error-types.js';
import { BULK_IDEMPOTENCY_KEY, IDEMPOTENCY_KEY } from '../idempotency-key.js';
import { PrintTaskRef } from '../refs.js';
import {
  boundedText,
  bulkInputs,
  entraObjectId,
  graphId,
  idempotencyKey,
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

builder.mutationFields((t) => ({
  updatePrintTask: t.field({
    type: UpdatePrintTaskSuccess,
    description:
      "Reports a task's state to Universal Print (Graph PATCH …/tasks/{id}). Completing the " +
      'task releases its job to print. A person reports only on the tasks of their own jobs: ' +
      "another's is NotFoundError, and nothing is sent.",
    ...WRITE_ACCESS,
    unauthorizedResolver: (_root, { input }, context, _info, error) => {
      throw refuseWrites(context, 'updatePrintTask', [taskTarget(input)], error);
    },
    errors: {
      types: [...GRAPH_WRITE_ERRORS, ...IDEMPOTENCY_ERRORS],
      union: { name: 'UpdatePrintTaskResult' },
    },
    args: {
      input: t.arg({ type: UpdatePrintTaskInput, required: true }),
      idempotencyKey: t.arg.string({ validate: idempotencyKey, description: IDEMPOTENCY_KEY }),
    },
    resolve: (_root, { input, idempotencyKey }, context) =>
      context.idempotency.run(context.caller, 'updatePrintTask', idempotencyKey, input, () =>
        updateOne(context, input),
      ),
  }),
  updatePrintTasks: t.field({
    type: [UpdatePrintTaskSuccess],
    description:
      `updatePrintTask for up to ${MAX_BULK_ITEMS} tasks at once, sent through Graph $batch. ` +
      'Each item has its own result in input order; one failing never fails the others. ' +
      'Invalid input rejects the whole list before anything is sent, and so does a request ' +
      'budget of Graph calls that cannot cover it (CallBudgetExceededError), ownership reads ' +
      'included.',
    ...WRITE_ACCESS,
    unauthorizedResolver: (_root, { inputs }, context, _info, error) => {
      throw refuseWrites(context, 'updatePrintTask', inputs.map(taskTarget), error);
    },
    errors: {
      types: [...BULK_LIST_ERRORS],
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
      idempotencyKey: t.arg.string({ validate: idempotencyKey, description: BULK_IDEMPOTENCY_KEY }),
    },
    resolve: (_root, { inputs, idempotencyKey }, context) =>
      keyedBulkWrite(context, 'updatePrintTasks', idempotencyKey, inputs, () =>
        writeEach(
          context,
          inputs,
          (input) => callsForTaskReport(context.caller, taskReport(input)),
          updateOne,
        ),
      ),
  }),
}));
