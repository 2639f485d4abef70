import { readPrintJob } from '../../access/reads.js';
import { type AbortRequest, abortJob, callsForAbort, refuseWrites } from '../../access/writes.js';
import { IDEMPOTENCY_ERRORS } from '../../idempotency/errors.js';
import { WRITE_ACCESS } from '../access.js';
import { builder } from '../builder.js';
import { BULK_LIST_ERRORS, keyedBulkWrite, writeEach } from '../bulk-writes.js';
import { GRAPH_WRITE_ERRORS } from '../errors/error-types.js';
import { BULK_IDEMPOTENCY_KEY, IDEMPOTENCY_KEY } from '../idempotency-key.js';
import { PrintJobRef } from '../refs.js';
import {
  boundedText,
  bulkInputs,
  entraObjectId,
  graphId,
  idempotencyKey,
  MAX_BULK_ITEMS,
  MAX_REASON_LENGTH,
} from '../validation.js';

const AbortPrintJobInput = builder.inputType('AbortPrintJobInput', {
  fields: (t) => ({
    printerId: t.id({ required: true, validate: graphId }),
    printJobId: t.id({ required: true, validate: graphId }),
    reason: t.string({ validate: boundedText(MAX_REASON_LENGTH) }),
    onBehalfOf: t.id({
      validate: entraObjectId,
      description:
        'The Entra object id of the person a release station acts for (e.g. who badged in). ' +
        'The job must be theirs, or the result is NotFoundError and nothing is sent. A person ' +
        'may name only themselves (ForbiddenError otherwise).',
    }),
  }),
});

interface AbortedJob {
  printerId: string;
  printJobId: string;
}

const AbortPrintJobSuccess = builder.objectRef<AbortedJob>('AbortPrintJobSuccess').implement({
  fields: (t) => ({
    printerId: t.exposeID('printerId'),
    printJobId: t.exposeID('printJobId'),
    printJob: t.field({
      type: PrintJobRef,
      nullable: true,
      description: 'The job as it stands after the abort, read back through the batcher.',
      resolve: (aborted, _args, context) =>
        readPrintJob(context, aborted.printerId, aborted.printJobId),
    }),
  }),
});

const abortTarget = (input: AbortRequest) => ({
  target: { printerId: input.printerId, printJobId: input.printJobId },
  onBehalfOf: input.onBehalfOf,
});

builder.mutationFields((t) => ({
  abortPrintJob: t.field({
    type: AbortPrintJobSuccess,
    description:
      'Aborts a job waiting for release (Graph POST …/jobs/{id}/abort). Graph allows it only ' +
      'while the job has a PROCESSING task from a trigger of the gateway app; otherwise ' +
      'ConflictError (no such task) or PermissionDeniedError (another app’s task). A person ' +
      "aborts only their own jobs: another's is NotFoundError, and nothing is sent.",
    ...WRITE_ACCESS,
    unauthorizedResolver: (_root, { input }, context, _info, error) => {
      throw refuseWrites(context, 'abortPrintJob', [abortTarget(input)], error);
    },
    errors: {
      types: [...GRAPH_WRITE_ERRORS, ...IDEMPOTENCY_ERRORS],
      union: { name: 'AbortPrintJobResult' },
    },
    args: {
      input: t.arg({ type: AbortPrintJobInput, required: true }),
      idempotencyKey: t.arg.string({ validate: idempotencyKey, description: IDEMPOTENCY_KEY }),
    },
    resolve: (_root, { input, idempotencyKey }, context) =>
      context.idempotency.run(context.caller, 'abortPrintJob', idempotencyKey, input, async () => {
        await abortJob(context, input);
        return { printerId: input.printerId, printJobId: input.printJobId };
      }),
  }),
  abortPrintJobs: t.field({
    type: [AbortPrintJobSuccess],
    description:
      `abortPrintJob for up to ${MAX_BULK_ITEMS} jobs at once, sent through Graph $batch. Each ` +
      'item has its own result in input order; one failing never fails the others. Invalid ' +
      'input rejects the whole list before anything is sent, and so does a request budget of ' +
      'Graph calls that cannot cover it (CallBudgetExceededError), ownership reads included.',
    ...WRITE_ACCESS,
    unauthorizedResolver: (_root, { inputs }, context, _info, error) => {
      throw refuseWrites(context, 'abortPrintJob', inputs.map(abortTarget), error);
    },
    errors: {
      types: [...BULK_LIST_ERRORS],
      union: { name: 'AbortPrintJobsResult' },
      result: { name: 'AbortPrintJobsSuccess' },
      dataField: { name: 'results' },
    },
    itemErrors: {
      types: [...GRAPH_WRITE_ERRORS],
      union: { name: 'AbortPrintJobsItemResult' },
      directResult: true,
    },
    args: {
      inputs: t.arg({ type: [AbortPrintJobInput], required: true, validate: bulkInputs }),
      idempotencyKey: t.arg.string({ validate: idempotencyKey, description: BULK_IDEMPOTENCY_KEY }),
    },
    resolve: (_root, { inputs, idempotencyKey }, context) =>
      keyedBulkWrite(context, 'abortPrintJobs', idempotencyKey, inputs, () =>
        writeEach(
          context,
          inputs,
          (input) => callsForAbort(context.caller, input),
          async (prepaid, input) => {
            await abortJob(prepaid, input);
            return { printerId: input.printerId, printJobId: input.printJobId };
          },
        ),
      ),
  }),
}));
