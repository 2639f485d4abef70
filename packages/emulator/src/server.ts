import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { createAdminHandler } from './admin.js';
import { createAuthenticator } from './auth.js';
import {
  createEmulatedEntra,
  type EmulatedEntra,
  type EmulatedEntraOptions,
} from './entra/emulated-entra.js';
import {
  type EntraOverTlsListener,
  type EntraTlsOptions,
  listenEntraOverTls,
} from './entra/entra-over-tls.js';
import { FaultInjector } from './faults.js';
import { errorResult, GraphFailure } from './graph-errors.js';
import { type EmulatorPrintJob, toGraphJob } from './graph-shapes.js';
import { BodyTooLargeError, header, readBody, send } from './http-io.js';
import { jobDocumentRoutes } from './job-document-routes.js';
import { jobRedirectRoutes } from './job-redirect-routes.js';
import { DEFAULT_PAGE_SIZE, Pager } from './paging.js';
import { GraphPipeline } from './pipeline.js';
import { printSubmissionRoutes } from './print-submission-routes.js';
import { printerRoutes } from './printer-routes.js';
import { RequestLog } from './request-log.js';
import { createRouter } from './router.js';
import { secureReleaseRoutes } from './secure-release-routes.js';
import { createDemoTenant, demoCallers } from './seed.js';
import { shareRoutes } from './share-routes.js';
import { EmulatorStore, type SubmitJobInput } from './store.js';
import {
  ADMIN_SUBSCRIPTIONS_PREFIX,
  createSubscriptionAdmin,
} from './subscriptions/subscription-admin.js';
import { subscriptionRoutes } from './subscriptions/subscription-routes.js';
import {
  type SubscriptionOptions,
  SubscriptionService,
} from './subscriptions/subscription-service.js';
import { taskDefinitionRoutes } from './task-definition-routes.js';
import { createUploadHandler, UPLOAD_PREFIX } from './upload-routes.js';
import { UploadSessions } from './upload-sessions.js';

export type { EmulatedEntra, EntraHits, IssuedGraphToken } from './entra/emulated-entra.js';
export type { EntraOverTlsListener, EntraTlsOptions } from './entra/entra-over-tls.js';
export { LOOPBACK_DEV_TLS } from './entra/entra-over-tls.js';
export type { FaultInjector, FaultRule, FaultScope } from './faults.js';
export type { EmulatorPrintJob } from './graph-shapes.js';
export type { RecordedCaller, RecordedRequest, RequestLog, RequestVia } from './request-log.js';
export type { EmulatorStore, SubmitJobInput } from './store.js';
export type {
  SubscriptionOptions,
  SubscriptionService,
} from './subscriptions/subscription-service.js';
export type { UploadSessions } from './upload-sessions.js';

export interface EmulatorOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /** @default 0 (an ephemeral port) */
  port?: number;
  /** How long a released job stays 'processing' before it reads 'completed'. @default 0 */
  printDurationMs?: number;
  /** Items per page of every collection when the caller sends no `$top`. @default 10 */
  pageSize?: number;
  /** Change-notification timing: handshake and delivery deadlines, retry schedule. */
  subscriptions?: SubscriptionOptions;
  /**
   * Serve HTTPS with this key and certificate (PEM) instead of plain HTTP: @azure/identity and
   * MSAL refuse an authority that is not https, so a gateway that gets its Graph token from
   * this emulator's Entra needs it (test/process/readiness.test.ts). @default plain HTTP
   */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Entra's knobs: the Graph permissions (`roles`) its tokens grant the gateway app. */
  entra?: EmulatedEntraOptions;
  /**
   * Entra also on an HTTPS listener of its own (`entraOverTls` of the running emulator), with the
   * development loopback certificate unless given one: what an on-behalf-of client (MSAL) needs.
   * @default off
   */
  entraTls?: EntraTlsOptions;
  /** How long a document's upload session (and its uploadUrl) lives. @default 1 hour */
  uploadSessionLifetimeMs?: number;
}

export interface RunningEmulator {
  /** Origin without a trailing slash and without /v1.0, e.g. 'http://127.0.0.1:43121'. */
  url: string;
  faults: FaultInjector;
  requests: RequestLog;
  store: EmulatorStore;
  /** Microsoft Entra ID: discovery, keys and tokens under `{url}/{tenant}/…` (entra/). */
  entra: EmulatedEntra;
  /** The same Entra over HTTPS (with the `entraTls` option): its origin and what to trust. */
  entraOverTls?: EntraOverTlsListener;
  /** Graph change-notification subscriptions, their deliveries and knobs (subscriptions/). */
  subscriptions: SubscriptionService;
  /** Documents' upload sessions: `expireAll()` plays an expired uploadUrl. */
  uploads: UploadSessions;
  /** Same as POST /_emulator/jobs. */
  submitJob(input: SubmitJobInput): EmulatorPrintJob;
  /** `count` jobs like `submitJob` (POST /_emulator/jobs with `count`): a backlog that pages. */
  submitJobs(input: SubmitJobInput, count: number): EmulatorPrintJob[];
  /** Back to the seeded tenant, with faults and the request log cleared. */
  reset(): void;
  /** Closes the server and every socket, hung requests included. */
  close(): Promise<void>;
}

const GRAPH_PREFIX = '/v1.0';
const ADMIN_PREFIX = '/_emulator';

// A Host header as a browser or fetch sends it: a name or IPv4 address, or a bracketed IPv6
// address, and an optional port. Anything else is ignored rather than echoed into links.
const HOST_HEADER = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The origin the caller addressed, so a nextLink leads back the way the caller came (the
 * emulator may listen on 0.0.0.0 and be reached as `emulator:4010`); its own origin otherwise.
 */
function originOf(request: IncomingMessage, fallback: string): string {
  const host = header(request, 'host');
  const scheme = new URL(fallback).protocol;
  return host !== undefined && HOST_HEADER.test(host) ? `${scheme}//${host}` : fallback;
}

function hasPrefix(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  // Each needs the other, through closures that run only once both exist.
  const subscriptionService = new SubscriptionService(
    { definition: (id) => store.definition(id), printer: (id) => store.printer(id) },
    options.subscriptions,
  );
  const store = new EmulatorStore({
    printDurationMs: options.printDurationMs ?? 0,
    // Entra's people are Graph's users (same object ids): the directory's extra people too.
    createTenant: (now) => {
      const tenant = createDemoTenant(now);
      for (const person of options.entra?.morePeople ?? []) {
        const { objectId: id, displayName, userPrincipalName } = person;
        tenant.users.push({ id, displayName, userPrincipalName });
      }
      return tenant;
    },
    onTaskCreated: (task) => subscriptionService.taskCreated(task),
    onJobFetchable: (job) => subscriptionService.jobFetchable(job),
  });
  const uploads = new UploadSessions(options.uploadSessionLifetimeMs);
  const faults = new FaultInjector();
  const requests = new RequestLog();
  const lifetime = new AbortController();
  // Every pending latency or hang listens for close and lets go when it ends: a loaded
  // benchmark has hundreds at once, which is not a leak.
  setMaxListeners(10_000, lifetime.signal);

  const submitJob = (input: SubmitJobInput): EmulatorPrintJob => {
    const shape = toGraphJob(store.submitJob(input), store, {
      tasks: { withDefinition: false },
      documents: false,
    });
    return { ...shape, tasks: shape.tasks ?? [] };
  };
  const submitJobs = (input: SubmitJobInput, count: number): EmulatorPrintJob[] =>
    Array.from({ length: count }, () => submitJob(input));
  const pager = new Pager(options.pageSize ?? DEFAULT_PAGE_SIZE);
  // The issuer and key URLs name the emulator's origin, known once it listens (below).
  let origin = '';
  let tlsOrigin: string | undefined;
  const entra = await createEmulatedEntra(
    () => origin,
    options.entra,
    () => (tlsOrigin ? [origin, tlsOrigin] : [origin]),
  );
  const reset = (): void => {
    store.reset();
    uploads.clear();
    subscriptionService.reset();
    faults.clear();
    requests.clear();
    entra.reset();
  };

  const callers = demoCallers();
  const pipeline = new GraphPipeline({
    authenticate: createAuthenticator((token) => {
      const demo = callers.get(token);
      if (demo) return demo;
      // A token from the emulator's Entra, for Graph: the person it acts for (on-behalf-of), or
      // the app it was issued to, if Graph knows them.
      const issued = entra.graphToken(token);
      if (issued?.personId !== undefined) {
        const user = store.user(issued.personId);
        return user && { kind: 'user', appId: issued.appId, user, scopes: issued.scopes ?? [] };
      }
      const app = [...callers.values()].find(
        (caller) => caller.kind === 'app' && caller.appId === issued?.appId,
      );
      return app && issued ? { ...app, roles: issued.roles } : app;
    }),
    dispatch: createRouter([
      ...taskDefinitionRoutes(store, pager),
      // Before printerRoutes: `jobs/releaseWait` would match `jobs/:jobId` there.
      ...secureReleaseRoutes(store, pager),
      ...printerRoutes(store, pager),
      ...shareRoutes(store, pager),
      ...printSubmissionRoutes(store, uploads),
      ...jobRedirectRoutes(store),
      ...jobDocumentRoutes(store, pager),
      ...subscriptionRoutes(subscriptionService),
    ]),
    faults,
    log: requests,
    signal: lifetime.signal,
  });
  const admin = createAdminHandler({ submitJob, submitJobs, faults, requests, reset });
  const subscriptionAdmin = createSubscriptionAdmin(subscriptionService);
  const upload = createUploadHandler({
    uploads,
    onComplete: (session) => store.documentUploaded(session.jobId),
  });

  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://emulator.invalid');
    const method = (request.method ?? 'GET').toUpperCase();
    if (hasPrefix(url.pathname, UPLOAD_PREFIX)) {
      // Before readBody: document bytes are streamed and counted, never buffered.
      await upload(request, response, url);
      return;
    }
    const rawBody = await readBody(request);
    const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;

    const entraReply = await entra.handle(
      method,
      pathname,
      rawBody,
      header(request, 'content-type'),
    );
    if (entraReply) {
      send(response, entraReply.status, entraReply.headers ?? {}, entraReply.body);
      return;
    }
    if (hasPrefix(pathname, ADMIN_PREFIX)) {
      const reply = hasPrefix(pathname, ADMIN_SUBSCRIPTIONS_PREFIX)
        ? subscriptionAdmin(method, pathname, rawBody)
        : admin(method, pathname, rawBody);
      send(response, reply.status, reply.headers ?? {}, reply.body);
      return;
    }
    if (!hasPrefix(pathname, GRAPH_PREFIX)) {
      const requestId = randomUUID();
      const failure = new GraphFailure(
        404,
        'UnknownError',
        `Nothing is served at '${pathname}'; Graph lives under ${GRAPH_PREFIX}.`,
      );
      const result = errorResult(failure, { requestId, clientRequestId: requestId });
      send(response, result.status, { 'request-id': requestId }, result.body);
      return;
    }
    const { result, ids } = await pipeline.handle({
      method,
      path: pathname.slice(GRAPH_PREFIX.length) || '/',
      query: url.search.replace(/^\?/, ''),
      contentType: header(request, 'content-type'),
      rawBody,
      authorization: header(request, 'authorization'),
      clientRequestId: header(request, 'client-request-id'),
      origin: originOf(request, origin),
    });
    send(
      response,
      result.status,
      { ...result.headers, 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId },
      result.body,
    );
  };

  const handler = (request: IncomingMessage, response: ServerResponse) => {
    answer(request, response).catch((error: unknown) => {
      if (lifetime.signal.aborted) {
        response.destroy();
        return;
      }
      const tooLarge = error instanceof BodyTooLargeError;
      const message = error instanceof Error ? error.message : String(error);
      send(
        response,
        tooLarge ? 413 : 500,
        {},
        {
          error: { code: tooLarge ? 'requestTooLarge' : 'generalException', message },
        },
      );
    });
  };
  const server = options.tls ? createTlsServer(options.tls, handler) : createServer(handler);
  // Tracked so close() can end keep-alive and hung connections instead of waiting on them.
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // A server listening on a host and port (not a pipe) always reports an AddressInfo.
  const address = server.address() as AddressInfo;
  const urlHost = address.address.includes(':') ? `[${address.address}]` : address.address;
  origin = `${options.tls ? 'https' : 'http'}://${urlHost}:${address.port}`;
  const entraTls = options.entraTls
    ? await listenEntraOverTls(entra, host, options.entraTls).catch((error: unknown) => {
        server.close();
        throw error;
      })
    : undefined;
  tlsOrigin = entraTls?.url;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      lifetime.abort(new Error('The emulator is closing.'));
      subscriptionService.close();
      entraTls?.close();
      server.close(() => resolve());
      server.closeAllConnections();
      for (const socket of sockets) {
        socket.destroy();
      }
    });
    return closing;
  };

  return {
    url: origin,
    faults,
    requests,
    store,
    entra,
    ...(entraTls ? { entraOverTls: { url: entraTls.url, ca: entraTls.ca } } : {}),
    subscriptions: subscriptionService,
    uploads,
    submitJob,
    submitJobs,
    reset,
    close,
  };
}
