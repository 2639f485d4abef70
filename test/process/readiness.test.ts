/**
 * /ready on the real process, configured against the emulator as against Microsoft Graph and
 * Entra ID: @azure/identity's client-credentials flow gets the gateway's Graph token from the
 * emulator's Entra (over HTTPS: @azure/identity and MSAL refuse a plain-http authority), and
 * /ready follows what that check last found, without calling Entra itself.
 */
import { get } from 'node:http';
import {
  DEMO,
  type EmulatorOptions,
  ENTRA,
  LOOPBACK_DEV_TLS,
  type RunningEmulator,
  startEmulator,
} from '@universal-print-gateway/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { killGatewayProcesses, startGatewayProcess } from '../helpers/gateway-process.js';

const API_KEY = 'readiness-test:Print.Release.All:readiness-test-key-0123456789';

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  killGatewayProcesses();
  await emulator?.close();
  emulator = undefined;
});

async function startAgainstEmulatedEntra(
  clientSecret: string,
  env: Record<string, string> = {},
  entra: EmulatorOptions['entra'] = {},
) {
  emulator = await startEmulator({
    entra,
    tls: { key: LOOPBACK_DEV_TLS.key, cert: LOOPBACK_DEV_TLS.cert },
  });
  const gateway = startGatewayProcess({
    NODE_ENV: 'production',
    // The emulator's self-signed certificate, trusted by this process only.
    NODE_EXTRA_CA_CERTS: LOOPBACK_DEV_TLS.certFile,
    GRAPH_BASE_URL: emulator.url,
    AZURE_AUTHORITY_HOST: emulator.url,
    AZURE_TENANT_ID: ENTRA.tenantId,
    AZURE_CLIENT_ID: ENTRA.apps.gateway.appId,
    AZURE_CLIENT_SECRET: clientSecret,
    GATEWAY_API_KEYS: API_KEY,
    ...env,
  });
  const graphql = await gateway.listening;
  const base = graphql.replace(/\/graphql$/, '');
  return { emulator, gateway, graphql, base };
}

/**
 * GET on a connection of its own: a shutdown closes idle keep-alive connections, and a probe
 * must not be sent on one the server has just closed.
 */
function probe(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.on('end', () => {
        try {
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) });
        } catch {
          resolve({ status: response.statusCode ?? 0, body: { text } });
        }
      });
    }).on('error', reject);
  });
}

/** Polls generously: the machine may be loaded, and the first token takes a TLS handshake. */
async function untilReady(
  url: string,
  predicate: (answer: { status: number; body: Record<string, unknown> }) => boolean,
): Promise<{ status: number; body: Record<string, unknown> }> {
  let last: { status: number; body: Record<string, unknown> } | undefined;
  for (let waited = 0; waited < 20_000; waited += 50) {
    last = await probe(url);
    if (predicate(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`/ready never matched; last ${JSON.stringify(last)}`);
}

function graphqlCall(graphql: string, query: string): Promise<Response> {
  return fetch(graphql, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${API_KEY.split(':').slice(2).join(':')}`,
    },
    body: JSON.stringify({ query }),
  });
}

const printerQuery = (graphql: string) =>
  graphqlCall(
    graphql,
    `{ printer(id: "${DEMO.printers.floor1}") { ... on Printer { displayName } ... on Error { code } } }`,
  );

describe('/ready with client credentials from Entra', () => {
  it('answers 200 once a Graph token was obtained, and probes never reach Entra', async () => {
    const { emulator, gateway, graphql, base } = await startAgainstEmulatedEntra(
      ENTRA.apps.gateway.secret,
    );
    await untilReady(`${base}/ready`, (answer) => answer.status === 200);
    expect(await probe(`${base}/ready`)).toEqual({ status: 200, body: { status: 'ready' } });
    await gateway.logged('Graph token obtained: ready');

    // The token is Graph's: the emulator's Graph accepts it, and requests reuse MSAL's cache.
    const tokensBefore = emulator.entra.hits().token;
    const answer = (await (await printerQuery(graphql)).json()) as Record<string, unknown>;
    expect(answer).toEqual({ data: { printer: { displayName: 'Secure Release - Floor 1' } } });
    for (let i = 0; i < 20; i += 1) expect((await probe(`${base}/ready`)).status).toBe(200);
    expect(emulator.entra.hits().token).toBe(tokensBefore);
  });

  it('names a Graph permission the app lacks, in /ready and in a warn line, and stays ready', async () => {
    // What the README used to ask for: enough for everything but redirect, hence release.
    const { gateway, graphql, base } = await startAgainstEmulatedEntra(
      ENTRA.apps.gateway.secret,
      {},
      {
        gatewayGraphRoles: [
          'PrintTaskDefinition.ReadWrite.All',
          'PrintJob.ReadWriteBasic.All',
          'Printer.Read.All',
        ],
      },
    );
    const answer = await untilReady(`${base}/ready`, (a) => a.status === 200);
    expect(answer.body).toEqual({
      status: 'ready',
      graphPermissions: {
        code: 'GRAPH_PERMISSIONS_MISSING',
        missing: [
          { anyOf: ['PrintJob.Manage.All'], operations: ['redirectPrintJob', 'releasePrintJobs'] },
        ],
      },
    });
    await gateway.logged('Graph token obtained: ready');
    const warned = gateway.lines.find((line) => line['code'] === 'GRAPH_PERMISSIONS_MISSING');
    expect(warned).toMatchObject({ level: 'warn', missing: [{ anyOf: ['PrintJob.Manage.All'] }] });

    // What it warns of: Graph refuses the redirect (a release) to such a token.
    const release = await graphqlCall(
      graphql,
      `mutation { redirectPrintJob(input: { printerId: "${DEMO.printers.floor1}", printJobId: "${DEMO.jobs.floor1WaitingAdele}", destinationPrinterId: "${DEMO.printers.direct}" }) { __typename ... on Error { code } } }`,
    );
    expect(await release.json()).toEqual({
      data: {
        redirectPrintJob: { __typename: 'PermissionDeniedError', code: 'PERMISSION_DENIED' },
      },
    });
  }, 40_000);

  it('answers 503 graph-credentials-failing with a wrong secret, while /health stays 200', async () => {
    const { emulator, gateway, graphql, base } =
      await startAgainstEmulatedEntra('not-the-gateway-secret');
    const answer = await untilReady(
      `${base}/ready`,
      (a) => a.status === 503 && a.body['status'] !== 'graph-credentials-pending',
    );
    expect(answer.body).toMatchObject({
      status: 'graph-credentials-failing',
      consecutiveFailures: 1,
    });
    expect(Date.parse(String(answer.body['failingSince']))).not.toBeNaN();
    // Neither the secret nor Entra's error text reaches an unauthenticated probe.
    const text = JSON.stringify(answer.body);
    expect(text).not.toMatch(/AADSTS|invalid_client|not-the-gateway-secret/);
    expect((await probe(`${base}/health`)).status).toBe(200);

    // The detail is in the log, for whoever fixes the secret; the secret is not.
    await gateway.logged('Cannot obtain a Graph token: not ready');
    const logged = gateway.lines.find((line) => line['code'] === 'GRAPH_CREDENTIALS_FAILING');
    expect(String(logged?.['detail'])).toContain('7000215');
    expect(JSON.stringify(gateway.lines)).not.toContain('not-the-gateway-secret');

    // Probes are answered from memory: however many, Entra sees only the check's own retries
    // (each logs a failure; one may be under way when the probes end).
    const checks = () => gateway.lines.filter((l) => l['code'] === 'GRAPH_CREDENTIALS_FAILING');
    const [tokenRequests, failuresLogged] = [emulator.entra.hits().token, checks().length];
    for (let i = 0; i < 20; i += 1) expect((await probe(`${base}/ready`)).status).toBe(503);
    expect(emulator.entra.hits().token - tokenRequests).toBeLessThanOrEqual(
      checks().length - failuresLogged + 1,
    );
    // A request routed here all the same gets a typed error and never reaches Graph.
    expect(await (await printerQuery(graphql)).json()).toEqual({
      data: { printer: { code: 'UPSTREAM_UNAVAILABLE' } },
    });
    expect(emulator.requests.entries()).toEqual([]);
  });
});

describe('/ready on SIGTERM', () => {
  it('answers 503 draining once a shutdown begins, /health still 200', async () => {
    const { emulator, gateway, graphql, base } = await startAgainstEmulatedEntra(
      ENTRA.apps.gateway.secret,
    );
    await untilReady(`${base}/ready`, (answer) => answer.status === 200);
    // A request in progress holds the drain open long enough to probe it.
    emulator.faults.add({ path: '^/print/printers/[^/]+$', latencyMs: 3_000 });
    const slow = printerQuery(graphql);
    await new Promise((resolve) => setTimeout(resolve, 300));
    gateway.child.kill('SIGTERM');
    await gateway.logged('Shutting down');
    expect(await probe(`${base}/ready`)).toEqual({ status: 503, body: { status: 'draining' } });
    expect((await probe(`${base}/health`)).status).toBe(200);
    expect((await slow).status).toBe(200);
    expect(await gateway.exited).toBe(0);
  });
});
