/**
 * The real app listening on a loopback port, authenticating callers against the emulator's
 * Entra (real tokens over HTTP) and reaching Graph on the same emulator, with every log line
 * captured so that tests can read the audit trail.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  EMULATOR_TOKENS,
  type EmulatorOptions,
  ENTRA,
  emulatedEntraSettings,
  type RecordedRequest,
  type RunningEmulator,
} from '@universal-print-gateway/emulator';
import { useEmulator } from '@universal-print-gateway/emulator/vitest';
import { type ExecutionResult, print } from 'graphql';
import { afterEach, beforeEach } from 'vitest';
import { type AppDependencies, createApp } from '../../packages/gateway/src/app.js';
import { createEntraTokenValidator } from '../../packages/gateway/src/auth/entra-token.js';
import { parseServiceKeys } from '../../packages/gateway/src/auth/service-keys.js';
import {
  createObservedGraphTransport,
  ObservedGraphService,
} from '../../packages/gateway/src/observed-graph.js';
import { staticToken } from '../../packages/graph-client/src/credentials/credentials.js';
import {
  DEFAULT_GRAPH_SERVICE_OPTIONS,
  type GraphServiceOptions,
} from '../../packages/graph-client/src/service.js';
import { appToken, claimsOf, listen, personToken } from './entra.js';
import { type LogLine, memoryLogger } from './memory-logger.js';

export const STATION_KEY = 'station-key-0123456789abcdef';
export const DASHBOARD_KEY = 'dashboard-key-0123456789abcdef';
const SERVICE_KEYS = parseServiceKeys(
  `station:Print.Release.All:${STATION_KEY},dashboard:Print.Read.All:${DASHBOARD_KEY}`,
);

/** Who a test calls as; `anonymous` sends no credentials at all. */
export type CallerName =
  | 'adele'
  | 'megan'
  | 'stationApp'
  | 'dashboardApp'
  | 'stationKey'
  | 'dashboardKey'
  | 'noPermission'
  | 'anonymous';

export type { LogLine } from './memory-logger.js';

export interface AuthorizedGateway {
  readonly emulator: RunningEmulator;
  /** The gateway's origin, while a test runs. */
  readonly url: string;
  /** The credential a caller sends (null for anonymous). */
  credential(caller: CallerName): Promise<string | null>;
  execute<Result, Variables>(
    caller: CallerName,
    document: TypedDocumentNode<Result, Variables> | string,
    variables?: Variables,
  ): Promise<ExecutionResult<Result>>;
  /** Every log line the gateway wrote since the test began. */
  readonly logLines: readonly LogLine[];
  auditLines(): LogLine[];
  /** Graph requests that could change something: writes, alone or inside `$batch`. */
  writesSent(): RecordedRequest[];
  /** `$batch` envelopes and the items in them, by method. */
  upstream(): { envelopes: number; getItems: number; writeItems: number; direct: number };
}

/** What a test may give the app besides what the helper sets up, made anew for each test. */
type AppExtras = () => Pick<AppDependencies, 'idempotencyStore' | 'idempotencyMaxKeysPerCaller'>;

export function useAuthorizedGateway(
  options: {
    allowAnonymous?: boolean;
    emulator?: EmulatorOptions;
    /** Budget, retries, deadline: the production defaults otherwise. */
    graph?: Partial<GraphServiceOptions>;
    /** createApp's setting of the same name; its default when omitted. */
    sdlAuthorizationDirectives?: boolean;
    app?: AppExtras;
  } = {},
): AuthorizedGateway {
  const env = useEmulator(options.emulator);
  let server: { url: string; close(): Promise<void> } | undefined;
  let lines: LogLine[] = [];
  const tokens = new Map<CallerName, Promise<string>>();

  beforeEach(async () => {
    const memory = memoryLogger();
    lines = memory.lines;
    const { logger } = memory;
    const graph = new ObservedGraphService(
      createObservedGraphTransport({
        baseUrl: env.emulator.url,
        auth: staticToken(EMULATOR_TOKENS.gatewayApp),
        timeoutMs: 5_000,
      }),
      { ...DEFAULT_GRAPH_SERVICE_OPTIONS, ...options.graph },
    );
    const app = createApp({
      graph,
      logger,
      graphiql: false,
      authentication: {
        serviceKeys: SERVICE_KEYS,
        entra: createEntraTokenValidator(emulatedEntraSettings(env.emulator.url)),
        allowAnonymous: options.allowAnonymous ?? false,
      },
      ...(options.sdlAuthorizationDirectives === undefined
        ? {}
        : { sdlAuthorizationDirectives: options.sdlAuthorizationDirectives }),
      ...options.app?.(),
    });
    server = await listen(app);
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const mint = async (caller: CallerName): Promise<string> => {
    const url = env.emulator.url;
    switch (caller) {
      case 'adele':
      case 'megan':
        return personToken(url, caller);
      case 'stationApp':
        return appToken(url, 'releaseStation');
      case 'dashboardApp':
        return appToken(url, 'dashboard');
      case 'noPermission': {
        // A genuine, correctly signed delegated token whose only scope the gateway does not know.
        const claims = claimsOf(await personToken(url, 'adele'));
        return env.emulator.entra.sign({ ...claims, scp: 'User.Read' });
      }
      default:
        throw new Error(`no token for ${caller}`);
    }
  };

  const credential = async (caller: CallerName): Promise<string | null> => {
    if (caller === 'anonymous') return null;
    if (caller === 'stationKey') return STATION_KEY;
    if (caller === 'dashboardKey') return DASHBOARD_KEY;
    let token = tokens.get(caller);
    if (!token) {
      token = mint(caller);
      tokens.set(caller, token);
    }
    return token;
  };

  return {
    get emulator() {
      return env.emulator;
    },
    get url() {
      if (!server) throw new Error('useAuthorizedGateway() is ready inside tests only');
      return server.url;
    },
    credential,
    async execute(caller, document, variables) {
      if (!server) throw new Error('useAuthorizedGateway() is ready inside tests only');
      const presented = await credential(caller);
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...(presented === null ? {} : { authorization: `Bearer ${presented}` }),
        },
        body: JSON.stringify({
          query: typeof document === 'string' ? document : print(document),
          variables,
        }),
      });
      return (await response.json()) as ExecutionResult<never>;
    },
    get logLines() {
      return lines;
    },
    auditLines: () => lines.filter((line) => line['audit'] === true),
    writesSent: () =>
      env.emulator.requests
        .entries()
        .filter((entry) => entry.via !== 'batch-envelope' && entry.method !== 'GET'),
    upstream() {
      const entries = env.emulator.requests.entries();
      const items = entries.filter((entry) => entry.via === 'batch-item');
      return {
        envelopes: entries.filter((entry) => entry.via === 'batch-envelope').length,
        getItems: items.filter((entry) => entry.method === 'GET').length,
        writeItems: items.filter((entry) => entry.method !== 'GET').length,
        direct: entries.filter((entry) => entry.via === 'direct').length,
      };
    },
  };
}

export const PEOPLE = {
  adele: ENTRA.people.adele.objectId,
  megan: ENTRA.people.megan.objectId,
} as const;
