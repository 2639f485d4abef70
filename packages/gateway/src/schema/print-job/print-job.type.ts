import type { PrintJob } from '@universal-print-gateway/graph-client';
import { readPrinter, readPrintJob } from '../../domain/reads.js';
import { builder } from '../builder.js';
import { federatedEntity } from '../federation/entity.js';
import { READ_ACCESS_DECLARED } from '../field-permissions.js';
import { graphEnum } from '../graph-enum.js';
import { PrinterRef, PrintJobRef, PrintTaskRef } from '../refs.js';
import { PrintDocumentRef, PrintJobConfigurationRef } from './print-job-details.type.js';

export const PrintJobState = graphEnum(
  'PrintJobState',
  [
    'unknown',
    'pending',
    'processing',
    'paused',
    'stopped',
    'completed',
    'canceled',
    'aborted',
    'unknownFutureValue',
  ],
  "Graph's printJobProcessingState.",
);

export const PrintJobStateDetail = graphEnum(
  'PrintJobStateDetail',
  [
    'uploadPending',
    'transforming',
    'completedSuccessfully',
    'completedWithWarnings',
    'completedWithErrors',
    'releaseWait',
    'interpreting',
    'unknownFutureValue',
  ],
  "Graph's printJobStateDetail: why a job is in its state.",
);

type PrintJobStatus = NonNullable<PrintJob['status']>;
type UserIdentity = NonNullable<PrintJob['createdBy']>;

const PrintJobStatusRef = builder.objectRef<PrintJobStatus>('PrintJobStatus').implement({
  fields: (t) => ({
    state: t.field({
      type: PrintJobState.ref,
      resolve: (status) => PrintJobState.fromGraph(status.state),
    }),
    description: t.exposeString('description', { nullable: true }),
    details: t.field({
      type: [PrintJobStateDetail.ref],
      resolve: (status) => (status.details ?? []).map(PrintJobStateDetail.fromGraph),
    }),
    isAcquiredByPrinter: t.boolean({
      nullable: true,
      resolve: (status) => status.isAcquiredByPrinter ?? null,
    }),
  }),
});

const UserIdentityRef = builder.objectRef<UserIdentity>('UserIdentity').implement({
  description: 'Who submitted a job.',
  fields: (t) => ({
    id: t.exposeID('id', { nullable: true }),
    displayName: t.exposeString('displayName', { nullable: true }),
    userPrincipalName: t.exposeString('userPrincipalName', { nullable: true }),
  }),
});

PrintJobRef.implement({
  ...READ_ACCESS_DECLARED,
  description:
    'A print job on a printer. In pull printing it waits for a release app to act on its task.',
  fields: (t) => ({
    id: t.exposeID('id'),
    printerId: t.exposeID('printerId'),
    status: t.field({ type: PrintJobStatusRef, resolve: (job) => job.status ?? {} }),
    createdDateTime: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (job) => job.createdDateTime ?? null,
    }),
    createdBy: t.field({
      type: UserIdentityRef,
      nullable: true,
      resolve: (job) => job.createdBy ?? null,
    }),
    isFetchable: t.boolean({ nullable: true, resolve: (job) => job.isFetchable ?? null }),
    document: t.field({
      type: PrintDocumentRef,
      nullable: true,
      description: "The job's one document (Graph's documents[0]): name, size, content type.",
      resolve: (job) => job.documents?.[0] ?? null,
    }),
    configuration: t.field({
      type: PrintJobConfigurationRef,
      nullable: true,
      resolve: (job) => job.configuration ?? null,
    }),
    redirectedFrom: t.string({ nullable: true, resolve: (job) => job.redirectedFrom ?? null }),
    redirectedTo: t.string({ nullable: true, resolve: (job) => job.redirectedTo ?? null }),
    tasks: t.field({
      type: [PrintTaskRef],
      description:
        'Tasks fired by task triggers on the printer, from task definitions the gateway app owns.',
      resolve: (job) => job.tasks ?? [],
    }),
    printer: t.field({
      type: PrinterRef,
      nullable: true,
      resolve: (job, _args, context) => readPrinter(context, job.printerId),
    }),
  }),
});

// A person's reference to another person's job resolves to null, with NotFoundError at its index.
federatedEntity(PrintJobRef, ['printerId', 'id'], ({ printerId, id }, context) =>
  readPrintJob(context, printerId, id),
);
