import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

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
    expect(loadConfig({ GRAPH_ACCESS_TOKEN: 'tok' }).graph).toEqual({
      kind: 'graph',
      baseUrl: 'https://graph.microsoft.com',
      credentials: { kind: 'static-token', token: 'tok' },
    });
  });

  it('uses client-secret credentials against a national cloud', () => {
    const config = loadConfig({
      GRAPH_BASE_URL: 'https://graph.microsoft.us/',
      AZURE_TENANT_ID: 't',
      AZURE_CLIENT_ID: 'c',
      AZURE_CLIENT_SECRET: 's',
      AZURE_AUTHORITY_HOST: 'https://login.microsoftonline.us',
    });
    expect(config.graph).toEqual({
      kind: 'graph',
      baseUrl: 'https://graph.microsoft.us',
      credentials: { kind: 'client-secret', tenantId: 't', clientId: 'c', clientSecret: 's' },
      authorityHost: 'https://login.microsoftonline.us',
    });
  });

  it('requires callers to present one of GATEWAY_API_KEYS', () => {
    const keys = 'a-key-of-sixteen-chars, another-key-0123456789';
    expect(loadConfig({ GATEWAY_API_KEYS: keys }).callerAuth).toEqual({
      kind: 'api-keys',
      keys: ['a-key-of-sixteen-chars', 'another-key-0123456789'],
    });
  });

  it('lets production run without keys only when told to explicitly', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      GRAPH_ACCESS_TOKEN: 't',
      GATEWAY_ALLOW_ANONYMOUS: 'true',
    });
    expect(config.callerAuth).toEqual({ kind: 'anonymous' });
  });

  it('accepts a plain-http Graph on loopback', () => {
    const config = loadConfig({ GRAPH_BASE_URL: 'http://127.0.0.1:4010', GRAPH_ACCESS_TOKEN: 't' });
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

  it.each([
    [{ GRAPH_BASE_URL: 'http://graph.example.com', GRAPH_ACCESS_TOKEN: 't' }, /must use https/],
    [
      { GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0', GRAPH_ACCESS_TOKEN: 't' },
      /without version/,
    ],
    [{ GRAPH_BASE_URL: 'not a url', GRAPH_ACCESS_TOKEN: 't' }, /not a URL/],
    [{ GRAPH_BASE_URL: 'https://graph.microsoft.com' }, /no credentials/],
    [{ AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c' }, /Incomplete Azure credentials/],
    [{ NODE_ENV: 'production' }, /needs Microsoft Graph credentials/],
    [{ NODE_ENV: 'production', GRAPH_ACCESS_TOKEN: 't' }, /needs GATEWAY_API_KEYS/],
    [{ GATEWAY_API_KEYS: 'short' }, /at least 16 characters/],
    [{ PORT: 'eighty' }, /PORT/],
    [{ GRAPH_TIMEOUT_MS: '5' }, /GRAPH_TIMEOUT_MS/],
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
