import { pageJobsWaitingAt } from '../../domain/release/jobs-waiting-at-device.js';
import { waitingJobsOwner } from '../../domain/release/waiting-jobs.js';
import { builder } from '../builder.js';
import { CONNECTION_DESCRIPTION, connectionOf, pageRequest } from '../connections.js';
import { GRAPH_ERRORS } from '../errors/error-types.js';
import { READ_ACCESS } from '../field-permissions.js';
import { PrintJobRef } from '../refs.js';
import { graphId } from '../validation.js';
import { releaseMethodEdge, WAITING_AT_PRINTER } from './release-method.type.js';

builder.queryField('myPrintJobs', (t) =>
  t.connection(
    {
      type: PrintJobRef,
      description:
        "The signed-in person's print jobs that wait for release. " +
        WAITING_AT_PRINTER +
        'For people (Print.Release); any other caller gets ForbiddenError. ' +
        CONNECTION_DESCRIPTION,
      ...READ_ACCESS,
      errors: { types: [...GRAPH_ERRORS], union: { name: 'MyPrintJobsResult' } },
      args: { printerId: t.arg.id({ validate: graphId }) },
      resolve: async (_root, args, context) => {
        const owner = waitingJobsOwner(context.caller, null);
        const page = await pageJobsWaitingAt(context, owner, {
          ...pageRequest(args),
          printerId: args.printerId ?? null,
        });
        return connectionOf(page);
      },
    },
    { name: 'WaitingPrintJobConnection' },
    releaseMethodEdge('WaitingPrintJobEdge'),
  ),
);
