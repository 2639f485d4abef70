import { GRAPH_ROOT, jobUrl } from './graph-urls.js';
import type { Page } from './paging.js';
import type { PrintJobConfiguration } from './print-job-configuration.js';
import type { EmulatorStore, JobState } from './store.js';
import type {
  DefinitionRecord,
  DeviceProfile,
  JobRecord,
  PrinterLocation,
  PrinterRecord,
  ShareRecord,
  TaskRecord,
  TaskState,
} from './tenant.js';

// Wire shapes of Graph v1.0 resources. parentUrl and @odata.context use Graph's own host, as
// real Graph does, so clients never depend on where the emulator happens to listen.

const METADATA = `${GRAPH_ROOT}/$metadata`;

export interface GraphAppIdentity {
  appId: string;
  displayName: string;
}

export interface GraphTaskDefinition {
  id: string;
  displayName: string;
  createdBy: GraphAppIdentity;
}

export interface GraphPrintTask {
  id: string;
  parentUrl: string;
  status: { state: TaskState; description: string };
  definition?: GraphTaskDefinition;
}

export interface GraphPrintDocument {
  id: string;
  displayName: string;
  contentType: string;
  size: number;
  /** null while a job created on a share still waits for its bytes. */
  uploadedDateTime: string | null;
  downloadedDateTime: string | null;
}

export interface GraphPrintJob {
  id: string;
  /** Only on jobs created on a share with one. */
  displayName?: string;
  createdDateTime: string;
  createdBy: { id: string; displayName: string; userPrincipalName: string };
  status: { state: JobState; description: string; details: string[]; isAcquiredByPrinter: boolean };
  isFetchable: boolean;
  redirectedFrom: string | null;
  redirectedTo: string | null;
  errorCode: number | null;
  acknowledgedDateTime: string | null;
  configuration: PrintJobConfiguration;
  documents?: GraphPrintDocument[];
  tasks?: GraphPrintTask[];
}

/** What `submitJob` answers: the job with its tasks, so callers learn the new task id. */
export type EmulatorPrintJob = GraphPrintJob & { tasks: GraphPrintTask[] };

export interface GraphPrinter {
  id: string;
  displayName: string;
  manufacturer: string;
  model: string;
  isAcceptingJobs: boolean;
  hasPhysicalDevice: boolean;
  isShared: boolean;
  registeredDateTime: string;
  status: { state: 'idle' | 'processing'; details: string[]; description: string };
  location: PrinterLocation;
  lastSeenDateTime: string | null;
  defaults: DeviceProfile['defaults'];
  /** printer-get.md: "By default, the response doesn't contain printerCapabilities" ($select). */
  capabilities?: DeviceProfile['capabilities'];
}

export interface JobExpansion {
  /** null leaves tasks out; otherwise whether each task carries its definition. */
  tasks: { withDefinition: boolean } | null;
  documents: boolean;
}

export const contexts = {
  definitions: () => `${METADATA}#print/taskDefinitions`,
  definition: () => `${METADATA}#print/taskDefinitions/$entity`,
  tasks: (definitionId: string) => `${METADATA}#print/taskDefinitions('${definitionId}')/tasks`,
  task: (definitionId: string) =>
    `${METADATA}#print/taskDefinitions('${definitionId}')/tasks/$entity`,
  printer: () => `${METADATA}#print/printers/$entity`,
  shares: () => `${METADATA}#print/shares`,
  share: () => `${METADATA}#print/shares/$entity`,
  shareJob: (shareId: string) => `${METADATA}#print/shares('${shareId}')/jobs/$entity`,
  uploadSession: () => `${METADATA}#microsoft.graph.uploadSession`,
  jobStatus: () => `${METADATA}#microsoft.graph.printJobStatus`,
  jobs: (printerId: string) => `${METADATA}#print/printers('${printerId}')/jobs`,
  job: (printerId: string) => `${METADATA}#print/printers('${printerId}')/jobs/$entity`,
  documents: (printerId: string, jobId: string) =>
    `${METADATA}#print/printers('${printerId}')/jobs('${jobId}')/documents`,
  document: (printerId: string, jobId: string) =>
    `${METADATA}#print/printers('${printerId}')/jobs('${jobId}')/documents/$entity`,
};

export function toGraphDefinition(definition: DefinitionRecord): GraphTaskDefinition {
  return {
    id: definition.id,
    displayName: definition.displayName,
    createdBy: { appId: definition.createdBy.appId, displayName: definition.createdBy.displayName },
  };
}

export function toGraphTask(
  task: TaskRecord,
  store: EmulatorStore,
  withDefinition: boolean,
): GraphPrintTask {
  const definition = withDefinition ? store.definition(task.definitionId) : undefined;
  return {
    id: task.id,
    parentUrl: jobUrl(task.printerId, task.jobId),
    status: { state: task.state, description: task.description },
    ...(definition === undefined ? {} : { definition: toGraphDefinition(definition) }),
  };
}

export function toGraphJob(
  job: JobRecord,
  store: EmulatorStore,
  expansion: JobExpansion,
): GraphPrintJob {
  const status = store.jobStatus(job);
  const shape: GraphPrintJob = {
    id: job.id,
    ...(job.displayName === undefined ? {} : { displayName: job.displayName }),
    createdDateTime: job.createdDateTime,
    createdBy: { ...job.createdBy },
    status: {
      state: status.state,
      description: status.description,
      details: status.details,
      isAcquiredByPrinter: status.isAcquiredByPrinter,
    },
    isFetchable: status.isFetchable,
    redirectedFrom: job.redirectedFrom,
    redirectedTo:
      job.phase.kind === 'redirected' ? jobUrl(job.phase.toPrinterId, job.phase.toJobId) : null,
    errorCode: null,
    acknowledgedDateTime: status.acknowledgedDateTime,
    configuration: structuredClone(job.configuration),
  };
  if (expansion.documents) {
    shape.documents = [toGraphDocument(job, store)];
  }
  if (expansion.tasks !== null) {
    const { withDefinition } = expansion.tasks;
    shape.tasks = store.tasksOfJob(job.id).map((task) => toGraphTask(task, store, withDefinition));
  }
  return shape;
}

/** The job's one document; it counts as downloaded once the printer acknowledged the job. */
export function toGraphDocument(job: JobRecord, store: EmulatorStore): GraphPrintDocument {
  return {
    id: job.document.id,
    displayName: job.document.displayName,
    contentType: job.document.contentType,
    size: job.document.size,
    uploadedDateTime: job.document.awaitingUpload ? null : job.createdDateTime,
    downloadedDateTime: store.jobStatus(job).acknowledgedDateTime,
  };
}

export function toGraphPrinter(printer: PrinterRecord, store: EmulatorStore): GraphPrinter {
  const busy = store
    .jobsOfPrinter(printer.id)
    .some((job) => store.jobStatus(job).state === 'processing');
  return {
    id: printer.id,
    displayName: printer.displayName,
    manufacturer: printer.manufacturer,
    model: printer.model,
    isAcceptingJobs: true,
    hasPhysicalDevice: printer.hasPhysicalDevice,
    isShared: true,
    registeredDateTime: printer.registeredDateTime,
    status: busy
      ? { state: 'processing', details: [], description: 'Printing.' }
      : { state: 'idle', details: [], description: 'Ready.' },
    location: { ...printer.location },
    lastSeenDateTime: printer.lastSeenDateTime,
    defaults: structuredClone(printer.profile.defaults),
  };
}

export interface GraphPrinterShare {
  id: string;
  displayName: string;
  manufacturer: string;
  model: string;
  createdDateTime: string;
  isAcceptingJobs: boolean;
  allowAllUsers: boolean;
  location: PrinterLocation & { site: string };
  status: GraphPrinter['status'];
  capabilities: DeviceProfile['capabilities'];
  defaults: DeviceProfile['defaults'];
}

/**
 * A share reads as its printer (make, model, location, status, what it can do) under its own
 * name and id; printershare-get.md shows capabilities and defaults without any `$select`.
 */
export function toGraphShare(share: ShareRecord, store: EmulatorStore): GraphPrinterShare {
  const printer = store.printer(share.printerId);
  if (printer === undefined) throw new Error(`Share ${share.id} has no printer.`);
  const shape = toGraphPrinter(printer, store);
  return {
    id: share.id,
    displayName: share.displayName,
    manufacturer: shape.manufacturer,
    model: shape.model,
    createdDateTime: share.createdDateTime,
    isAcceptingJobs: shape.isAcceptingJobs,
    allowAllUsers: true,
    location: { ...shape.location, site: share.site },
    status: shape.status,
    capabilities: structuredClone(printer.profile.capabilities),
    defaults: structuredClone(printer.profile.defaults),
  };
}

export function withContext<T extends object>(context: string, entity: T): T {
  return { '@odata.context': context, ...entity };
}

/** Graph writes `@odata.nextLink` after `value`, and only when another page follows. */
export function collection(context: string, page: Page<unknown>): object {
  return page.nextLink === undefined
    ? { '@odata.context': context, value: page.value }
    : { '@odata.context': context, value: page.value, '@odata.nextLink': page.nextLink };
}
