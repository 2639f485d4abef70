import { pageWaitingJobs, waitingJobsOwner } from '../../domain/waiting-jobs.js';
import { builder } from '../builder.js';
import { CONNECTION_DESCRIPTION, connectionOf, pageRequest } from '../connections.js';
import { GRAPH_ERRORS } from '../errors/error-types.js';
import { READ_ACCESS } from '../field-permissions.js';
import { PrintJobRef } from '../refs.js';
import { graphId } from '../validation.js';

builder.queryField('myPrintJobs', (t) =>
  t.connection(
    {
      type: PrintJobRef,
      description:
        "The signed-in person's print jobs that wait for release (a processing task from the " +
        "gateway's task definitions), on every printer whose trigger points at the gateway, or " +
        'on `printerId` only. For people (Print.Release); any other caller gets ForbiddenError. ' +
        CONNECTION_DESCRIPTION,
      ...READ_ACCESS,
      errors: { types: [...GRAPH_ERRORS], union: { name: 'MyPrintJobsResult' } },
      args: { printerId: t.arg.id({ validate: graphId }) },
      resolve: async (_root, args, context) => {
        const owner = waitingJobsOwner(context.caller, null);
        const page = await pageWaitingJobs(context, owner, {
          ...pageRequest(args),
          printerId: args.printerId ?? null,
        });
        return connectionOf(page);
      },
    },
    { name: 'WaitingPrintJobConnection' },
    { name: 'WaitingPrintJobEdge' },
  ),
);
