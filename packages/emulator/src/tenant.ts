import type { PrintJobConfiguration } from './print-job-configuration.js';

// The records the emulator keeps per tenant. They are storage shapes, not wire shapes:
// graph-shapes.ts turns them into Graph JSON, store.ts owns the rules that change them.

export type TaskState = 'processing' | 'completed' | 'aborted';

export interface DemoUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
}

export interface AppRecord {
  appId: string;
  displayName: string;
}

/** Graph's printerLocation (resources/printerlocation.md): the members the demo tenant fills. */
export interface PrinterLocation {
  building: string;
  floor: string;
  roomName: string;
  roomDescription?: string;
  site: string;
  streetAddress: string;
  city: string;
  stateOrProvince: string;
  postalCode: string;
  countryOrRegion: string;
}

/**
 * What a device can do and what a job gets by default: Graph's printerCapabilities and
 * printerDefaults names, kept as their JSON, read-only (device-profiles.ts).
 */
export interface DeviceProfile {
  capabilities: PrinterCapabilities;
  defaults: Record<string, unknown>;
}

/** One trigger per printer, as Universal Print allows today. */
export interface TriggerRecord {
  id: string;
  definitionId: string;
}

export interface PrinterRecord {
  id: string;
  displayName: string;
  manufacturer: string;
  model: string;
  hasPhysicalDevice: boolean;
  registeredDateTime: string;
  location: PrinterLocation;
  profile: DeviceProfile;
  /** When the device last talked to Universal Print; null for a virtual printer (no device). */
  lastSeenDateTime: string | null;
  trigger: TriggerRecord | null;
}

/** A printer share: what people print to. It can do what its printer can (`profile`). */
export interface ShareRecord {
  id: string;
  displayName: string;
  printerId: string;
  createdDateTime: string;
  /** Graph's printerLocation `site`, beside the printer's own location fields. */
  site: string;
}

/** The printerCapabilities members the emulator checks; the rest are carried as data. */
export interface PrinterCapabilities {
  contentTypes: string[];
  copiesPerJob: { start: number; end: number };
  [member: string]: unknown;
}

export interface DefinitionRecord {
  id: string;
  displayName: string;
  createdBy: AppRecord;
}

export interface TaskRecord {
  id: string;
  definitionId: string;
  triggerId: string;
  printerId: string;
  jobId: string;
  state: TaskState;
  description: string;
}

/**
 * Where a job is in its life. 'released' covers both processing and completed: the status is
 * computed on read from `releasedAt + printsForMs`, so no timers run inside the emulator.
 */
export type JobPhase =
  /** Created on a share by a person; waits for its document's bytes and for `start`. */
  | { kind: 'uploadPending' }
  | { kind: 'releaseWait' }
  /** Handed to another printer by `redirect`; the new job carries on there. */
  | { kind: 'redirected'; at: number; toPrinterId: string; toJobId: string }
  | { kind: 'released'; releasedAt: number; printsForMs: number }
  | { kind: 'aborted'; at: number; description: string }
  | { kind: 'canceled'; at: number };

export interface JobRecord {
  id: string;
  /** The name a person gave a job they created on a share; other jobs have none. */
  displayName?: string;
  printerId: string;
  createdDateTime: string;
  createdBy: DemoUser;
  configuration: PrintJobConfiguration;
  /** Universal Print allows exactly one document per job. */
  document: DocumentRecord;
  /** Graph URL of the job this one was redirected from, if any. */
  redirectedFrom: string | null;
  phase: JobPhase;
}

export interface DocumentRecord {
  id: string;
  displayName: string;
  contentType: string;
  /** Bytes. */
  size: number;
  /** Set while a job created on a share still waits for its bytes; seeded documents have them. */
  awaitingUpload?: true;
}

export interface TenantState {
  users: DemoUser[];
  printers: Map<string, PrinterRecord>;
  shares: Map<string, ShareRecord>;
  definitions: Map<string, DefinitionRecord>;
  tasks: Map<string, TaskRecord>;
  /** Keyed by job id; ids are unique across printers, like Graph's numerals. */
  jobs: Map<string, JobRecord>;
}
