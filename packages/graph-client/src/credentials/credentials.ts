/**
 * Turns configured credentials into the SDK's `AuthenticationProvider`. Both Universal Print
 * operations the gateway performs are app-only, so this is the client-credentials flow.
 */
import {
  ClientCertificateCredential,
  ClientSecretCredential,
  type TokenCredential,
} from '@azure/identity';
import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';
import type { GraphCredentials } from './graph-credentials.js';
import { staticToken } from './static-token.js';

export { staticToken };

/**
 * App-only tokens carry the app's granted roles; `.default` asks for exactly those, and the
 * resource is the configured Graph host so national clouds get a token for their own Graph.
 */
export const graphScope = (graphBaseUrl: string): string =>
  `${new URL(graphBaseUrl).origin}/.default`;

/** The @azure/identity credential for an app registration; MSAL caches its tokens in memory. */
export function tokenCredential(
  credentials: Exclude<GraphCredentials, { kind: 'static-token' }>,
  authorityHost?: string,
): TokenCredential {
  const options = authorityHost
    ? {
        authorityHost,
        // Instance discovery asks login.microsoftonline.com whether the authority is a real
        // Entra cloud; a loopback authority (the emulator's Entra) is none it knows.
        disableInstanceDiscovery: isLoopbackOrigin(authorityHost),
      }
    : {};
  return credentials.kind === 'client-secret'
    ? new ClientSecretCredential(
        credentials.tenantId,
        credentials.clientId,
        credentials.clientSecret,
        options,
      )
    : new ClientCertificateCredential(
        credentials.tenantId,
        credentials.clientId,
        credentials.certificatePath,
        options,
      );
}

export function authenticationProvider(
  credentials: GraphCredentials,
  graphBaseUrl: string,
  authorityHost?: string,
): AuthenticationProvider {
  if (credentials.kind === 'static-token') return staticToken(credentials.token);
  return credentialProvider(tokenCredential(credentials, authorityHost), graphBaseUrl);
}

export function credentialProvider(
  credential: TokenCredential,
  graphBaseUrl: string,
): AuthenticationProvider {
  return new TokenCredentialAuthenticationProvider(credential, {
    scopes: [graphScope(graphBaseUrl)],
  });
}

function isLoopbackOrigin(origin: string): boolean {
  const { hostname } = new URL(origin);
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
