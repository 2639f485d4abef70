/**
 * Service keys (`GATEWAY_API_KEYS`): shared secrets for callers that cannot get an Entra token
 * (a print server, a router in front of the gateway). Each key has a name, for audit, and
 * roles, so a read-only dashboard's key cannot release jobs.
 *
 * Format, comma-separated: `name:Role1+Role2:key`, e.g.
 * `lobby-kiosk:Print.Release.All:8c1f…,dashboard:Print.Read.All:0b7e…`.
 * A bare key (no `:`) is still accepted, as before this format existed: it keeps its old power
 * (`Print.Release.All`) and is named `key-` plus 8 hex digits of its SHA-256.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import {
  APPLICATION_PERMISSIONS,
  type ApplicationPermission,
  type ServiceKeyCaller,
} from './caller.js';

export interface ServiceKey {
  readonly name: string;
  readonly roles: readonly ApplicationPermission[];
  readonly key: string;
}

export const SERVICE_KEY_FORMAT =
  'name:Role1+Role2:key, comma-separated (roles: Print.Release.All, Print.Read.All; ' +
  'name: letters, digits, ".", "_", "-"; key: 16+ characters)';

const MIN_KEY_LENGTH = 16;
const NAME = /^[A-Za-z0-9._-]{1,64}$/;

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Parses `GATEWAY_API_KEYS`; throws an Error whose message names the entry and the format. */
export function parseServiceKeys(raw: string | undefined): ServiceKey[] {
  const entries = (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const keys = entries.map((entry, index) => parseEntry(entry, index + 1));
  const names = new Set<string>();
  const secrets = new Set<string>();
  for (const { name, key } of keys) {
    if (names.has(name)) throw new Error(`two keys are named "${name}"; names must be unique`);
    if (secrets.has(key)) throw new Error(`the key named "${name}" is configured twice`);
    names.add(name);
    secrets.add(key);
  }
  return keys;
}

function parseEntry(entry: string, position: number): ServiceKey {
  if (!entry.includes(':')) {
    if (entry.length < MIN_KEY_LENGTH) {
      throw new Error(`key ${position}: each key needs at least ${MIN_KEY_LENGTH} characters`);
    }
    const name = `key-${digest(entry).toString('hex').slice(0, 8)}`;
    return { name, roles: ['Print.Release.All'], key: entry };
  }
  // The key is everything after the second ':', so a key may itself contain ':'.
  const [name = '', roleList = '', ...rest] = entry.split(':');
  const key = rest.join(':');
  const where = `entry ${position}`;
  if (!NAME.test(name)) throw new Error(`${where}: expected ${SERVICE_KEY_FORMAT}`);
  if (key.length < MIN_KEY_LENGTH) {
    throw new Error(`${where} ("${name}"): each key needs at least ${MIN_KEY_LENGTH} characters`);
  }
  const roles = roleList.split('+').map((role) => role.trim());
  const known = new Set<string>(APPLICATION_PERMISSIONS);
  const unknown = roles.filter((role) => !known.has(role));
  if (roles.length === 0 || unknown.length > 0) {
    throw new Error(
      `${where} ("${name}"): unknown role "${unknown[0] ?? ''}"; expected ${SERVICE_KEY_FORMAT}`,
    );
  }
  return { name, roles: [...new Set(roles)] as ApplicationPermission[], key };
}

/**
 * Finds the caller a presented key belongs to. Digests have one length, and every configured
 * key is compared every time, so the time taken says nothing about which key nearly matched.
 */
export function createServiceKeyMatcher(
  keys: readonly ServiceKey[],
): (presented: string) => ServiceKeyCaller | null {
  const accepted = keys.map((key) => ({
    digest: digest(key.key),
    caller: Object.freeze({
      kind: 'service-key',
      name: key.name,
      permissions: Object.freeze([...key.roles]),
    }) satisfies ServiceKeyCaller,
  }));
  return (presented) => {
    const candidate = digest(presented);
    let found: ServiceKeyCaller | null = null;
    for (const entry of accepted) {
      if (timingSafeEqual(entry.digest, candidate)) found = entry.caller;
    }
    return found;
  };
}
