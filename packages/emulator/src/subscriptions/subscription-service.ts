import { randomUUID } from 'node:crypto';
import type { Caller } from '../auth.js';
import { requireAppCaller } from '../auth.js';
import { ENTRA } from '../entra/entra-seed.js';
import { accessDenied, conflict, GraphFailure, itemNotFound } from '../graph-errors.js';
import type { JsonObject } from '../json-object.js';
import type { DefinitionRecord, JobRecord, PrinterRecord, TaskRecord } from '../tenant.js';
import {
  DEFAULT_DELIVERY_TIMEOUT_MS,
  DEFAULT_RETRY_DELAYS_MS,
  NotificationDelivery,
} from './notification-delivery.js';
import { parseCreateSubscription, parseRenewal } from './parse-subscription.js';
import {
  type DeliveryCounts,
  emptyCounts,
  type SubscriptionRecord,
} from './subscription-record.js';
import { DEFAULT_HANDSHAKE_TIMEOUT_MS, validateEndpoint } from './validation-handshake.js';

// Graph's /subscriptions for Universal Print: the rules of create, renew and delete, delivery of
// task-created notifications and lifecycle events, and the knobs tests turn.

export interface SubscriptionOptions {
  /** How long an endpoint has to answer the validation handshake. @default 10000 (Graph's) */
  handshakeTimeoutMs?: number;
  /** How long an endpoint has to answer a notification POST. @default 3000 (Graph's) */
  deliveryTimeoutMs?: number;
  /** Waits before each retry of a failed POST. @default [1000, 4000, 15000] */
  retryDelaysMs?: readonly number[];
  /**
   * Share of change notifications also delivered a second time, as Graph sometimes does
   * (0 to 1). The duplicate knob is the deterministic way for tests. @default 0
   */
  duplicateRate?: number;
  /** Source of randomness for duplicateRate. @default Math.random */
  random?: () => number;
  /**
   * How far Graph's clock is from this process's, in ms, for the expiry rules of create and
   * renew, and for when a subscription lapses: -300000 plays a Graph 5 minutes behind the
   * gateway (a gateway clock ahead of Graph's). Also `POST /_emulator/subscriptions/clock`.
   * @default 0
   */
  clockSkewMs?: number;
}

/** What the service reads from the tenant: who owns a definition, whether a printer exists. */
export interface TenantLookups {
  definition(id: string): DefinitionRecord | undefined;
  printer(id: string): PrinterRecord | undefined;
}

interface Entry {
  record: SubscriptionRecord;
  counts: DeliveryCounts;
}

export interface SubscriptionStatus {
  subscription: SubscriptionRecord;
  counts: DeliveryCounts;
}

export interface KnobState {
  dropNext: number;
  duplicateNext: number;
}

/** Lifecycle events Graph sends for print; the others are Outlook- and Teams-only. */
export const PRINT_LIFECYCLE_EVENTS = ['reauthorizationRequired'] as const;

export class SubscriptionService {
  readonly #tenant: TenantLookups;
  readonly #processNow: () => number;
  readonly #defaultSkewMs: number;
  #skewMs: number;
  readonly #handshakeTimeoutMs: number;
  readonly #duplicateRate: number;
  readonly #random: () => number;
  readonly #entries = new Map<string, Entry>();
  readonly #delivery: NotificationDelivery;
  readonly #knobs: KnobState = { dropNext: 0, duplicateNext: 0 };
  #lifetime = new AbortController();

  constructor(
    tenant: TenantLookups,
    options: SubscriptionOptions = {},
    now: () => number = Date.now,
  ) {
    this.#tenant = tenant;
    this.#processNow = now;
    this.#defaultSkewMs = options.clockSkewMs ?? 0;
    this.#skewMs = this.#defaultSkewMs;
    this.#handshakeTimeoutMs = options.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS;
    this.#duplicateRate = options.duplicateRate ?? 0;
    this.#random = options.random ?? Math.random;
    this.#delivery = new NotificationDelivery({
      timeoutMs: options.deliveryTimeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS,
      retryDelaysMs: options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
      isLive: (id) => this.#live(id) !== undefined,
    });
  }

  async create(caller: Caller, body: JsonObject): Promise<SubscriptionRecord> {
    const request = parseCreateSubscription(body, this.#now());
    const app = requireAppCaller(caller, 'Subscribing to print change notifications');
    this.#requireAccess(app.appId, request.kind, request.targetId);
    this.#rejectDuplicate(app.appId, request.kind, request.targetId);
    const signal = this.#lifetime.signal;
    await validateEndpoint(request.notificationUrl, this.#handshakeTimeoutMs, signal);
    if (request.lifecycleNotificationUrl !== null) {
      await validateEndpoint(request.lifecycleNotificationUrl, this.#handshakeTimeoutMs, signal);
    }
    // A twin may have been created while this one's handshake was in flight.
    this.#rejectDuplicate(app.appId, request.kind, request.targetId);
    const record: SubscriptionRecord = {
      id: randomUUID(),
      kind: request.kind,
      resource: request.resource,
      targetId: request.targetId,
      changeType: request.changeType,
      notificationUrl: request.notificationUrl,
      lifecycleNotificationUrl: request.lifecycleNotificationUrl,
      notificationQueryOptions: request.notificationQueryOptions,
      clientState: request.clientState,
      latestSupportedTlsVersion: request.latestSupportedTlsVersion,
      expiresAt: request.expiresAt,
      applicationId: app.appId,
      creatorId: app.appId,
    };
    this.#entries.set(record.id, { record, counts: emptyCounts() });
    return record;
  }

  /** The caller's app's live subscriptions (a delegated caller sees only those it created). */
  list(caller: Caller): SubscriptionRecord[] {
    return this.#liveEntries()
      .map((entry) => entry.record)
      .filter((record) => this.#visibleTo(record, caller));
  }

  get(caller: Caller, id: string): SubscriptionRecord {
    const entry = this.#live(id);
    if (entry === undefined || !this.#visibleTo(entry.record, caller)) {
      throw itemNotFound(`Subscription '${id}' was not found.`);
    }
    return entry.record;
  }

  renew(caller: Caller, id: string, body: JsonObject): SubscriptionRecord {
    const expiresAt = parseRenewal(body, this.#now());
    const record = this.get(caller, id);
    record.expiresAt = expiresAt;
    return record;
  }

  delete(caller: Caller, id: string): void {
    this.get(caller, id);
    this.#entries.delete(id);
  }

  /** Graph's answer to reauthorizationRequired; the emulator only checks the subscription. */
  reauthorize(caller: Caller, id: string): void {
    this.get(caller, id);
  }

  /** The store's hook: a new print task is JobStarted for every subscription on its definition. */
  taskCreated(task: TaskRecord): void {
    const resource = `print/taskDefinitions/${task.definitionId}/tasks/${task.id}`;
    this.#notify('taskCreated', task.definitionId, 'created', resource, {
      '@odata.type': '#microsoft.graph.printTask',
      '@odata.id': resource,
      id: task.id,
    });
  }

  /** The store's hook: a job handed to its printer is JobFetchable for the printer's subscribers. */
  jobFetchable(job: JobRecord): void {
    const resource = `print/printers/${job.printerId}/jobs/${job.id}`;
    this.#notify('printerJobsUpdated', job.printerId, 'updated', resource, {
      '@odata.type': '#microsoft.graph.printJob',
      '@odata.id': resource,
      id: job.id,
    });
  }

  #notify(
    kind: SubscriptionRecord['kind'],
    targetId: string,
    changeType: string,
    resource: string,
    resourceData: Record<string, unknown>,
  ): void {
    for (const { record, counts } of this.#liveEntries()) {
      if (record.kind !== kind || record.targetId !== targetId) continue;
      if (this.#knobs.dropNext > 0) {
        this.#knobs.dropNext -= 1;
        counts.dropped += 1;
        continue;
      }
      const knob = this.#knobs.duplicateNext > 0;
      if (knob) this.#knobs.duplicateNext -= 1;
      const duplicate = knob || this.#random() < this.#duplicateRate;
      this.#delivery.enqueue({
        subscriptionId: record.id,
        kind: 'change',
        endpoint: record.notificationUrl,
        counts,
        duplicate,
        payload: {
          subscriptionId: record.id,
          subscriptionExpirationDateTime: new Date(record.expiresAt).toISOString(),
          changeType,
          resource,
          resourceData,
          clientState: record.clientState,
          tenantId: ENTRA.tenantId,
        },
      });
    }
  }

  /** Sends a lifecycle notification now (admin knob). */
  sendLifecycle(id: string, event: string): void {
    const entry = this.#live(id);
    if (entry === undefined) {
      throw itemNotFound(`Subscription '${id}' was not found.`);
    }
    if (!PRINT_LIFECYCLE_EVENTS.some((known) => known === event)) {
      throw new GraphFailure(
        400,
        'badRequest',
        `Graph sends only ${PRINT_LIFECYCLE_EVENTS.join(', ')} for print subscriptions; ` +
          `'${event}' (subscriptionRemoved, missed) is Outlook- and Teams-only.`,
      );
    }
    const { record, counts } = entry;
    if (record.lifecycleNotificationUrl === null) {
      throw conflict(`Subscription '${id}' has no lifecycleNotificationUrl.`);
    }
    this.#delivery.enqueue({
      subscriptionId: record.id,
      kind: 'lifecycle',
      endpoint: record.lifecycleNotificationUrl,
      counts,
      duplicate: false,
      payload: {
        subscriptionId: record.id,
        subscriptionExpirationDateTime: new Date(record.expiresAt).toISOString(),
        lifecycleEvent: event,
        resource: record.resource,
        clientState: record.clientState,
        tenantId: ENTRA.tenantId,
      },
    });
  }

  /** Admin knob: the subscription expires this instant and is removed. */
  expireNow(id: string): void {
    if (this.#live(id) === undefined) {
      throw itemNotFound(`Subscription '${id}' was not found.`);
    }
    this.#entries.delete(id);
  }

  /** Admin knobs: lose or double the next notifications, across subscriptions. */
  adjustKnobs(change: Partial<KnobState>): KnobState {
    if (change.dropNext !== undefined) this.#knobs.dropNext = change.dropNext;
    if (change.duplicateNext !== undefined) this.#knobs.duplicateNext = change.duplicateNext;
    return { ...this.#knobs };
  }

  /** Admin knob: Graph's clock from now on, `skewMs` from this process's (see clockSkewMs). */
  setClockSkew(skewMs: number): void {
    this.#skewMs = skewMs;
  }

  get clockSkewMs(): number {
    return this.#skewMs;
  }

  /** Graph's clock: this process's, skewed. */
  #now(): number {
    return this.#processNow() + this.#skewMs;
  }

  knobs(): KnobState {
    return { ...this.#knobs };
  }

  statuses(): SubscriptionStatus[] {
    return this.#liveEntries().map(({ record, counts }) => ({
      subscription: record,
      counts: { ...counts },
    }));
  }

  /** Notifications queued, in flight or waiting for a retry. */
  pendingDeliveries(): number {
    return this.#delivery.pending();
  }

  reset(): void {
    this.#lifetime.abort(new Error('The emulator was reset.'));
    this.#lifetime = new AbortController();
    this.#delivery.cancelAll();
    this.#entries.clear();
    this.#knobs.dropNext = 0;
    this.#knobs.duplicateNext = 0;
    this.#skewMs = this.#defaultSkewMs;
  }

  close(): void {
    this.reset();
  }

  /**
   * Task definitions: only the owning app (as the task-definition routes). Printers: any app, as
   * JobFetchable needs no task definition.
   */
  #requireAccess(appId: string, kind: SubscriptionRecord['kind'], targetId: string): void {
    if (kind === 'printerJobsUpdated') {
      if (this.#tenant.printer(targetId) === undefined) {
        throw itemNotFound(`Printer '${targetId}' was not found.`);
      }
      return;
    }
    const definition = this.#tenant.definition(targetId);
    if (definition === undefined) {
      throw itemNotFound(`Print task definition '${targetId}' was not found.`);
    }
    if (definition.createdBy.appId !== appId) {
      throw accessDenied(
        `Print task definition '${targetId}' belongs to another application; only that ` +
          'application can subscribe to its tasks.',
      );
    }
  }

  #rejectDuplicate(appId: string, kind: SubscriptionRecord['kind'], targetId: string): void {
    const twin = this.#liveEntries().find(
      ({ record }) =>
        record.applicationId === appId && record.kind === kind && record.targetId === targetId,
    );
    if (twin !== undefined) {
      throw conflict(
        `A subscription with the same changeType and resource already exists for this ` +
          `application: '${twin.record.id}'.`,
      );
    }
  }

  #visibleTo(record: SubscriptionRecord, caller: Caller): boolean {
    if (record.applicationId !== caller.appId) return false;
    return caller.kind === 'app' || record.creatorId === caller.user.id;
  }

  /** Expired subscriptions are removed the first time anyone looks. */
  #live(id: string): Entry | undefined {
    const entry = this.#entries.get(id);
    if (entry !== undefined && entry.record.expiresAt <= this.#now()) {
      this.#entries.delete(id);
      return undefined;
    }
    return entry;
  }

  #liveEntries(): Entry[] {
    return [...this.#entries.keys()]
      .map((id) => this.#live(id))
      .filter((entry): entry is Entry => entry !== undefined);
  }
}
