import { CallBudgetExceededError, InvalidInputError } from '../../errors.js';
import { abortPrintJob, getPrintJob } from '../../graph/print-jobs.js';
import type { GraphSession } from '../../graph/session.js';
import { builder } from '../builder.js';
import { GRAPH_WRITE_ERRORS } from '../errors/error-types.js';
import { PrintJobRef } from '../refs.js';
import { settleItems } from '../settle-items.js';
import {
  boundedText,
  bulkInputs,
  graphId,
  MAX_BULK_ITEMS,
  MAX_REASON_LENGTH,
} from '../validation.js';

const AbortPrintJobInput = builder.inputType('AbortPrintJobInput', {
  fields: (t) => ({
    printerId: t.id({ required: true, validate: graphId }),
    printJobId: t.id({ required: true, validate: graphId }),
    reason: t.string({ validate: boundedText(MAX_REASON_LENGTH) }),
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
      resolve: (aborted, _args, { graph }) =>
        getPrintJob(graph, aborted.printerId, aborted.printJobId),
    }),
  }),
});

type AbortPrintJobArgs = typeof AbortPrintJobInput.$inferInput;

async function abortOne(graph: GraphSession, input: AbortPrintJobArgs): Promise<AbortedJob> {
  await abortPrintJob(graph, input.printerId, input.printJobId, input.reason);
  return { printerId: input.printerId, printJobId: input.printJobId };
}

builder.mutationFields((t) => ({
  abortPrintJob: t.field({
    type: AbortPrintJobSuccess,
    description:
      'Aborts a job waiting for release (Graph POST …/jobs/{id}/abort). Graph allows it only ' +
      'while the job has a PROCESSING task from a trigger of the gateway app; otherwise ' +
      'ConflictError (no such task) or PermissionDeniedError (another app’s task).',
    errors: { types: [...GRAPH_WRITE_ERRORS], union: { name: 'AbortPrintJobResult' } },
    args: { input: t.arg({ type: AbortPrintJobInput, required: true }) },
    resolve: (_root, { input }, { graph }) => abortOne(graph, input),
  }),
  abortPrintJobs: t.field({
    type: [AbortPrintJobSuccess],
    description:
      `abortPrintJob for up to ${MAX_BULK_ITEMS} jobs at once, sent through Graph $batch. Each ` +
      'item has its own result in input order; one failing never fails the others. Invalid ' +
      'input rejects the whole list before anything is sent, and so does a request budget of ' +
      'Graph calls that cannot cover it (CallBudgetExceededError).',
    errors: {
      types: [InvalidInputError, CallBudgetExceededError],
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
    },
    resolve: (_root, { inputs }, { graph }) => {
      // The whole list's calls or none: a list half sent for want of budget is worse than one
      // refused (CallBudgetExceededError for the field).
      const prepaid = graph.reserve(inputs.length);
      // Every item started in this tick so their calls share envelopes, and all settled before
      // the field resolves (settle-items.ts says why); a rejected item is that item's typed error.
      return settleItems(
        inputs.map((input) => abortOne(prepaid, input)),
        GRAPH_WRITE_ERRORS,
      );
    },
  }),
}));
