/**
 * What it costs the gateway to know who calls: the CPU time per operation of the gateway process
 * for the same operations authenticated (a) with a service key and (b) with a person's Entra
 * token (RS256 signature, claims, keys from the emulator's Entra over JWKS, cached). The gateway
 * runs as its own process, configured as in production, so that its CPU (read from /proc) holds
 * neither the emulator's nor the load generator's. For the read, the difference between (a) and
 * (b) is the token's validation and the ownership check on the job already read. For the write it
 * is also the ownership read a person's abort makes first (one more Graph call through the
 * batcher, docs/authorization.md): the station acts on any job without reading it.
 */
import { randomBytes } from 'node:crypto';
import {
  DEMO,
  EMULATOR_TOKENS,
  ENTRA,
  emulatedEntraSettings,
  GATEWAY_API,
  startEmulator,
} from '@universal-print-gateway/emulator';
import { createEntraTokenValidator } from '../../packages/gateway/src/auth/entra-token.js';
import { createServiceKeyMatcher } from '../../packages/gateway/src/auth/service-keys.js';
import { VerifiedTokens } from '../../packages/gateway/src/auth/verified-tokens.js';
import { personToken } from '../../test/helpers/entra.js';
import {
  type GatewayProcess,
  killGatewayProcesses,
  startGatewayProcess,
} from '../../test/helpers/gateway-process.js';
import { load, round } from '../harness.js';
import { CPU_TICK_MS, processCpuMs } from '../process-cpu.js';

const READ = `query($printerId: ID!, $id: ID!) {
  printJob(printerId: $printerId, id: $id) { __typename ... on PrintJob { id status { state } } }
}`;
const ABORT = `mutation($input: AbortPrintJobInput!) {
  abortPrintJob(input: $input) { __typename }
}`;

type Credential = 'serviceKey' | 'personToken';
const ABBA = ['serviceKey', 'personToken', 'personToken', 'serviceKey'] as const;
const ROUNDS = 4;

export interface CallerCostRow {
  operations: number;
  /** Gateway CPU (user + system) per operation, in ms. */
  serviceKeyCpuMsPerOp: number;
  personTokenCpuMsPerOp: number;
  /** personToken ÷ serviceKey. */
  ratio: number;
}

/** The credential check alone, in this process: what the per-operation difference is made of. */
export interface AuthenticationAlone {
  calls: number;
  serviceKeyUsPerCall: number;
  /** The token verified in full: RS256 and claims. */
  personTokenUsPerCall: number;
  /** The same token once verified: what the gateway's next requests with it cost. */
  personTokenRememberedUsPerCall: number;
}

export interface CallerCostResult {
  concurrency: number;
  /** The resolution of the CPU figures per measured segment. */
  cpuTickMs: number;
  /** A `printJob` read of a seeded job of Adele's. */
  read: CallerCostRow;
  /** `abortPrintJob` on a fresh job of Adele's per operation. */
  write: CallerCostRow;
  authenticationAlone: AuthenticationAlone;
}

export async function callerCost(options: {
  operations: number;
  concurrency: number;
  /** Calls of each credential check in authenticationAlone. */
  checks: number;
}): Promise<CallerCostResult> {
  const emulator = await startEmulator();
  const serviceKey = `bench-${randomBytes(16).toString('hex')}`;
  let gateway: GatewayProcess | undefined;
  try {
    gateway = startGatewayProcess({
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      GRAPH_BASE_URL: emulator.url,
      GRAPH_ACCESS_TOKEN: EMULATOR_TOKENS.gatewayApp,
      GATEWAY_API_KEYS: `bench:Print.Release.All:${serviceKey}`,
      AZURE_AUTHORITY_HOST: emulator.url,
      GATEWAY_AUTH_TENANT_IDS: ENTRA.tenantId,
      GATEWAY_AUTH_AUDIENCE: GATEWAY_API.clientId,
      // The scenario measures what a caller costs, not how the gateway refuses a flood: its
      // closed loop would exceed the per-caller defaults (docs/operations.md#per-caller-limits).
      GATEWAY_RATE_LIMIT_KEY: 'off',
      GATEWAY_RATE_LIMIT_PERSON: 'off',
      GATEWAY_GRAPH_CALL_LIMIT_KEY: 'off',
      GATEWAY_GRAPH_CALL_LIMIT_PERSON: 'off',
      GATEWAY_MAX_IN_PROGRESS_PER_CALLER: 'off',
      // Nor background Graph traffic (live events' subscription manager and reconciliation).
      GATEWAY_GRAPH_SUBSCRIPTIONS: 'false',
      GATEWAY_RECONCILE_INTERVAL_MS: '0',
    });
    const url = await gateway.listening;
    const pid = gateway.child.pid;
    if (pid === undefined) throw new Error('the gateway process has no pid');
    const credentials: Record<Credential, string> = {
      serviceKey,
      personToken: await personToken(emulator.url, 'adele'),
    };
    const post = async (credential: Credential, body: unknown): Promise<string> => {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${credentials[credential]}`,
        },
        body: JSON.stringify(body),
      });
      const answer = (await response.json()) as { data?: Record<string, { __typename?: string }> };
      const typename = Object.values(answer.data ?? {})[0]?.__typename;
      if (!response.ok || typename === undefined) {
        throw new Error(`${credential}: ${response.status} ${JSON.stringify(answer)}`);
      }
      return typename;
    };

    const read = (credential: Credential) => async () => {
      const typename = await post(credential, {
        query: READ,
        variables: { printerId: DEMO.printers.floor1, id: DEMO.jobs.floor1WaitingAdele },
      });
      if (typename !== 'PrintJob') throw new Error(`printJob answered ${typename}`);
    };
    const write = (credential: Credential, jobIds: string[]) => async (index: number) => {
      const typename = await post(credential, {
        query: ABORT,
        variables: { input: { printerId: DEMO.printers.floor1, printJobId: jobIds[index] } },
      });
      if (typename !== 'AbortPrintJobSuccess')
        throw new Error(`abortPrintJob answered ${typename}`);
    };

    const measure = async (
      run: (credential: Credential, operations: number) => Promise<void>,
    ): Promise<CallerCostRow> => {
      // Both warm (JIT, the JWKS cache, connections) before anything counts.
      await run('serviceKey', 300);
      await run('personToken', 300);
      // Rounds of ABBA: a drift of the machine over the run weighs on both credentials alike.
      const segment = Math.ceil(options.operations / (2 * ROUNDS));
      const cpu: Record<Credential, number> = { serviceKey: 0, personToken: 0 };
      for (let pass = 0; pass < ROUNDS; pass++) {
        for (const credential of ABBA) {
          const before = processCpuMs(pid);
          await run(credential, segment);
          cpu[credential] += processCpuMs(pid) - before;
        }
      }
      const operations = segment * 2 * ROUNDS;
      const serviceKeyCpuMsPerOp = cpu.serviceKey / operations;
      const personTokenCpuMsPerOp = cpu.personToken / operations;
      return {
        operations,
        serviceKeyCpuMsPerOp: round(serviceKeyCpuMsPerOp, 3),
        personTokenCpuMsPerOp: round(personTokenCpuMsPerOp, 3),
        ratio: round(personTokenCpuMsPerOp / serviceKeyCpuMsPerOp, 3),
      };
    };

    const readRow = await measure(async (credential, operations) => {
      await load(operations, options.concurrency, read(credential));
    });
    const writeRow = await measure(async (credential, operations) => {
      // Fresh waiting jobs of Adele's, submitted by this process while the gateway idles: only
      // the aborts cost the gateway CPU.
      const jobIds = Array.from(
        { length: operations },
        () =>
          emulator.submitJob({
            printerId: DEMO.printers.floor1,
            userPrincipalName: DEMO.users.adele.userPrincipalName,
          }).id,
      );
      await load(operations, options.concurrency, write(credential, jobIds));
    });
    return {
      concurrency: options.concurrency,
      cpuTickMs: CPU_TICK_MS,
      read: readRow,
      write: writeRow,
      authenticationAlone: await authenticationAlone(
        emulator.url,
        serviceKey,
        credentials.personToken,
        options.checks,
      ),
    };
  } finally {
    await stopGateway(gateway);
    await emulator.close();
  }
}

/**
 * The gateway's own checks, called in this process one after another: the service-key match
 * (a SHA-256 and a constant-time compare) and the Entra validation (RS256 and claims; its JWKS
 * fetched once, before counting). The emulator in this process idles meanwhile.
 */
async function authenticationAlone(
  emulatorUrl: string,
  serviceKey: string,
  token: string,
  calls: number,
): Promise<AuthenticationAlone> {
  const matchKey = createServiceKeyMatcher([
    { name: 'bench', roles: ['Print.Release.All'], key: serviceKey },
  ]);
  // A validator that remembers nothing verifies the token in full on every call; the gateway's
  // own remembers it, which is what a person's repeated requests cost.
  const verifyToken = createEntraTokenValidator({
    ...emulatedEntraSettings(emulatorUrl),
    verifiedTokens: new VerifiedTokens({ maxAgeMs: 0 }),
  });
  const validateToken = createEntraTokenValidator(emulatedEntraSettings(emulatorUrl));
  await verifyToken(token);
  await validateToken(token);
  const usPerCall = async (check: () => unknown): Promise<number> => {
    const before = process.cpuUsage();
    for (let call = 0; call < calls; call++) await check();
    const { user, system } = process.cpuUsage(before);
    return round((user + system) / calls, 1);
  };
  return {
    calls,
    serviceKeyUsPerCall: await usPerCall(() => matchKey(serviceKey)),
    personTokenUsPerCall: await usPerCall(() => verifyToken(token)),
    personTokenRememberedUsPerCall: await usPerCall(() => validateToken(token)),
  };
}

async function stopGateway(gateway: GatewayProcess | undefined): Promise<void> {
  if (!gateway || gateway.child.exitCode !== null) return;
  gateway.child.kill('SIGTERM');
  const stopped = await Promise.race([
    gateway.exited.then(() => true),
    new Promise<false>((resolve) => setTimeout(resolve, 10_000, false).unref()),
  ]);
  if (!stopped) killGatewayProcesses();
}
