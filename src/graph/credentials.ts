/**
 * Turns configured credentials into the SDK's `AuthenticationProvider`. Both Universal Print
 * operations the gateway performs are app-only, so this is the client-credentials flow.
 */
import { ClientCertificateCredential, ClientSecretCredential } from '@azure/identity';
import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';
import type { GraphCredentials } from '../config.js';

export function staticToken(token: string): AuthenticationProvider {
  return { getAccessToken: () => Promise.resolve(token) };
}

export function authenticationProvider(
  credentials: GraphCredentials,
  graphBaseUrl: string,
  authorityHost?: string,
): AuthenticationProvider {
  if (credentials.kind === 'static-token') return staticToken(credentials.token);
  const options = authorityHost ? { authorityHost } : {};
  const credential =
    credentials.kind === 'client-secret'
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
  // App-only tokens carry the app's granted roles; `.default` asks for exactly those, and the
  // resource is the configured Graph host so national clouds get a token for their own Graph.
  return new TokenCredentialAuthenticationProvider(credential, {
    scopes: [`${new URL(graphBaseUrl).origin}/.default`],
  });
}
