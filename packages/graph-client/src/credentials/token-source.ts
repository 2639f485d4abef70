/**
 * The gateway's Graph token, for two users: the SDK (every Graph request) and the readiness
 * check (token-check.ts). Both share one @azure/identity credential, so the check keeps MSAL's
 * in-memory cache warm and a request never waits for Entra while the token is good.
 */
import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { decodeJwt } from 'jose';
import type { GraphCredentials } from './graph-credentials.js';
import { graphRolesOf } from './graph-permissions.js';
import { staticToken } from './static-token.js';

export interface ObtainedToken {
  /** Epoch milliseconds; absent when the token does not say (an opaque static token). */
  expiresAt?: number;
  /** The token's `roles`: its Graph application permissions; absent when it does not say. */
  roles?: string[];
}

export interface GraphTokenSource {
  auth: AuthenticationProvider;
  /** Gets a token as a Graph request would; rejects when none can be obtained. */
  obtain(): Promise<ObtainedToken>;
}

export class StaticTokenExpiredError extends Error {
  override readonly name = 'StaticTokenExpiredError';
}

/**
 * GRAPH_ACCESS_TOKEN: nothing can refresh it. A JWT is good until its `exp` (read, not
 * verified: Graph verifies it); an opaque token (the emulator's) is taken as always good.
 */
export function staticTokenSource(token: string): GraphTokenSource {
  const roles = graphRolesOf(token);
  let expiresAt: number | undefined;
  try {
    const { exp } = decodeJwt(token);
    if (typeof exp === 'number') expiresAt = exp * 1000;
  } catch {
    // Not a JWT: nothing to check.
  }
  return {
    auth: staticToken(token),
    obtain: () => {
      if (expiresAt !== undefined && expiresAt <= Date.now()) {
        return Promise.reject(
          new StaticTokenExpiredError(
            `GRAPH_ACCESS_TOKEN expired at ${new Date(expiresAt).toISOString()}`,
          ),
        );
      }
      return Promise.resolve({
        ...(expiresAt === undefined ? {} : { expiresAt }),
        ...(roles === undefined ? {} : { roles }),
      });
    },
  };
}

export async function graphTokenSource(
  credentials: GraphCredentials,
  graphBaseUrl: string,
  authorityHost?: string,
): Promise<GraphTokenSource> {
  if (credentials.kind === 'static-token') return staticTokenSource(credentials.token);
  // @azure/identity takes about 180 ms to load: only a process that uses it pays for it.
  const { credentialProvider, graphScope, tokenCredential } = await import('./credentials.js');
  const credential = tokenCredential(credentials, authorityHost);
  const scope = graphScope(graphBaseUrl);
  return {
    auth: credentialProvider(credential, graphBaseUrl),
    obtain: async () => {
      const token = await credential.getToken(scope);
      if (!token) throw new Error('The credential returned no token');
      const roles = graphRolesOf(token.token);
      return { expiresAt: token.expiresOnTimestamp, ...(roles === undefined ? {} : { roles }) };
    },
  };
}
