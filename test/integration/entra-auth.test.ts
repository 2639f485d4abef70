/**
 * Caller authentication end to end, over real sockets: the gateway listens on a loopback port,
 * validates Entra ID tokens against the emulator's Entra (discovery, JWKS, tokens over HTTP) and
 * reaches Graph on the same emulator. Hostile tokens are forged with jose; every refusal must
 * leave Graph untouched.
 */

import {
  EMULATOR_TOKENS,
  ENTRA,
  emulatedEntraSettings,
  GATEWAY_API,
} from '@universal-print-gateway/emulator';
import { useEmulator } from '@universal-print-gateway/emulator/vitest';
import { createSchema, createYoga } from 'graphql-yoga';
import type { JWK, JWTPayload } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuditLog } from '../../packages/gateway/src/audit/audit-log.js';
import { createCallerAuthentication } from '../../packages/gateway/src/auth/authenticate.js';
import { callerKey, hasPermission } from '../../packages/gateway/src/auth/caller.js';
import {
  CLOCK_TOLERANCE_SECONDS,
  createEntraTokenValidator,
  type EntraValidatorOptions,
} from '../../packages/gateway/src/auth/entra-token.js';
import { parseServiceKeys } from '../../packages/gateway/src/auth/service-keys.js';
import { VerifiedTokens } from '../../packages/gateway/src/auth/verified-tokens.js';
import { createContextFactory, type GatewayContext } from '../../packages/gateway/src/context.js';
import { silentLogger } from '../../packages/gateway/src/logging/logger.js';
import {
  createObservedGraphTransport,
  ObservedGraphService,
} from '../../packages/gateway/src/observed-graph.js';
import { staticToken } from '../../packages/graph-client/src/credentials/credentials.js';
import {
  appToken,
  claimsOf,
  kidOf,
  listen,
  personToken,
  signHs256WithPublicKey,
  signWithForeignKey,
  unsigned,
} from '../helpers/entra.js';
import { createTestGateway, emulatorGraph } from '../helpers/test-gateway.js';

const env = useEmulator();
const KIOSK_KEY = 'kiosk-key-0123456789abcdef';
const DASHBOARD_KEY = 'dashboard-key-0123456789abcdef';
const SERVICE_KEYS = parseServiceKeys(
  `kiosk:Print.Release.All:${KIOSK_KEY},dashboard:Print.Read.All:${DASHBOARD_KEY}`,
);
const QUERY = JSON.stringify({ query: '{ printTaskDefinitions { displayName } }' });
const now = () => Math.floor(Date.now() / 1000);

function graphService(): ObservedGraphService {
  return new ObservedGraphService(
    createObservedGraphTransport({
      baseUrl: env.emulator.url,
      auth: staticToken(EMULATOR_TOKENS.gatewayApp),
      timeoutMs: 5_000,
    }),
  );
}

const validatorFor = (options: Partial<EntraValidatorOptions> = {}) =>
  createEntraTokenValidator({ ...emulatedEntraSettings(env.emulator.url), ...options });

let gateway: { url: string; close(): Promise<void> } | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

/** The real app, listening, authenticating against the emulator's Entra. */
async function startGateway(validator = validatorFor()): Promise<string> {
  const { app } = createTestGateway({
    ...emulatorGraph(env.emulator.url),
    app: {
      authentication: { serviceKeys: SERVICE_KEYS, entra: validator, allowAnonymous: false },
    },
  });
  gateway = await listen(app);
  return gateway.url;
}

async function post(url: string, headers: Record<string, string> = {}, query = '') {
  const response = await fetch(`${url}/graphql${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: QUERY,
  });
  return { response, body: (await response.json()) as Record<string, unknown> };
}

const bearer = (credential: string) => ({ authorization: `Bearer ${credential}` });

/** The claims of a genuine Adele token, to alter and sign again with the emulator's key. */
async function genuineClaims(): Promise<JWTPayload> {
  return claimsOf(await personToken(env.emulator.url, 'adele'));
}
const signedByEntra = (claims: JWTPayload) => env.emulator.entra.sign(claims);

async function currentPublicJwk(): Promise<JWK> {
  const response = await fetch(`${env.emulator.url}/${ENTRA.tenantId}/discovery/v2.0/keys`);
  const { keys } = (await response.json()) as { keys: JWK[] };
  const [newest] = keys;
  if (!newest) throw new Error('the emulator publishes no key');
  return newest;
}

type Refusal = [
  label: string,
  request: () => Promise<{ headers?: Record<string, string>; query?: string }>,
  status: number,
  code: string,
];

const refusals: Refusal[] = [
  ['no credentials', async () => ({}), 401, 'UNAUTHENTICATED'],
  ['a malformed token', async () => ({ headers: bearer('abc.def.ghi') }), 401, 'INVALID_TOKEN'],
  [
    'a bad signature',
    async () => {
      const token = await personToken(env.emulator.url, 'adele');
      return { headers: bearer(await signWithForeignKey(claimsOf(token), kidOf(token) ?? '')) };
    },
    401,
    'INVALID_TOKEN',
  ],
  [
    'alg: none',
    async () => {
      const token = await personToken(env.emulator.url, 'adele');
      return { headers: bearer(unsigned(claimsOf(token), kidOf(token))) };
    },
    401,
    'INVALID_TOKEN',
  ],
  [
    'HS256 signed with the RSA public key',
    async () => ({
      headers: bearer(
        await signHs256WithPublicKey(await genuineClaims(), await currentPublicJwk()),
      ),
    }),
    401,
    'INVALID_TOKEN',
  ],
  [
    'an expired token',
    async () => {
      const claims = await genuineClaims();
      const past = now() - CLOCK_TOLERANCE_SECONDS - 3600;
      return {
        headers: bearer(
          await signedByEntra({ ...claims, iat: past, nbf: past, exp: past + 3600 - 1 }),
        ),
      };
    },
    401,
    'TOKEN_EXPIRED',
  ],
  [
    'a token not valid yet',
    async () => {
      const claims = await genuineClaims();
      const later = now() + CLOCK_TOLERANCE_SECONDS + 600;
      return { headers: bearer(await signedByEntra({ ...claims, nbf: later, exp: later + 3600 })) };
    },
    401,
    'TOKEN_NOT_YET_VALID',
  ],
  [
    'a token for another API',
    async () => ({
      headers: bearer(
        await signedByEntra({ ...(await genuineClaims()), aud: 'api://another-api' }),
      ),
    }),
    401,
    'INVALID_AUDIENCE',
  ],
  [
    'a token from an unlisted tenant (genuine, from Fabrikam)',
    async () => ({
      headers: bearer(await appToken(env.emulator.url, 'otherTenantKiosk', ENTRA.otherTenantId)),
    }),
    401,
    'INVALID_TOKEN',
  ],
  [
    'a token from the wrong issuer',
    async () => {
      const claims = await genuineClaims();
      const iss = `https://login.microsoftonline.com/${ENTRA.tenantId}/v2.0`;
      return { headers: bearer(await signedByEntra({ ...claims, iss })) };
    },
    401,
    'INVALID_TOKEN',
  ],
  [
    'a token whose tid is not its issuer tenant',
    async () => ({
      headers: bearer(
        await signedByEntra({ ...(await genuineClaims()), tid: ENTRA.otherTenantId }),
      ),
    }),
    401,
    'INVALID_TOKEN',
  ],
  [
    'a token without oid',
    async () => {
      const { oid: _oid, ...claims } = await genuineClaims();
      return { headers: bearer(await signedByEntra(claims)) };
    },
    401,
    'INVALID_TOKEN',
  ],
  [
    'a v1.0 token',
    async () => ({
      headers: bearer(await signedByEntra({ ...(await genuineClaims()), ver: '1.0' })),
    }),
    401,
    'INVALID_TOKEN',
  ],
  [
    'a Graph token (aud 00000003-…)',
    async () => ({
      headers: bearer(
        await signedByEntra({
          ...(await genuineClaims()),
          aud: '00000003-0000-0000-c000-000000000000',
        }),
      ),
    }),
    401,
    'GRAPH_TOKEN_REJECTED',
  ],
  [
    'a Graph token (aud https://graph.microsoft.com)',
    async () => ({
      headers: bearer(
        await signedByEntra({ ...(await genuineClaims()), aud: 'https://graph.microsoft.com' }),
      ),
    }),
    401,
    'GRAPH_TOKEN_REJECTED',
  ],
  [
    'a wrong service key',
    async () => ({ headers: bearer('not-a-configured-key-0123') }),
    401,
    'INVALID_TOKEN',
  ],
  [
    'an Authorization header over 8 KB',
    async () => ({ headers: bearer(`${'a'.repeat(8 * 1024)}.b.c`) }),
    431,
    'AUTHORIZATION_TOO_LARGE',
  ],
  [
    'a valid key in the query string',
    async () => ({ query: `?api_key=${KIOSK_KEY}` }),
    400,
    'CREDENTIALS_IN_URL',
  ],
  [
    'a valid token in the query string',
    async () => ({ query: `?access_token=${await personToken(env.emulator.url, 'adele')}` }),
    400,
    'CREDENTIALS_IN_URL',
  ],
];

describe('refused credentials', () => {
  it.each(refusals.map(([label, build, status, code]) => ({ label, build, status, code })))(
    'refuses $label with $status $code and calls no Graph',
    async ({ build, status, code }) => {
      const url = await startGateway();
      const { headers, query } = await build();

      const { response, body } = await post(url, headers, query);

      expect(response.status).toBe(status);
      expect(body).toMatchObject({ errors: [{ extensions: { code } }] });
      const challenge = response.headers.get('www-authenticate');
      if (code === 'UNAUTHENTICATED') expect(challenge).toBe('Bearer');
      else if (status === 401)
        expect(challenge).toMatch(/^Bearer error="invalid_token", error_description="[^"]+"$/);
      else if (status === 400) expect(challenge).toMatch(/^Bearer error="invalid_request", /);
      expect(env.emulator.requests.entries()).toEqual([]);
    },
  );

  it('accepts a token that expired within the clock tolerance', async () => {
    const url = await startGateway();
    const claims = await genuineClaims();
    const exp = now() - Math.floor(CLOCK_TOLERANCE_SECONDS / 2);
    const token = await signedByEntra({ ...claims, iat: exp - 3600, nbf: exp - 3600, exp });

    const { response } = await post(url, bearer(token));

    expect(response.status).toBe(200);
  });

  it('answers 503 when Entra cannot be reached, and tells no caller they are wrong', async () => {
    const token = await personToken(env.emulator.url, 'adele');
    const url = await startGateway(
      validatorFor({ authorityHost: 'http://127.0.0.1:9', fetchTimeoutMs: 1_000 }),
    );

    const { response, body } = await post(url, bearer(token));

    expect(response.status).toBe(503);
    expect(body).toMatchObject({
      errors: [{ extensions: { code: 'AUTHENTICATION_UNAVAILABLE' } }],
    });
    expect(env.emulator.requests.entries()).toEqual([]);
  });
});

describe('accepted credentials', () => {
  it.each([
    ['a person token', () => personToken(env.emulator.url, 'megan')],
    ['an app token', () => appToken(env.emulator.url, 'releaseStation')],
    ['a service key', async () => KIOSK_KEY],
  ])('serves %s, and Graph is called', async (_label, credential) => {
    const url = await startGateway();

    const { response, body } = await post(url, bearer(await credential()));

    expect(response.status).toBe(200);
    expect(body).toEqual({
      data: { printTaskDefinitions: [{ displayName: 'Release at printer' }] },
    });
    expect(env.emulator.requests.entries().length).toBeGreaterThan(0);
  });
});

describe('the caller in context', () => {
  /** The real plugin and context factory around a schema that only reports the caller. */
  async function startWhoAmI(): Promise<string> {
    const callers = createCallerAuthentication(
      { serviceKeys: SERVICE_KEYS, entra: validatorFor(), allowAnonymous: false },
      { graphiql: false },
    );
    const context = createContextFactory({
      service: graphService(),
      callerOf: callers.callerOf,
      audit: createAuditLog(silentLogger),
    });
    const yoga = createYoga({
      schema: createSchema<GatewayContext>({
        typeDefs: 'type Query { caller: String! }',
        resolvers: {
          Query: {
            caller: (_parent, _args, { caller }) =>
              JSON.stringify({
                caller,
                key: callerKey(caller),
                releaseOwn: hasPermission(caller, 'Print.Release'),
                releaseAll: hasPermission(caller, 'Print.Release.All'),
                readAll: hasPermission(caller, 'Print.Read.All'),
              }),
          },
        },
      }),
      plugins: [callers.plugin],
      context,
    });
    gateway = await listen(yoga);
    return gateway.url;
  }

  async function whoAmI(credential: string) {
    const url = await startWhoAmI();
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(credential) },
      body: JSON.stringify({ query: '{ caller }' }),
    });
    const { data } = (await response.json()) as { data: { caller: string } };
    return JSON.parse(data.caller) as Record<string, unknown>;
  }

  it('a person: tid + oid, delegated scope, UPN for display only', async () => {
    const adele = ENTRA.people.adele;
    expect(await whoAmI(await personToken(env.emulator.url, 'adele'))).toEqual({
      caller: {
        kind: 'person',
        tenantId: ENTRA.tenantId,
        objectId: adele.objectId,
        clientAppId: ENTRA.apps.releaseApp.appId,
        permissions: ['Print.Release'],
        displayName: adele.userPrincipalName,
      },
      key: `person:${ENTRA.tenantId}/${adele.objectId}`,
      releaseOwn: true,
      releaseAll: false,
      readAll: false,
    });
  });

  it('an app: its app id and roles', async () => {
    const station = ENTRA.apps.releaseStation;
    expect(await whoAmI(await appToken(env.emulator.url, 'releaseStation'))).toEqual({
      caller: {
        kind: 'app',
        tenantId: ENTRA.tenantId,
        objectId: station.servicePrincipalId,
        appId: station.appId,
        permissions: ['Print.Release.All'],
      },
      key: `app:${ENTRA.tenantId}/${station.appId}`,
      releaseOwn: false,
      releaseAll: true,
      readAll: true,
    });
  });

  it('a read-only app cannot release', async () => {
    expect(await whoAmI(await appToken(env.emulator.url, 'dashboard'))).toMatchObject({
      caller: { kind: 'app', appId: ENTRA.apps.dashboard.appId, permissions: ['Print.Read.All'] },
      releaseAll: false,
      readAll: true,
    });
  });

  it('a service key: its name and roles, never the key', async () => {
    const result = await whoAmI(DASHBOARD_KEY);
    expect(result).toEqual({
      caller: { kind: 'service-key', name: 'dashboard', permissions: ['Print.Read.All'] },
      key: 'service-key:dashboard',
      releaseOwn: false,
      releaseAll: false,
      readAll: true,
    });
    expect(JSON.stringify(result)).not.toContain(DASHBOARD_KEY);
  });
});

describe('signing key rotation', () => {
  const rotate = async () => {
    const response = await fetch(`${env.emulator.url}/_emulator/entra/rotate-keys`, {
      method: 'POST',
    });
    return (await response.json()) as { kid: string; published: string[] };
  };

  it('accepts a token signed by a newly rotated key without a restart', async () => {
    const cooldownMs = 200;
    const url = await startGateway(validatorFor({ jwksCooldownMs: cooldownMs }));
    const before = await personToken(env.emulator.url, 'adele');
    expect((await post(url, bearer(before))).response.status).toBe(200);

    const { kid, published } = await rotate();
    const after = await personToken(env.emulator.url, 'adele');
    expect(kidOf(after)).toBe(kid);
    // The replaced key stays published: tokens already issued keep working.
    expect(published).toEqual([kid, kidOf(before)]);
    await new Promise((resolve) => setTimeout(resolve, cooldownMs + 50));

    expect((await post(url, bearer(after))).response.status).toBe(200);
    expect((await post(url, bearer(before))).response.status).toBe(200);
    expect(env.emulator.entra.hits()).toMatchObject({ discovery: 1, keys: 2 });
  });

  it('does not refetch the keys for every unknown kid (cooldown)', async () => {
    const url = await startGateway();
    expect(
      (await post(url, bearer(await personToken(env.emulator.url, 'adele')))).response.status,
    ).toBe(200);
    const claims = await genuineClaims();

    const flood = await Promise.all(
      Array.from({ length: 20 }, async (_, index) =>
        post(url, bearer(await signWithForeignKey(claims, `unknown-kid-${index}`))),
      ),
    );

    expect(flood.map(({ response }) => response.status)).toEqual(Array(20).fill(401));
    expect(flood.map(({ body }) => body)).toEqual(
      Array(20).fill(
        expect.objectContaining({
          errors: [expect.objectContaining({ extensions: { code: 'INVALID_TOKEN' } })],
        }),
      ),
    );
    expect(env.emulator.entra.hits()).toMatchObject({ discovery: 1, keys: 1 });
  });
});

describe("the emulator's token endpoint", () => {
  it('issues realistic v2.0 access tokens for the gateway API', async () => {
    const before = now();
    const claims = claimsOf(await personToken(env.emulator.url, 'megan'));
    expect(claims).toMatchObject({
      aud: GATEWAY_API.clientId,
      iss: `${env.emulator.url}/${ENTRA.tenantId}/v2.0`,
      tid: ENTRA.tenantId,
      oid: ENTRA.people.megan.objectId,
      azp: ENTRA.apps.releaseApp.appId,
      idtyp: 'user',
      scp: 'Print.Release',
      ver: '2.0',
      preferred_username: ENTRA.people.megan.userPrincipalName,
    });
    expect(claims.exp).toBe((claims.iat ?? 0) + 3600);
    expect(claims.nbf).toBeGreaterThanOrEqual(before);
  });

  it('refuses a wrong password and a wrong client secret as Entra does', async () => {
    const tokenUrl = `${env.emulator.url}/${ENTRA.tenantId}/oauth2/v2.0/token`;
    const form = (fields: Record<string, string>) =>
      fetch(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ scope: `${GATEWAY_API.appIdUri}/.default`, ...fields }),
      });

    const password = await form({
      grant_type: 'password',
      client_id: ENTRA.apps.releaseApp.appId,
      username: ENTRA.people.adele.userPrincipalName,
      password: 'wrong',
    });
    const secret = await form({
      grant_type: 'client_credentials',
      client_id: ENTRA.apps.releaseStation.appId,
      client_secret: 'wrong',
    });

    expect(password.status).toBe(400);
    expect(await password.json()).toMatchObject({ error: 'invalid_grant', error_codes: [50126] });
    expect(secret.status).toBe(401);
    expect(await secret.json()).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
  });
});

describe('a verified token is remembered, never past its validity', () => {
  it('is answered from memory, refused once expired, and a changed byte is verified anew', async () => {
    let clock = Date.now();
    const verifiedTokens = new VerifiedTokens();
    const validate = validatorFor({ verifiedTokens, now: () => clock });
    const claims = await genuineClaims();
    const issued = Math.floor(clock / 1000);
    const token = await signedByEntra({ ...claims, iat: issued, nbf: issued, exp: issued + 600 });

    const first = await validate(token);
    expect(verifiedTokens.size).toBe(1);
    expect(await validate(token)).toEqual(first);

    const [head, body, signature = ''] = token.split('.');
    const flipped = `${head}.${body}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(validate(flipped)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });

    clock = (issued + 600 + CLOCK_TOLERANCE_SECONDS + 1) * 1000;
    await expect(validate(token)).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect(verifiedTokens.size).toBe(0);
  });
});
