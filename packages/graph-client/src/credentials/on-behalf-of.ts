/**
 * The OAuth 2.0 on-behalf-of exchange, through @azure/identity's OnBehalfOfCredential (MSAL
 * underneath): the person's token for the gateway's API, and the gateway's own client credential,
 * for a Graph token carrying the person's delegated permissions. One credential per incoming
 * token (the credential is bound to it); person-tokens.ts caches what it gives.
 */
import { Agent } from 'node:https';
import type { OnBehalfOfCredential } from '@azure/identity';
import { entraRefusal } from './entra-refusal.js';
import type { GraphCredentials } from './graph-credentials.js';
import type { OnBehalfOfExchange } from './person-tokens.js';

type PipelinePolicy = NonNullable<
  ConstructorParameters<typeof OnBehalfOfCredential>[0]['additionalPolicies']
>[number]['policy'];

export interface OnBehalfOfSettings {
  /** The gateway's own app registration (AZURE_*): the confidential client that asks. */
  credentials: Exclude<GraphCredentials, { kind: 'static-token' }>;
  /** `AZURE_AUTHORITY_HOST`; Entra's public cloud when omitted. */
  authorityHost?: string;
  /** `GRAPH_DELEGATED_SCOPES`, split on spaces. */
  scopes: readonly string[];
  /**
   * A CA (PEM) the exchange trusts besides the system's: the embedded emulator's dev-only
   * loopback certificate (packages/gateway/dev/). Never set in production.
   */
  trustedCa?: string | Buffer;
}

/** `GRAPH_DELEGATED_SCOPES` default: every delegated permission the tenant consented to. */
export const DEFAULT_GRAPH_DELEGATED_SCOPES = 'https://graph.microsoft.com/.default';

/** What Entra answered the token request, kept from the wire: the library keeps only a message. */
class TokenAnswerCapture {
  status: number | undefined;
  body: string | undefined;

  constructor(private readonly agent: Agent | undefined) {}

  readonly policy: PipelinePolicy = {
    name: 'gatewayTokenAnswerCapture',
    sendRequest: async (request, next) => {
      if (this.agent) request.agent = this.agent;
      const response = await next(request);
      if (response.status >= 400) {
        this.status = response.status;
        this.body = response.bodyAsText ?? undefined;
      }
      return response;
    },
  };
}

const isLoopback = (origin: string): boolean =>
  /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(new URL(origin).hostname);

/** Loads @azure/identity (about 180 ms) only in a process that acts for people. */
export async function onBehalfOfExchange(
  settings: OnBehalfOfSettings,
): Promise<OnBehalfOfExchange> {
  const { OnBehalfOfCredential } = await import('@azure/identity');
  const { credentials, authorityHost } = settings;
  const scopes = [...settings.scopes];
  const agent = settings.trustedCa
    ? new Agent({ ca: settings.trustedCa, keepAlive: true })
    : undefined;
  return async (assertion) => {
    const capture = new TokenAnswerCapture(agent);
    const common = {
      tenantId: credentials.tenantId,
      clientId: credentials.clientId,
      userAssertionToken: assertion,
      ...(authorityHost
        ? { authorityHost, disableInstanceDiscovery: isLoopback(authorityHost) }
        : {}),
      additionalPolicies: [{ policy: capture.policy, position: 'perCall' as const }],
    };
    const credential =
      credentials.kind === 'client-secret'
        ? new OnBehalfOfCredential({ ...common, clientSecret: credentials.clientSecret })
        : new OnBehalfOfCredential({ ...common, certificatePath: credentials.certificatePath });
    try {
      const token = await credential.getToken(scopes);
      if (!token) throw new Error('The credential returned no token');
      return { token: token.token, expiresAt: token.expiresOnTimestamp };
    } catch {
      throw entraRefusal(capture.status, capture.body);
    }
  };
}
