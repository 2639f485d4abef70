import { randomUUID } from 'node:crypto';
import { accessDenied, conflict, invalidRequest, itemNotFound } from './graph-errors.js';
import { jobUrl } from './graph-urls.js';
import {
  type ConfigurationPatch,
  defaultConfiguration,
  mergeConfiguration,
} from './print-job-configuration.js';
import type {
  DefinitionRecord,
  DemoUser,
  DocumentRecord,
  JobRecord,
  PrinterRecord,
  ShareRecord,
  TaskRecord,
  TaskState,
  TenantState,
} from './tenant.js';

export interface SubmitJobInput {
  printerId: string;
  documentName?: string;
  /** The document's media type. @default 'application/oxps' (what Windows clients upload) */
  contentType?: string;
  /** Document size in bytes. @default 52480 */
  size?: number;
  /** Merged over the default configuration (copies 1, A4, black and white, …). */
  configuration?: ConfigurationPatch;
  /**
   * Who prints: a tenant user's object id (Adele's and Megan's are their Entra `oid`s), or a UPN.
   * Without either, the demo user behind the delegated token (Adele).
   */
  userId?: string;
  userPrincipalName?: string;
  displayName?: string;
}

export const DEFAULT_DOCUMENT_CONTENT_TYPE = 'application/oxps';
export const DEFAULT_DOCUMENT_SIZE = 52_480;

export type JobState = 'processing' | 'paused' | 'completed' | 'canceled' | 'aborted';

export interface JobStatusView {
  state: JobState;
  description: string;
  details: string[];
  isAcquiredByPrinter: boolean;
  isFetchable: boolean;
  acknowledgedDateTime: string | null;
}

export interface TaskStatusUpdate {
  state: TaskState;
  description?: string;
}

export interface EmulatorStoreOptions {
  /** How long a released job reads 'processing' before it reads 'completed'. */
  printDurationMs: number;
  createTenant: (now: number) => TenantState;
  now?: () => number;
  /** Called for every task a trigger creates (not for seeded ones): change notifications. */
  onTaskCreated?: (task: TaskRecord) => void;
  /** Called when a job is handed to its printer (submitted without a trigger, or released). */
  onJobFetchable?: (job: JobRecord) => void;
}

export const WAITING_TASK_DESCRIPTION = 'Waiting for the user to release the job at a printer.';

const DEFAULT_DESCRIPTIONS: Readonly<Record<TaskState, string>> = {
  processing: WAITING_TASK_DESCRIPTION,
  completed: 'Task execution is completed.',
  aborted: 'Task execution was aborted.',
};

/**
 * The tenant's state and every lifecycle rule of the pull-print flow. Rules that Graph's docs
 * leave open are decided here and listed in README.md; violations throw GraphFailure so the
 * same rule answers identically over a direct call and inside $batch.
 */
export class EmulatorStore {
  readonly #options: EmulatorStoreOptions;
  readonly #now: () => number;
  #tenant: TenantState;
  #nextJobId = 0;

  constructor(options: EmulatorStoreOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#tenant = options.createTenant(this.#now());
    this.#nextJobId = this.#firstFreeJobId();
  }

  reset(): void {
    this.#tenant = this.#options.createTenant(this.#now());
    this.#nextJobId = this.#firstFreeJobId();
  }

  /** A tenant user by object id (Entra's `oid`). */
  user(id: string): DemoUser | undefined {
    const user = this.#tenant.users.find((candidate) => candidate.id === id);
    return user === undefined ? undefined : { ...user };
  }

  printers(): PrinterRecord[] {
    return [...this.#tenant.printers.values()];
  }

  printer(id: string): PrinterRecord | undefined {
    return this.#tenant.printers.get(id);
  }

  shares(): ShareRecord[] {
    return [...this.#tenant.shares.values()];
  }

  share(id: string): ShareRecord | undefined {
    return this.#tenant.shares.get(id);
  }

  definitions(): DefinitionRecord[] {
    return [...this.#tenant.definitions.values()];
  }

  definition(id: string): DefinitionRecord | undefined {
    return this.#tenant.definitions.get(id);
  }

  tasks(): TaskRecord[] {
    return [...this.#tenant.tasks.values()];
  }

  task(id: string): TaskRecord | undefined {
    return this.#tenant.tasks.get(id);
  }

  tasksOfDefinition(definitionId: string): TaskRecord[] {
    return this.tasks().filter((task) => task.definitionId === definitionId);
  }

  tasksOfJob(jobId: string): TaskRecord[] {
    return this.tasks().filter((task) => task.jobId === jobId);
  }

  jobs(): JobRecord[] {
    return [...this.#tenant.jobs.values()];
  }

  job(id: string): JobRecord | undefined {
    return this.#tenant.jobs.get(id);
  }

  jobsOfPrinter(printerId: string): JobRecord[] {
    return this.jobs().filter((job) => job.printerId === printerId);
  }

  jobStatus(job: JobRecord): JobStatusView {
    const phase = job.phase;
    switch (phase.kind) {
      case 'uploadPending':
        return {
          state: 'paused',
          description:
            'The job waits for its document to be uploaded and for the job to be started.',
          details: ['uploadPending'],
          isAcquiredByPrinter: false,
          isFetchable: false,
          acknowledgedDateTime: null,
        };
      case 'redirected':
        // Handed off, not printed here: terminal, but without completedSuccessfully.
        return {
          state: 'completed',
          description: `The job was redirected to printer '${phase.toPrinterId}'.`,
          details: [],
          isAcquiredByPrinter: false,
          isFetchable: false,
          acknowledgedDateTime: null,
        };
      case 'releaseWait':
        return {
          state: 'paused',
          description: 'The job is waiting to be released.',
          details: ['releaseWait'],
          isAcquiredByPrinter: false,
          isFetchable: false,
          acknowledgedDateTime: null,
        };
      case 'heldForSecureRelease':
        return {
          state: 'paused',
          description: 'The job is held in the cloud until its owner releases it at a printer.',
          details: ['releaseWait'],
          isAcquiredByPrinter: false,
          isFetchable: false,
          acknowledgedDateTime: null,
        };
      case 'released': {
        const doneAt = phase.releasedAt + phase.printsForMs;
        if (this.#now() < doneAt) {
          return {
            state: 'processing',
            description: 'The job is being processed.',
            details: ['interpreting'],
            isAcquiredByPrinter: false,
            isFetchable: true,
            acknowledgedDateTime: null,
          };
        }
        return {
          state: 'completed',
          description: 'The job was printed.',
          details: ['completedSuccessfully'],
          isAcquiredByPrinter: true,
          isFetchable: false,
          acknowledgedDateTime: new Date(doneAt).toISOString(),
        };
      }
      case 'aborted':
        return {
          state: 'aborted',
          description: phase.description,
          details: [],
          isAcquiredByPrinter: false,
          isFetchable: false,
          acknowledgedDateTime: null,
        };
      case 'canceled':
        return {
          state: 'canceled',
          description: 'The job was canceled by the user.',
          details: [],
          isAcquiredByPrinter: false,
          isFetchable: false,
          acknowledgedDateTime: null,
        };
    }
  }

  /**
   * Models a user printing to `printerId`. A trigger on the printer holds the job in releaseWait
   * behind a new processing task; without one the job goes straight to the printer.
   */
  submitJob(input: SubmitJobInput): JobRecord {
    const printer = this.printer(input.printerId);
    if (printer === undefined) {
      throw itemNotFound(`Printer '${input.printerId}' was not found.`);
    }
    return this.#createJob(printer, {
      createdBy: this.#userFor(input),
      configuration: mergeConfiguration(defaultConfiguration(), input.configuration),
      document: {
        id: randomUUID(),
        displayName: input.documentName ?? 'Document.pdf',
        contentType: input.contentType ?? DEFAULT_DOCUMENT_CONTENT_TYPE,
        size: input.size ?? DEFAULT_DOCUMENT_SIZE,
      },
      redirectedFrom: null,
    });
  }

  /**
   * A person creates a job on a share (POST /print/shares/{id}/jobs): it waits, paused, for its
   * document's bytes and for `start`, which hands it to the share's printer.
   */
  createShareJob(
    share: ShareRecord,
    createdBy: DemoUser,
    fields: {
      displayName: string | undefined;
      configuration: ConfigurationPatch | undefined;
      document: Pick<DocumentRecord, 'displayName' | 'contentType' | 'size'>;
    },
  ): JobRecord {
    const { displayName, configuration, document } = fields;
    const job: JobRecord = {
      id: String(this.#nextJobId++),
      ...(displayName === undefined ? {} : { displayName }),
      printerId: share.printerId,
      createdDateTime: new Date(this.#now()).toISOString(),
      createdBy: { ...createdBy },
      configuration: mergeConfiguration(defaultConfiguration(), configuration),
      document: { id: randomUUID(), ...document, awaitingUpload: true },
      redirectedFrom: null,
      phase: { kind: 'uploadPending' },
    };
    this.#tenant.jobs.set(job.id, job);
    return job;
  }

  /** The last byte of a share job's document arrived (upload-routes.ts). */
  documentUploaded(jobId: string): void {
    const job = this.job(jobId);
    if (job !== undefined) delete job.document.awaitingUpload;
  }

  /**
   * `start` on a share's job whose bytes are in: it reaches its printer as a submitted job does.
   * A job already started is left as it is (see README: a retried start is harmless).
   */
  startJob(job: JobRecord): void {
    if (job.phase.kind !== 'uploadPending') return;
    const printer = this.printer(job.printerId);
    if (printer === undefined) throw itemNotFound(`Printer '${job.printerId}' was not found.`);
    this.#queue(printer, job);
  }

  /** Creates a job and queues it on `printer` at once (submitted, or redirected there). */
  #createJob(
    printer: PrinterRecord,
    fields: Pick<JobRecord, 'createdBy' | 'configuration' | 'document' | 'redirectedFrom'>,
  ): JobRecord {
    const job: JobRecord = {
      id: String(this.#nextJobId++),
      printerId: printer.id,
      createdDateTime: new Date(this.#now()).toISOString(),
      ...fields,
      phase: { kind: 'uploadPending' },
    };
    this.#tenant.jobs.set(job.id, job);
    this.#queue(printer, job);
    return job;
  }

  /**
   * Queues a job on `printer` the way a submitted job arrives there: held behind a new processing
   * task when the printer has a trigger, printing straight away when it has none.
   */
  #queue(printer: PrinterRecord, job: JobRecord): void {
    if (printer.pullPrintMemberIds !== undefined) {
      // Secure release: no task, no printer fetches it until its owner releases it somewhere.
      job.phase = { kind: 'heldForSecureRelease' };
      return;
    }
    const now = this.#now();
    job.phase =
      printer.trigger === null
        ? { kind: 'released', releasedAt: now, printsForMs: this.#options.printDurationMs }
        : { kind: 'releaseWait' };
    if (printer.trigger !== null) {
      const task: TaskRecord = {
        id: randomUUID(),
        definitionId: printer.trigger.definitionId,
        triggerId: printer.trigger.id,
        printerId: printer.id,
        jobId: job.id,
        state: 'processing',
        description: WAITING_TASK_DESCRIPTION,
      };
      this.#tenant.tasks.set(task.id, task);
      this.#options.onTaskCreated?.(task);
    } else {
      this.#options.onJobFetchable?.(job);
    }
  }

  /** The app reports its task: completing releases the job, aborting ends it. */
  updateTaskStatus(task: TaskRecord, update: TaskStatusUpdate): TaskRecord {
    if (task.state !== 'processing') {
      throw conflict(
        `The print task is already '${task.state}'; only a 'processing' task can be updated.`,
      );
    }
    if (update.state === 'processing') {
      task.description = update.description ?? task.description;
      return task;
    }
    task.description = update.description ?? DEFAULT_DESCRIPTIONS[update.state];
    task.state = update.state;
    const job = this.job(task.jobId);
    if (job?.phase.kind !== 'releaseWait') {
      return task;
    }
    const now = this.#now();
    if (update.state === 'aborted') {
      job.phase = {
        kind: 'aborted',
        at: now,
        description: 'The job was aborted because its print task was aborted.',
      };
    } else if (!this.tasksOfJob(job.id).some((other) => other.state === 'processing')) {
      job.phase = { kind: 'released', releasedAt: now, printsForMs: this.#options.printDurationMs };
      this.#options.onJobFetchable?.(job);
    }
    return task;
  }

  /** Abort needs a processing task on the job from a trigger whose definition the app owns. */
  abortJob(job: JobRecord, callerAppId: string, reason: string | undefined): void {
    const processing = this.#heldBy(job, callerAppId, 'aborted', 'abort');
    for (const task of processing) {
      task.state = 'aborted';
      task.description = 'The print job was aborted.';
    }
    job.phase = {
      kind: 'aborted',
      at: this.#now(),
      description:
        reason === undefined || reason === ''
          ? 'The job was aborted by the application.'
          : `The job was aborted by the application: ${reason}`,
    };
  }

  /**
   * Moves a held job to another printer: a new job is queued there (configuration merged over the
   * source's), the source job records where it went and ends, and its task completes by itself,
   * as Graph's docs say redirect does. Same precondition as abort.
   */
  redirectJob(
    job: JobRecord,
    callerAppId: string,
    destination: PrinterRecord,
    configuration: ConfigurationPatch | undefined,
  ): JobRecord {
    const processing = this.#heldBy(job, callerAppId, 'redirected', 'redirect');
    const redirected = this.#createJob(destination, {
      createdBy: { ...job.createdBy },
      configuration: mergeConfiguration(job.configuration, configuration),
      // The document travels with the job; a new job owns a new document entity.
      document: { ...job.document, id: randomUUID() },
      redirectedFrom: jobUrl(job.printerId, job.id),
    });
    for (const task of processing) {
      task.state = 'completed';
      task.description = `The job was redirected to printer '${destination.id}'.`;
    }
    job.phase = {
      kind: 'redirected',
      at: this.#now(),
      toPrinterId: destination.id,
      toJobId: redirected.id,
    };
    return redirected;
  }

  /**
   * The processing tasks that let `callerAppId` act on a held job: 409 when there is none at all,
   * 403 when only another app's trigger holds it.
   */
  #heldBy(job: JobRecord, callerAppId: string, participle: string, verb: string): TaskRecord[] {
    const processing = this.tasksOfJob(job.id).filter((task) => task.state === 'processing');
    if (processing.length === 0) {
      throw conflict(
        `Print job '${job.id}' has no print task in the 'processing' state, so it cannot be ` +
          `${participle}: ${verb} needs a processing task created by the calling app's trigger.`,
      );
    }
    const ownsOne = processing.some(
      (task) => this.definition(task.definitionId)?.createdBy.appId === callerAppId,
    );
    if (!ownsOne) {
      throw accessDenied(
        `Print job '${job.id}' is held by another application's task trigger; only that ` +
          `application can ${verb} it.`,
      );
    }
    return processing;
  }

  /**
   * The jobs held for secure release that can be released at `device`: those sent to the
   * pull-print printers it is a member of (printjob-releasewait), oldest first.
   */
  heldJobsReleasableAt(device: PrinterRecord): JobRecord[] {
    return this.jobs().filter(
      (job) =>
        job.phase.kind === 'heldForSecureRelease' &&
        this.printer(job.printerId)?.pullPrintMemberIds?.includes(device.id) === true,
    );
  }

  /**
   * Releases a held job at `device` (printjob-release): it leaves the pull-print printer and
   * prints at the device, under the device from then on (README: the emulator's choice).
   */
  releaseHeldJob(job: JobRecord, device: PrinterRecord): JobRecord {
    if (job.phase.kind !== 'heldForSecureRelease') {
      throw conflict(
        `Print job '${job.id}' is not held for secure release, so it cannot be released.`,
      );
    }
    if (!this.heldJobsReleasableAt(device).includes(job)) {
      throw invalidRequest(
        `Print job '${job.id}' cannot be released at printer '${device.id}': the printer is ` +
          'not a member of the pull-print printer the job was sent to.',
      );
    }
    job.printerId = device.id;
    job.phase = {
      kind: 'released',
      releasedAt: this.#now(),
      printsForMs: this.#options.printDurationMs,
    };
    this.#options.onJobFetchable?.(job);
    return job;
  }

  /** The user withdraws a job that has not finished yet. */
  cancelJob(job: JobRecord): void {
    const state = this.jobStatus(job).state;
    if (state === 'completed' || state === 'aborted' || state === 'canceled') {
      throw conflict(`Print job '${job.id}' is already '${state}' and can no longer be canceled.`);
    }
    for (const task of this.tasksOfJob(job.id)) {
      if (task.state === 'processing') {
        task.state = 'aborted';
        task.description = 'The job was canceled by the user.';
      }
    }
    job.phase = { kind: 'canceled', at: this.#now() };
  }

  #userFor(input: SubmitJobInput): DemoUser {
    if (input.userId !== undefined) {
      const byId = this.#tenant.users.find((user) => user.id === input.userId);
      if (byId === undefined) {
        throw itemNotFound(`No user with id '${input.userId}' in the tenant.`);
      }
      return { ...byId };
    }
    const upn = input.userPrincipalName ?? this.#tenant.users[0]?.userPrincipalName;
    if (upn === undefined || upn === '') {
      throw invalidRequest('userPrincipalName is required.');
    }
    const known = this.#tenant.users.find(
      (user) => user.userPrincipalName.toLowerCase() === upn.toLowerCase(),
    );
    if (known !== undefined) {
      return { ...known };
    }
    // Unknown users join the tenant so their later jobs share one createdBy.id.
    const user: DemoUser = {
      id: randomUUID(),
      displayName: input.displayName ?? upn.split('@')[0] ?? upn,
      userPrincipalName: upn,
    };
    this.#tenant.users.push(user);
    return { ...user };
  }

  #firstFreeJobId(): number {
    const ids = this.jobs().map((job) => Number(job.id));
    return Math.max(5000, ...ids.filter(Number.isFinite)) + 1;
  }
}
