import { GraphFailure } from './graph-errors.js';
import type { DemoUser } from './tenant.js';

/** An app-only token: the app acts as itself (client-credentials flow). */
export interface AppCaller {
  kind: 'app';
  appId: string;
  displayName: string;
  /**
   * The Graph application permissions of a token from the emulator's Entra. The opaque demo
   * tokens have none listed and are refused nothing.
   */
  roles?: readonly string[];
}

/** A delegated token: an app acting on behalf of a signed-in user. */
export interface UserCaller {
  kind: 'user';
  appId: string;
  user: DemoUser;
  /**
   * A Printer Administrator acts on every user's jobs (the opaque demo `user` token); a person
   * signed in through on-behalf-of acts on their own jobs only.
   */
  printerAdministrator?: boolean;
  /** The delegated Graph permissions (`scp`) of an on-behalf-of token. */
  scopes?: readonly string[];
}

export type Caller = AppCaller | UserCaller;

export type Authenticate = (authorization: string | undefined) => Caller;

// Graph's own challenge; clients that log it see where a real token would come from.
const CHALLENGE =
  'Bearer realm="", ' +
  'authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", ' +
  'client_id="00000003-0000-0000-c000-000000000000"';

function unauthenticated(message: string): GraphFailure {
  return new GraphFailure(401, 'InvalidAuthenticationToken', message, {
    'WWW-Authenticate': CHALLENGE,
  });
}

/**
 * A token either maps to a known caller or is rejected: the opaque demo tokens, or a Graph token
 * the emulator's Entra issued (looked up, not verified: the emulator issued it).
 */
export function createAuthenticator(callerOf: (token: string) => Caller | undefined): Authenticate {
  return (authorization) => {
    if (!authorization?.trim()) {
      throw unauthenticated('Access token is empty.');
    }
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    const caller = token === undefined ? undefined : callerOf(token);
    if (caller === undefined) {
      throw unauthenticated(
        'Access token validation failure: the token is unknown to the emulator.',
      );
    }
    return caller;
  };
}

/** Endpoints Graph documents with "Delegated: not supported". */
export function requireAppCaller(caller: Caller, operation: string): AppCaller {
  if (caller.kind !== 'app') {
    throw new GraphFailure(
      403,
      'accessDenied',
      `${operation} supports application permissions only; ` +
        'delegated (user) tokens are not supported.',
    );
  }
  return caller;
}

/**
 * An application permission Graph requires of the endpoint (any one of `anyOf`), as a real tenant
 * refuses a token without it: 403 before anything is looked up.
 */
export function requireAppRole(app: AppCaller, anyOf: readonly string[], operation: string): void {
  if (app.roles && !anyOf.some((role) => app.roles?.includes(role))) {
    throw new GraphFailure(
      403,
      'accessDenied',
      `${operation} requires the application permission ${anyOf.join(' or ')}.`,
    );
  }
}

/** Who may act on a job a person created: that person, or a Printer Administrator. */
export function requireJobOwner(caller: UserCaller, createdById: string, operation: string): void {
  if (caller.printerAdministrator !== true && caller.user.id !== createdById) {
    throw new GraphFailure(
      403,
      'accessDenied',
      `${operation}: the job belongs to another user; only its creator or a Printer Administrator may do this.`,
    );
  }
}

/** Endpoints Graph documents with "Application: not supported". */
export function requireUserCaller(caller: Caller, operation: string): UserCaller {
  if (caller.kind !== 'user') {
    throw new GraphFailure(
      403,
      'accessDenied',
      `${operation} supports delegated permissions only; app-only tokens are not supported.`,
    );
  }
  return caller;
}
