import { readPrintJob } from '../../domain/reads.js';
import {
  type AbortRequest,
  abortJob,
  callsForAbort,
  type WriteContext,
} from '../../domain/writes.js';
import { builder } from '../builder.js';
import { PrintJobRef } from '../refs.js';
import {
  boundedText,
  entraObjectId,
  graphId,
  MAX_BULK_ITEMS,
  MAX_REASON_LENGTH,
} from '../validation.js';
import { bulkWriteMutation, writeMutation } from '../write-mutation.js';

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

async function abortOne(context: WriteContext, input: AbortRequest): Promise<AbortedJob> {
  await abortJob(context, input);
  return { printerId: input.printerId, printJobId: input.printJobId };
}

const audit = { operation: 'abortPrintJob', target: abortTarget } as const;

writeMutation('abortPrintJob', {
  description:
    'Aborts a job waiting for release (Graph POST …/jobs/{id}/abort). Graph allows it only ' +
    'while the job has a PROCESSING task from a trigger of the gateway app; otherwise ' +
    'ConflictError (no such task) or PermissionDeniedError (another app’s task). A person ' +
    "aborts only their own jobs: another's is NotFoundError, and nothing is sent.",
  input: AbortPrintJobInput,
  result: AbortPrintJobSuccess,
  audit,
  write: abortOne,
});

bulkWriteMutation('abortPrintJobs', {
  description:
    `abortPrintJob for up to ${MAX_BULK_ITEMS} jobs at once, sent through Graph $batch. Each ` +
    'item has its own result in input order; one failing never fails the others. Invalid ' +
    'input rejects the whole list before anything is sent, and so does a request budget of ' +
    'Graph calls that cannot cover it (CallBudgetExceededError), ownership reads included.',
  input: AbortPrintJobInput,
  result: AbortPrintJobSuccess,
  audit,
  callsFor: callsForAbort,
  write: abortOne,
});
