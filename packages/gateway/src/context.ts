/**
 * What every resolver gets: who is calling, this HTTP request's session with Microsoft Graph,
 * and the audit log its writes are recorded in.
 */

import type {
  GraphCallMeter,
  GraphService,
  GraphSession,
} from '@universal-print-gateway/graph-client';
import type { Logger } from 'pino';
import type { AuditLog } from './audit/audit-log.js';
import { type Caller, callerKey } from './auth/caller.js';
import { OwnershipMemory } from './domain/ownership-memory.js';
import { PrinterMemory } from './domain/printing/printer-memory.js';
import { ShareMemory } from './domain/printing/share-memory.js';
import { ForbiddenError } from './errors.js';
import { IdempotencyGuard } from './idempotency/guard.js';
import { MemoryIdempotencyStore } from './idempotency/memory-store.js';
import { DEFAULT_IDEMPOTENCY_MAX_KEYS_PER_CALLER } from './idempotency/settings.js';
import { JobAnnouncer } from './live-events/job-announcer.js';
import { LiveEvents } from './live-events/live-events.js';
import { silentLogger } from './logging/logger.js';

export interface GatewayContext {
  /** Who is calling, as src/auth/authenticate.ts established it before any operation ran. */
  readonly caller: Caller;
  /**
   * When the caller's credential stops being accepted (epoch ms), or `null` when nothing but a
   * restart ends it: what a live stream lasts at most. Read on demand (it decodes the token).
   */
  readonly credentialExpiresAt: () => number | null;
  /** Batches every Graph call of this HTTP request; never shared between requests. */
  readonly graph: GraphSession;
  /**
   * This request's Graph session as the calling person: calls carry the person's own Graph token
   * (on-behalf-of), for Universal Print's delegated-only operations. Throws `ForbiddenError`
   * for an app, a station, a service key or the anonymous caller, before anything is sent to
   * Entra or Graph.
   */
  readonly personGraph: () => GraphSession;
  /** One line per write item, refused ones included (src/audit/). */
  readonly audit: AuditLog;
  /** Runs a write once per `idempotencyKey` (src/idempotency/). */
  readonly idempotency: IdempotencyGuard;
  /** The process's live job events: subscriptions listen, confirmed writes publish. */
  readonly liveEvents: LiveEvents;
  readonly jobAnnouncer: JobAnnouncer;
  /** Whose jobs Graph said they are, shared by the app's requests (src/domain/). */
  readonly ownership: OwnershipMemory;
  /** What printer shares can do, kept a short while (src/domain/printing/share-memory.ts). */
  readonly shares: ShareMemory;
  /** What printers can do, kept a short while (src/domain/printing/printer-memory.ts). */
  readonly printers: PrinterMemory;
  /** The process's logger, for faults a resolver answers as data (src/schema/bulk-writes.ts). */
  readonly logger: Logger;
  /** Whether `_service { sdl }` carries `@authenticated` / `@requiresScopes` (docs/federation.md). */
  readonly sdlAuthorizationDirectives: boolean;
}

export interface ContextParts {
  readonly service: GraphService;
  readonly callerOf: (request: Request) => Caller;
  /** Omitted (unit tests): credentials never expire. */
  readonly credentialExpiresAt?: (request: Request) => number | null;
  /** The person's verified incoming token (src/auth/authenticate.ts); omitted: nobody has one. */
  readonly personAssertionOf?: (request: Request) => string | null;
  readonly audit: AuditLog;
  /** The app's; a context built without an app (unit tests) gets quiet ones of its own. */
  readonly live?: Pick<GatewayContext, 'liveEvents' | 'jobAnnouncer'>;
  readonly idempotency?: IdempotencyGuard;
  readonly ownership?: OwnershipMemory;
  readonly logger?: Logger;
  /** @default true */
  readonly sdlAuthorizationDirectives?: boolean;
  /** What each caller pays for its Graph calls (src/rate-limit/graph-call-meter.ts); none: free. */
  readonly graphCallMeter?: (caller: Caller) => GraphCallMeter | undefined;
  /** What printer shares can do (src/domain/printing/share-memory.ts); a fresh one by default. */
  readonly shares?: ShareMemory;
  /** What printers can do (src/domain/printing/printer-memory.ts); a fresh one by default. */
  readonly printers?: PrinterMemory;
}

/**
 * One session per HTTP request, not per operation: the operations of a batched
 * GraphQL-over-HTTP request share one batcher, so their Graph calls share envelopes.
 */
export function createContextFactory({
  service,
  callerOf,
  credentialExpiresAt = () => null,
  personAssertionOf = () => null,
  audit,
  live = quietLiveEvents(service),
  idempotency = new IdempotencyGuard(
    new MemoryIdempotencyStore(),
    {
      windowMs: 600_000,
      pendingMs: 60_000,
      maxKeysPerCaller: DEFAULT_IDEMPOTENCY_MAX_KEYS_PER_CALLER,
    },
    silentLogger,
  ),
  ownership = new OwnershipMemory(),
  logger = silentLogger,
  sdlAuthorizationDirectives = true,
  graphCallMeter,
  shares = new ShareMemory(),
  printers = new PrinterMemory(),
}: ContextParts): (initial: { request: Request }) => GatewayContext {
  const sessions = new WeakMap<Request, GraphSession>();
  return ({ request }) => {
    const caller = callerOf(request);
    let graph = sessions.get(request);
    if (!graph) {
      graph = service.session(graphCallMeter?.(caller));
      sessions.set(request, graph);
    }
    const session = graph;
    return {
      caller,
      credentialExpiresAt: () => credentialExpiresAt(request),
      graph,
      personGraph: () => {
        const assertion = caller.kind === 'person' ? personAssertionOf(request) : null;
        if (assertion === null) throw new ForbiddenError(NEEDS_A_PERSON);
        return session.asPerson({ kind: 'person', personId: callerKey(caller), assertion });
      },
      audit,
      idempotency,
      ownership,
      shares,
      printers,
      logger,
      sdlAuthorizationDirectives,
      ...live,
    };
  };
}

/** Universal Print prints only for people: its printing operations take no app token. */
const NEEDS_A_PERSON =
  'This operation needs a signed-in person: Microsoft Graph allows it only with a delegated ' +
  'token, and apps, release stations and service keys have none (docs/authorization.md)';

/** Live events of this process alone, for a context built without an app (unit tests). */
function quietLiveEvents(
  service: GraphService,
): Pick<GatewayContext, 'liveEvents' | 'jobAnnouncer'> {
  const liveEvents = new LiveEvents();
  return { liveEvents, jobAnnouncer: new JobAnnouncer(service, liveEvents, silentLogger) };
}
