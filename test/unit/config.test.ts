import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../packages/gateway/src/config.js';

const TENANT = '11111111-2222-4333-8444-555555555555';
const CLIENT = '66666666-7777-4888-9999-aaaaaaaaaaaa';
/** A caller credential, for the tests about something else: without one, Graph mode refuses to start. */
const SOME_KEY = { GATEWAY_API_KEYS: 'ci:Print.Release.All:a-key-of-sixteen-chars' };

describe('loadConfig', () => {
  it('starts the embedded emulator when nothing about Graph is configured', () => {
    expect(loadConfig({})).toMatchObject({
      host: '127.0.0.1',
      port: 4000,
      graph: { kind: 'emulator', emulatorPort: 4010 },
      graphTimeoutMs: 10_000,
    });
  });

  it('uses Microsoft Graph with a static token', () => {
    expect(loadConfig({ GRAPH_ACCESS_TOKEN: 'tok', ...SOME_KEY }).graph).toEqual({
      kind: 'graph',
      baseUrl: 'https://graph.microsoft.com',
      credentials: { kind: 'static-token', token: 'tok' },
    });
  });

  it('uses client-secret credentials against a national cloud', () => {
    const config = loadConfig({
      GRAPH_BASE_URL: 'https://graph.microsoft.us/',
      AZURE_TENANT_ID: TENANT,
      AZURE_CLIENT_ID: CLIENT,
      AZURE_CLIENT_SECRET: 's',
      AZURE_AUTHORITY_HOST: 'https://login.microsoftonline.us',
    });
    expect(config.graph).toEqual({
      kind: 'graph',
      baseUrl: 'https://graph.microsoft.us',
      credentials: { kind: 'client-secret', tenantId: TENANT, clientId: CLIENT, clientSecret: 's' },
      authorityHost: 'https://login.microsoftonline.us',
    });
    // The gateway's own tenant and app are what its callers' Entra tokens are checked against.
    expect(config.callerAuth).toEqual({
      serviceKeys: [],
      entra: {
        kind: 'authority',
        authorityHost: 'https://login.microsoftonline.us',
        tenantIds: [TENANT],
        audiences: [CLIENT, `api://${CLIENT}`],
      },
      allowAnonymous: false,
    });
  });

  it('reads named service keys with roles, and bare keys as before', () => {
    const keys =
      'kiosk:Print.Release.All:kiosk-key-0123456789, dash:Print.Read.All+Print.Read.All:a:b:c-0123456789abcdef, a-key-of-sixteen-chars';
    const { serviceKeys, allowAnonymous } = loadConfig({ GATEWAY_API_KEYS: keys }).callerAuth;
    expect(serviceKeys).toEqual([
      { name: 'kiosk', roles: ['Print.Release.All'], key: 'kiosk-key-0123456789' },
      { name: 'dash', roles: ['Print.Read.All'], key: 'a:b:c-0123456789abcdef' },
      {
        name: expect.stringMatching(/^key-[0-9a-f]{8}$/),
        roles: ['Print.Release.All'],
        key: 'a-key-of-sixteen-chars',
      },
    ]);
    expect(allowAnonymous).toBe(false);
  });

  it('lets production run without credentials only when told to explicitly', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      GRAPH_ACCESS_TOKEN: 't',
      GATEWAY_ALLOW_ANONYMOUS: 'true',
    });
    expect(config.callerAuth).toEqual({ serviceKeys: [], entra: null, allowAnonymous: true });
  });

  it('on the embedded emulator, validates tokens against its Entra and refuses anonymous callers unless told to', () => {
    expect(loadConfig({}).callerAuth).toEqual({
      serviceKeys: [],
      entra: { kind: 'embedded-emulator' },
      allowAnonymous: false,
    });
    expect(loadConfig({ GATEWAY_ALLOW_ANONYMOUS: 'false' }).callerAuth.allowAnonymous).toBe(false);
    expect(loadConfig({ GATEWAY_ALLOW_ANONYMOUS: 'true' }).callerAuth.allowAnonymous).toBe(true);
  });

  it('never allows anonymous callers unless GATEWAY_ALLOW_ANONYMOUS=true, in development too', () => {
    const development = { GRAPH_ACCESS_TOKEN: 't' };
    // Nothing to authenticate callers with and no explicit opening: it refuses to start.
    expect(() => loadConfig(development)).toThrow(/GATEWAY_ALLOW_ANONYMOUS=true/);
    expect(loadConfig({ ...development, ...SOME_KEY }).callerAuth.allowAnonymous).toBe(false);
    expect(
      loadConfig({ ...development, AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT }).callerAuth
        .allowAnonymous,
    ).toBe(false);
    expect(
      loadConfig({ ...development, GATEWAY_ALLOW_ANONYMOUS: 'true' }).callerAuth.allowAnonymous,
    ).toBe(true);
  });

  it('accepts a list of tenants and audiences, and a loopback http authority', () => {
    const other = 'ABCDEF01-2345-4678-9abc-def012345678';
    const config = loadConfig({
      GRAPH_ACCESS_TOKEN: 't',
      GATEWAY_AUTH_TENANT_IDS: `${TENANT}, ${other}`,
      GATEWAY_AUTH_AUDIENCE: `api://print-gateway`,
      AZURE_AUTHORITY_HOST: 'http://127.0.0.1:4010/',
    });
    expect(config.callerAuth.entra).toEqual({
      kind: 'authority',
      authorityHost: 'http://127.0.0.1:4010',
      tenantIds: [TENANT, other.toLowerCase()],
      audiences: ['api://print-gateway'],
    });
  });

  it('accepts a plain-http Graph on loopback', () => {
    const config = loadConfig({
      GRAPH_BASE_URL: 'http://127.0.0.1:4010',
      GRAPH_ACCESS_TOKEN: 't',
      ...SOME_KEY,
    });
    expect(config.graph).toMatchObject({ baseUrl: 'http://127.0.0.1:4010' });
  });

  it('sets the HTTP limits and a grace period one Graph attempt long plus 5 s by default', () => {
    expect(loadConfig({})).toMatchObject({
      http: {
        requestTimeoutMs: 10_000,
        headersTimeoutMs: 5_000,
        keepAliveTimeoutMs: 5_000,
        maxConnections: 1_024,
      },
      shutdownGraceMs: 15_000,
    });
    expect(loadConfig({ GRAPH_TIMEOUT_MS: '20000' }).shutdownGraceMs).toBe(25_000);
  });

  it('takes HTTP limits and the grace period from the environment', () => {
    const config = loadConfig({
      HTTP_REQUEST_TIMEOUT_MS: '2000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '65000',
      HTTP_MAX_CONNECTIONS: '10',
      GRAPH_TIMEOUT_MS: '3000',
      SHUTDOWN_GRACE_MS: '4000',
    });
    // The headers timeout follows a shorter request timeout: it cannot exceed it.
    expect(config.http).toEqual({
      requestTimeoutMs: 2_000,
      headersTimeoutMs: 2_000,
      keepAliveTimeoutMs: 65_000,
      maxConnections: 10,
    });
    expect(config.shutdownGraceMs).toBe(4_000);
  });

  it('bounds the Graph calls of one request at 500 unless GRAPH_MAX_CALLS_PER_REQUEST says otherwise', () => {
    expect(loadConfig({}).graphService.maxCallsPerRequest).toBe(500);
    expect(loadConfig({ GRAPH_MAX_CALLS_PER_REQUEST: '40' }).graphService.maxCallsPerRequest).toBe(
      40,
    );
  });

  it('remembers 10,000 owners for 10 minutes unless OWNERSHIP_MEMORY_ENTRIES says otherwise', () => {
    expect(loadConfig({}).ownershipMemory).toEqual({ maxEntries: 10_000, ttlMs: 600_000 });
    expect(loadConfig({ OWNERSHIP_MEMORY_ENTRIES: '0' }).ownershipMemory.maxEntries).toBe(0);
  });

  it.each([
    [{ OWNERSHIP_MEMORY_ENTRIES: '-1' }, /OWNERSHIP_MEMORY_ENTRIES/],
    [{ OWNERSHIP_MEMORY_ENTRIES: '1000001' }, /OWNERSHIP_MEMORY_ENTRIES/],
    [{ OWNERSHIP_MEMORY_ENTRIES: 'lots' }, /OWNERSHIP_MEMORY_ENTRIES/],
    [{ GRAPH_BASE_URL: 'http://graph.example.com', GRAPH_ACCESS_TOKEN: 't' }, /must use https/],
    [
      { GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0', GRAPH_ACCESS_TOKEN: 't' },
      /without version/,
    ],
    [{ GRAPH_BASE_URL: 'not a url', GRAPH_ACCESS_TOKEN: 't' }, /not a URL/],
    [{ GRAPH_BASE_URL: 'https://graph.microsoft.com' }, /no credentials/],
    [{ AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c' }, /Incomplete Azure credentials/],
    [{ NODE_ENV: 'production' }, /needs Microsoft Graph credentials/],
    [{ NODE_ENV: 'production', GRAPH_ACCESS_TOKEN: 't' }, /must decide who calls it/],
    [{ GATEWAY_API_KEYS: 'short' }, /at least 16 characters/],
    [{ GATEWAY_API_KEYS: 'kiosk:Print.Release:kiosk-key-0123456789' }, /name:Role1\+Role2:key/],
    [{ GATEWAY_API_KEYS: 'bad name:Print.Read.All:kiosk-key-0123456789' }, /name:Role1\+Role2:key/],
    [
      {
        GATEWAY_API_KEYS: 'a:Print.Read.All:k-0123456789abcdef,a:Print.Read.All:k-0123456789abcdeg',
      },
      /named "a"/,
    ],
    [
      {
        GRAPH_ACCESS_TOKEN: 't',
        GATEWAY_AUTH_TENANT_IDS: 'contoso.onmicrosoft.com',
        AZURE_CLIENT_ID: CLIENT,
      },
      /tenant GUIDs/,
    ],
    [{ GRAPH_ACCESS_TOKEN: 't', GATEWAY_AUTH_TENANT_IDS: TENANT }, /GATEWAY_AUTH_AUDIENCE/],
    [
      {
        GRAPH_ACCESS_TOKEN: 't',
        GATEWAY_AUTH_TENANT_IDS: TENANT,
        GATEWAY_AUTH_AUDIENCE: 'https://graph.microsoft.com',
      },
      /never Microsoft Graph/,
    ],
    [
      {
        GRAPH_ACCESS_TOKEN: 't',
        GATEWAY_AUTH_TENANT_IDS: TENANT,
        AZURE_CLIENT_ID: CLIENT,
        AZURE_AUTHORITY_HOST: 'http://login.example.com',
      },
      /must use https/,
    ],
    [
      {
        GRAPH_ACCESS_TOKEN: 't',
        GATEWAY_AUTH_TENANT_IDS: TENANT,
        AZURE_CLIENT_ID: CLIENT,
        AZURE_AUTHORITY_HOST: 'https://login.microsoftonline.com/common',
      },
      /origin only/,
    ],
    [{ PORT: 'eighty' }, /PORT/],
    [{ GRAPH_TIMEOUT_MS: '5' }, /GRAPH_TIMEOUT_MS/],
    [{ GRAPH_MAX_CALLS_PER_REQUEST: '0' }, /GRAPH_MAX_CALLS_PER_REQUEST/],
    [{ GRAPH_MAX_CALLS_PER_REQUEST: '10001' }, /GRAPH_MAX_CALLS_PER_REQUEST/],
    [
      { SHUTDOWN_GRACE_MS: '10999' },
      /SHUTDOWN_GRACE_MS \(10999\) must be at least GRAPH_TIMEOUT_MS/,
    ],
    [{ GRAPH_TIMEOUT_MS: '30000', SHUTDOWN_GRACE_MS: '20000' }, /at least .* \(31000\)/],
    [{ HTTP_REQUEST_TIMEOUT_MS: '0' }, /HTTP_REQUEST_TIMEOUT_MS/],
    [{ HTTP_HEADERS_TIMEOUT_MS: '20000' }, /must not exceed HTTP_REQUEST_TIMEOUT_MS/],
    [{ HTTP_KEEP_ALIVE_TIMEOUT_MS: '10' }, /HTTP_KEEP_ALIVE_TIMEOUT_MS/],
    [{ HTTP_MAX_CONNECTIONS: '0' }, /HTTP_MAX_CONNECTIONS/],
  ])('refuses %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('loadConfig: the HTTP edge', () => {
  const production = {
    NODE_ENV: 'production',
    GRAPH_ACCESS_TOKEN: 't',
    GATEWAY_ALLOW_ANONYMOUS: 'true',
  };

  it('sends no CORS headers and allows introspection in development by default', () => {
    expect(loadConfig({}).edge).toEqual({ corsOrigins: [], introspection: true });
  });

  it('turns introspection off in production unless GATEWAY_INTROSPECTION=true', () => {
    expect(loadConfig(production).edge.introspection).toBe(false);
    expect(loadConfig({ ...production, GATEWAY_INTROSPECTION: 'true' }).edge.introspection).toBe(
      true,
    );
    expect(loadConfig({ GATEWAY_INTROSPECTION: 'false' }).edge.introspection).toBe(false);
  });

  it('reads GATEWAY_CORS_ORIGINS as a list of exact origins', () => {
    const origins = ' https://release.example.com, http://localhost:5173 ,';
    expect(loadConfig({ GATEWAY_CORS_ORIGINS: origins }).edge.corsOrigins).toEqual([
      'https://release.example.com',
      'http://localhost:5173',
    ]);
  });

  it.each([
    'https://release.example.com/',
    'https://release.example.com/app',
    'HTTPS://Release.example.com',
    'https://release.example.com:443',
    'release.example.com',
    '*',
    'null',
    'ftp://release.example.com',
  ])('refuses %s as a CORS origin', (origin) => {
    expect(() => loadConfig({ GATEWAY_CORS_ORIGINS: origin })).toThrow(/GATEWAY_CORS_ORIGINS/);
  });

  it('serves the SDL with its authorization directives unless GATEWAY_SDL_AUTHORIZATION_DIRECTIVES=false', () => {
    expect(loadConfig({}).sdlAuthorizationDirectives).toBe(true);
    expect(loadConfig(production).sdlAuthorizationDirectives).toBe(true);
    expect(
      loadConfig({ GATEWAY_SDL_AUTHORIZATION_DIRECTIVES: 'false' }).sdlAuthorizationDirectives,
    ).toBe(false);
    expect(() => loadConfig({ GATEWAY_SDL_AUTHORIZATION_DIRECTIVES: 'no' })).toThrow(
      /GATEWAY_SDL_AUTHORIZATION_DIRECTIVES/,
    );
  });

  it('refuses a GATEWAY_INTROSPECTION that is not true or false', () => {
    expect(() => loadConfig({ GATEWAY_INTROSPECTION: 'yes' })).toThrow(/GATEWAY_INTROSPECTION/);
  });
});

describe('loadConfig: metrics', () => {
  it('listens for scrapes on 9464, on HOST, by default', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).metrics).toEqual({
      listen: { host: '0.0.0.0', port: 9464 },
      maxOperationNames: 50,
    });
  });

  it('takes its own port and interface, or none at all', () => {
    expect(
      loadConfig({ HOST: '0.0.0.0', METRICS_HOST: '10.1.2.3', METRICS_PORT: '9100' }).metrics
        .listen,
    ).toEqual({ host: '10.1.2.3', port: 9100 });
    expect(loadConfig({ METRICS_PORT: 'off' }).metrics.listen).toBeNull();
  });

  it.each(['', 'x', '-1', '65536', '1.5', '9464abc', 'OFF'])(
    'refuses METRICS_PORT=%j and names it',
    (value) => {
      expect(() => loadConfig({ METRICS_PORT: value })).toThrow(ConfigError);
      expect(() => loadConfig({ METRICS_PORT: value })).toThrow(/METRICS_PORT/);
    },
  );

  it('bounds METRICS_MAX_OPERATION_NAMES to 0-1000', () => {
    expect(loadConfig({ METRICS_MAX_OPERATION_NAMES: '0' }).metrics.maxOperationNames).toBe(0);
    expect(() => loadConfig({ METRICS_MAX_OPERATION_NAMES: '1001' })).toThrow(
      /METRICS_MAX_OPERATION_NAMES/,
    );
    expect(() => loadConfig({ METRICS_MAX_OPERATION_NAMES: 'many' })).toThrow(
      /METRICS_MAX_OPERATION_NAMES/,
    );
  });
});
