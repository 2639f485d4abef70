import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS,
  type Caller,
  callerKey,
  hasPermission,
} from '../../packages/gateway/src/auth/caller.js';
import {
  createServiceKeyMatcher,
  parseServiceKeys,
} from '../../packages/gateway/src/auth/service-keys.js';

const TENANT = '6c3f9a2e-1b4d-4e8f-a5c7-2d9e0b1f3a40';
const person: Caller = {
  kind: 'person',
  tenantId: TENANT,
  objectId: '4f1d9a2e-6b3c-4e7a-9d10-2a5b8c3e7f01',
  clientAppId: 'client',
  permissions: ['Print.Release'],
  displayName: 'AdeleV@contoso.onmicrosoft.com',
};
const releaseApp: Caller = {
  kind: 'app',
  tenantId: TENANT,
  objectId: '7b9d1f3a-5c2e-4a6b-8d0f-1e3a5c7b9d20',
  appId: '2a4c6e8f-1b3d-4f5a-9c7e-0d2f4a6b8c10',
  permissions: ['Print.Release.All'],
};

describe('callerKey', () => {
  it('keys people on tid + oid, never on the UPN (which changes)', () => {
    expect(callerKey(person)).toBe(`person:${TENANT}/${person.objectId}`);
    expect(callerKey({ ...person, displayName: 'renamed@contoso.com' })).toBe(callerKey(person));
  });

  it('keys apps on tenant + app id, keys on their name, and anonymous as one', () => {
    expect(callerKey(releaseApp)).toBe(`app:${TENANT}/2a4c6e8f-1b3d-4f5a-9c7e-0d2f4a6b8c10`);
    expect(callerKey({ kind: 'service-key', name: 'kiosk', permissions: [] })).toBe(
      'service-key:kiosk',
    );
    expect(callerKey(ANONYMOUS)).toBe('anonymous');
  });
});

describe('hasPermission', () => {
  it('lets Print.Release.All read, but not stand in for "own jobs"', () => {
    expect(hasPermission(releaseApp, 'Print.Release.All')).toBe(true);
    expect(hasPermission(releaseApp, 'Print.Read.All')).toBe(true);
    expect(hasPermission(releaseApp, 'Print.Release')).toBe(false);
  });

  it('gives a person their delegated scope only', () => {
    expect(hasPermission(person, 'Print.Release')).toBe(true);
    expect(hasPermission(person, 'Print.Read.All')).toBe(false);
  });

  it("gives anonymous callers the gateway's old power, Print.Release.All, never own-jobs", () => {
    expect(hasPermission(ANONYMOUS, 'Print.Release.All')).toBe(true);
    expect(hasPermission(ANONYMOUS, 'Print.Read.All')).toBe(true);
    expect(hasPermission(ANONYMOUS, 'Print.Release')).toBe(false);
  });
});

describe('service keys', () => {
  const keys = parseServiceKeys(
    'kiosk:Print.Release.All:kiosk-key-0123456789,dash:Print.Read.All:dash-key-0123456789',
  );
  const match = createServiceKeyMatcher(keys);

  it('finds the caller a key belongs to, by name and roles', () => {
    expect(match('dash-key-0123456789')).toEqual({
      kind: 'service-key',
      name: 'dash',
      permissions: ['Print.Read.All'],
    });
    expect(match('kiosk-key-0123456789')).toMatchObject({ name: 'kiosk' });
  });

  it('matches nothing for a prefix, a longer string or another case', () => {
    expect(match('kiosk-key-012345678')).toBeNull();
    expect(match('kiosk-key-01234567890')).toBeNull();
    expect(match('KIOSK-KEY-0123456789')).toBeNull();
  });

  it('names a bare key after its digest, so the name is stable and reveals nothing', () => {
    const [bare] = parseServiceKeys('a-bare-key-0123456789');
    expect(bare?.name).toMatch(/^key-[0-9a-f]{8}$/);
    expect(bare?.name).not.toContain('bare');
    expect(parseServiceKeys('a-bare-key-0123456789')[0]?.name).toBe(bare?.name);
  });
});
