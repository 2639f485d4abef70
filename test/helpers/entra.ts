/**
 * Getting real tokens from the emulator's Entra (over HTTP, as a client would), and forging the
 * hostile ones a gateway must refuse, with jose.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ENTRA, type EntraPerson, GATEWAY_API } from '@universal-print-gateway/emulator';
import {
  base64url,
  decodeJwt,
  decodeProtectedHeader,
  exportSPKI,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  SignJWT,
} from 'jose';

export type Person = keyof typeof ENTRA.people;
export type ClientApp = keyof typeof ENTRA.apps;

/** A grant at the emulator's token endpoint (form fields as given), resolving with its access token. */
export async function tokenRequest(
  emulatorUrl: string,
  tenantId: string,
  form: Record<string, string>,
): Promise<string> {
  const response = await fetch(`${emulatorUrl}/${tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!response.ok || !body.access_token) {
    throw new Error(`token endpoint answered ${response.status}: ${JSON.stringify(body)}`);
  }
  return body.access_token;
}

/**
 * `count` people for the emulator's directory besides Adele and Megan (its `entra.morePeople`):
 * loads and tests of many people, each with a token of their own.
 */
export function morePeople(count: number): EntraPerson[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    return {
      objectId: `b3c4d5e6-0000-4000-8000-0000000000${n}`,
      userPrincipalName: `person${n}@contoso.onmicrosoft.com`,
      displayName: `Person ${n}`,
      password: `emulator-person-${n}-password`,
    };
  });
}

/** A delegated token for a person of the directory (ROPC through the public release app). */
export function personToken(
  emulatorUrl: string,
  person: Person | EntraPerson,
  scopes: readonly string[] = ['Print.Release'],
): Promise<string> {
  const { userPrincipalName, password } =
    typeof person === 'string' ? ENTRA.people[person] : person;
  return tokenRequest(emulatorUrl, ENTRA.tenantId, {
    grant_type: 'password',
    client_id: ENTRA.apps.releaseApp.appId,
    username: userPrincipalName,
    password,
    scope: `${scopes.map((scope) => `${GATEWAY_API.appIdUri}/${scope}`).join(' ')} openid profile`,
  });
}

/** An app-only token (client credentials) for a seeded confidential app. */
export function appToken(
  emulatorUrl: string,
  app: Exclude<ClientApp, 'releaseApp'>,
  tenantId: string = ENTRA.tenantId,
): Promise<string> {
  const { appId, secret } = ENTRA.apps[app];
  return tokenRequest(emulatorUrl, tenantId, {
    grant_type: 'client_credentials',
    client_id: appId,
    client_secret: secret,
    scope: `${GATEWAY_API.appIdUri}/.default`,
  });
}

export const claimsOf = (token: string): JWTPayload => decodeJwt(token);
export const kidOf = (token: string): string | undefined => decodeProtectedHeader(token).kid;

// One foreign key is enough; generating RSA keys is slow.
let foreignKey: ReturnType<typeof generateKeyPair> | undefined;

/** Signed with a key the emulator never published: a bad signature, or an unknown kid. */
export async function signWithForeignKey(claims: JWTPayload, kid: string): Promise<string> {
  foreignKey ??= generateKeyPair('RS256');
  const { privateKey } = await foreignKey;
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(privateKey);
}

/** `alg: none`: no signature at all. */
export function unsigned(claims: JWTPayload, kid?: string): string {
  const encode = (value: object) => base64url.encode(JSON.stringify(value));
  return `${encode({ alg: 'none', typ: 'JWT', ...(kid ? { kid } : {}) })}.${encode(claims)}.`;
}

/**
 * The classic key-confusion attack: HS256, with the issuer's RSA *public* key (PEM text, as a
 * naive verifier would load it) as the HMAC secret.
 */
export async function signHs256WithPublicKey(claims: JWTPayload, publicJwk: JWK): Promise<string> {
  const publicKey = await importJWK({ ...publicJwk, alg: 'RS256' }, 'RS256', { extractable: true });
  const pem = await exportSPKI(publicKey as CryptoKey);
  return new SignJWT(claims)
    .setProtectedHeader({
      alg: 'HS256',
      typ: 'JWT',
      ...(publicJwk.kid ? { kid: publicJwk.kid } : {}),
    })
    .sign(new TextEncoder().encode(pem));
}

/** Serves a fetch handler on a loopback port; close() ends keep-alive sockets too. */
export function listen(
  handler: Parameters<typeof createServer>[1],
): Promise<{ url: string; close(): Promise<void> }> {
  return listenOn(createServer(handler));
}

/** Listens with `server` on a loopback port; close() ends keep-alive sockets too. */
export async function listenOn(server: Server): Promise<{ url: string; close(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
