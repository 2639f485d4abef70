import { abortPrintJob, getPrintJob } from '../../graph/print-jobs.js';
import { builder } from '../builder.js';
import { GRAPH_WRITE_ERRORS } from '../errors/error-types.js';
import { PrintJobRef } from '../refs.js';
import { boundedText, graphId, MAX_REASON_LENGTH } from '../validation.js';

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

builder.mutationField('abortPrintJob', (t) =>
  t.field({
    type: AbortPrintJobSuccess,
    description:
      'Aborts a job waiting for release (Graph POST …/jobs/{id}/abort). Graph allows it only ' +
      'while the job has a PROCESSING task from a trigger of the gateway app; otherwise ' +
      'ConflictError (no such task) or PermissionDeniedError (another app’s task).',
    errors: { types: [...GRAPH_WRITE_ERRORS], union: { name: 'AbortPrintJobResult' } },
    args: { input: t.arg({ type: AbortPrintJobInput, required: true }) },
    resolve: async (_root, { input }, { graph }) => {
      await abortPrintJob(graph, input.printerId, input.printJobId, input.reason);
      return { printerId: input.printerId, printJobId: input.printJobId };
    },
  }),
);
