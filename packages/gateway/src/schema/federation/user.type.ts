/**
 * The company's `User` entity, owned by another subgraph and keyed there by the Entra object id
 * (`id` = the token's `oid`, docs/federation.md). This subgraph contributes the user's print
 * jobs waiting for release. A person may ask only for themselves (another user's is
 * ForbiddenError); a caller that may read every job (Print.Read.All, Print.Release.All) may ask
 * for anyone.
 */
import { pageJobsWaitingAt } from '../../domain/release/jobs-waiting-at-device.js';
import { waitingJobsOwner } from '../../domain/release/waiting-jobs.js';
import { builder } from '../builder.js';
import { CONNECTION_DESCRIPTION, connectionOf, pageRequest } from '../connections.js';
import { GRAPH_ERRORS } from '../errors/error-types.js';
import { READ_ACCESS } from '../field-permissions.js';
import { releaseMethodEdge, WAITING_AT_PRINTER } from '../print-job/release-method.type.js';
import { PrintJobRef } from '../refs.js';
import { graphId } from '../validation.js';

const UserRef = builder.externalRef('User', builder.selection<{ id: string }>('id'));

UserRef.implement({
  externalFields: (t) => ({ id: t.id() }),
  fields: (t) => ({
    waitingPrintJobs: t.connection(
      {
        type: PrintJobRef,
        description:
          "This user's print jobs that wait for release, as myPrintJobs lists them. " +
          WAITING_AT_PRINTER +
          'A person may ask only for themselves; a station reads secure-release jobs with the ' +
          "app's PrintJob.ReadBasic.All (PermissionDeniedError where the tenant has not granted " +
          `it). ${CONNECTION_DESCRIPTION}`,
        ...READ_ACCESS,
        errors: { types: [...GRAPH_ERRORS], union: { name: 'UserWaitingPrintJobsResult' } },
        args: { printerId: t.arg.id({ validate: graphId }) },
        resolve: async (user, args, context) => {
          const owner = waitingJobsOwner(context.caller, user.id);
          const page = await pageJobsWaitingAt(context, owner, {
            ...pageRequest(args),
            printerId: args.printerId ?? null,
          });
          return connectionOf(page);
        },
      },
      { name: 'UserWaitingPrintJobConnection' },
      releaseMethodEdge('UserWaitingPrintJobEdge'),
    ),
  }),
});
