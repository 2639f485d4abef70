/** The settings of the Graph token check behind /ready and of trusted documents. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../packages/gateway/src/config.js';

describe('readiness settings', () => {
  it('defaults: a check every 60 s, retries at most 30 s apart', () => {
    expect(loadConfig({}).readiness).toEqual({ intervalMs: 60_000, retryMaxMs: 30_000 });
  });

  it('takes values in range', () => {
    expect(
      loadConfig({
        READINESS_TOKEN_CHECK_INTERVAL_MS: '1000',
        READINESS_TOKEN_RETRY_MAX_MS: '600000',
      }).readiness,
    ).toEqual({ intervalMs: 1_000, retryMaxMs: 600_000 });
  });

  it.each([
    ['READINESS_TOKEN_CHECK_INTERVAL_MS', '999'],
    ['READINESS_TOKEN_CHECK_INTERVAL_MS', '3600001'],
    ['READINESS_TOKEN_CHECK_INTERVAL_MS', 'soon'],
    ['READINESS_TOKEN_RETRY_MAX_MS', '0'],
    ['READINESS_TOKEN_RETRY_MAX_MS', '600001'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});

describe('trusted documents settings', () => {
  it('are off by default', () => {
    expect(loadConfig({}).trustedDocuments).toBeNull();
  });

  it('name a manifest, and whether only it may run for people', () => {
    expect(loadConfig({ GATEWAY_TRUSTED_DOCUMENTS: 'm.json' }).trustedDocuments).toEqual({
      path: 'm.json',
      only: false,
    });
    expect(
      loadConfig({ GATEWAY_TRUSTED_DOCUMENTS: 'm.json', GATEWAY_TRUSTED_DOCUMENTS_ONLY: 'true' })
        .trustedDocuments,
    ).toEqual({ path: 'm.json', only: true });
  });

  it('refuses _ONLY without a manifest: nobody could send anything', () => {
    expect(() => loadConfig({ GATEWAY_TRUSTED_DOCUMENTS_ONLY: 'true' })).toThrow(
      /GATEWAY_TRUSTED_DOCUMENTS_ONLY=true needs GATEWAY_TRUSTED_DOCUMENTS/,
    );
  });

  it('refuses an _ONLY that is not true or false, naming it', () => {
    expect(() => loadConfig({ GATEWAY_TRUSTED_DOCUMENTS_ONLY: 'yes' })).toThrow(
      'GATEWAY_TRUSTED_DOCUMENTS_ONLY',
    );
  });
});
