/**
 * Who is calling the gateway. The gateway acts on Graph with its own app-only power, so Graph
 * never sees the caller: every decision about what a caller may do is made here, from this
 * model. Permissions are named like Graph's so that app registrations read naturally.
 */

/**
 * - `Print.Release`: delegated scope; a person acts on **their own** jobs only.
 * - `Print.Release.All`: app role or service-key role; acts on any job.
 * - `Print.Read.All`: app role or service-key role; reads any job, changes nothing.
 * - `Print.Submit`: delegated scope; a person prints documents to the printer shares Graph
 *   lets them print to, and cancels their own jobs (Graph takes only their own token for it).
 */
export const PERMISSIONS = [
  'Print.Release',
  'Print.Release.All',
  'Print.Read.All',
  'Print.Submit',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What a delegated token may carry: acting on one's own jobs, and printing as oneself. */
export const DELEGATED_PERMISSIONS = [
  'Print.Release',
  'Print.Submit',
] as const satisfies readonly Permission[];
/** What an app-only token (Entra app role) or a service key may carry. */
export const APPLICATION_PERMISSIONS = [
  'Print.Release.All',
  'Print.Read.All',
] as const satisfies readonly Permission[];

export type ApplicationPermission = (typeof APPLICATION_PERMISSIONS)[number];

/** A signed-in person, through a client app (a delegated Entra token). */
export interface PersonCaller {
  readonly kind: 'person';
  /** `tid` + `oid` is the identity: both immutable, unlike the UPN. */
  readonly tenantId: string;
  readonly objectId: string;
  /** The client app that asked for the token (`azp`, or `appid` in v1 tokens). */
  readonly clientAppId: string;
  readonly permissions: readonly Permission[];
  /** `preferred_username` or `upn`: for display and logs only, never for decisions (it changes). */
  readonly displayName?: string;
}

/** An app acting as itself (an app-only Entra token, client-credentials flow). */
export interface AppCaller {
  readonly kind: 'app';
  readonly tenantId: string;
  /** The app's id (`azp`/`appid`): what app roles are granted to and what admins recognise. */
  readonly appId: string;
  /** The service principal's object id in the tenant (`oid`). */
  readonly objectId: string;
  readonly permissions: readonly Permission[];
}

/** A holder of one of the configured `GATEWAY_API_KEYS`. */
export interface ServiceKeyCaller {
  readonly kind: 'service-key';
  /** The key's configured name; the key itself never leaves src/auth/service-keys.ts. */
  readonly name: string;
  readonly permissions: readonly Permission[];
}

/** No credentials, where `GATEWAY_ALLOW_ANONYMOUS` lets that through. */
export interface AnonymousCaller {
  readonly kind: 'anonymous';
  readonly permissions: readonly Permission[];
}

export type Caller = PersonCaller | AppCaller | ServiceKeyCaller | AnonymousCaller;

/** Who an Entra ID access token names: what entra-token.ts returns and verified-tokens.ts keeps. */
export type EntraCaller = PersonCaller | AppCaller;

/**
 * Anonymous callers exist only where `GATEWAY_ALLOW_ANONYMOUS=true`: that setting means that
 * something in front of the gateway (a router, a proxy) has already decided who may call. They
 * keep the power the gateway had before it authorized anything itself: `Print.Release.All`, so
 * any job can be read and acted on (docs/authorization.md says so loudly).
 */
export const ANONYMOUS: AnonymousCaller = Object.freeze({
  kind: 'anonymous',
  permissions: Object.freeze(['Print.Release.All']) as readonly Permission[],
});

/** A stable, non-secret identity for audit logs and rate limits. */
export function callerKey(caller: Caller): string {
  switch (caller.kind) {
    case 'person':
      return `person:${caller.tenantId}/${caller.objectId}`;
    case 'app':
      return `app:${caller.tenantId}/${caller.appId}`;
    case 'service-key':
      return `service-key:${caller.name}`;
    case 'anonymous':
      return 'anonymous';
  }
}

/**
 * Whether the caller holds a permission. `Print.Release.All` includes `Print.Read.All` (whoever
 * may release any job must be able to find it). `Print.Release` is **not** implied by
 * `.All`: it means "own jobs", which only a person has; ownership checks combine the two as
 * `hasPermission(c, 'Print.Release.All') || (hasPermission(c, 'Print.Release') && owns(c, job))`.
 */
export function hasPermission(caller: Caller, permission: Permission): boolean {
  if (caller.permissions.includes(permission)) return true;
  return permission === 'Print.Read.All' && caller.permissions.includes('Print.Release.All');
}

/** The subset of `granted` (scopes or roles from a token) that the gateway knows. */
export function knownPermissions<P extends Permission>(
  granted: Iterable<string>,
  allowed: readonly P[],
): P[] {
  const wanted = new Set<string>(allowed);
  return [...new Set(granted)].filter((value): value is P => wanted.has(value));
}
