/**
 * The OAuth 2.0 on-behalf-of exchange, through @azure/msal-node's ConfidentialClientApplication:
 * the person's token for the gateway's API, and the gateway's own client credential, for a Graph
 * token carrying the person's delegated permissions. One confidential client for every person,
 * on Entra's authority metadata (the OpenID discovery document) read once, where a client per
 * exchange (@azure/identity's OnBehalfOfCredential, bound to one assertion) read it again for
 * every person. person-tokens.ts caches what an exchange gives, per person and token, bounded;
 * MSAL's own cache is emptied after each exchange so that it never grows with the people served.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { NodeAuthOptions } from '@azure/msal-node';
import { EntraNetwork } from './entra-network.js';
import { entraRefusal } from './entra-refusal.js';
import type { GraphCredentials } from './graph-credentials.js';
import type { OnBehalfOfExchange } from './person-tokens.js';

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

const PUBLIC_CLOUD = 'https://login.microsoftonline.com';

const isLoopback = (origin: string): boolean =>
  /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(new URL(origin).hostname);

/**
 * The certificate credential as MSAL takes it: the SHA-256 thumbprint of the first certificate in
 * the PEM file, and the file as the private key (as @azure/identity reads `certificatePath`).
 */
async function certificateCredential(
  certificatePath: string,
): Promise<NonNullable<NodeAuthOptions['clientCertificate']>> {
  const pem = await readFile(certificatePath, 'utf8');
  const first = /-+BEGIN CERTIFICATE-+\s+([A-Za-z0-9+/\s]+=*)\s+-+END CERTIFICATE-+/.exec(pem);
  if (!first?.[1]) throw new Error(`${certificatePath} holds no PEM-encoded certificate`);
  const der = Buffer.from(first[1].replace(/\s/g, ''), 'base64');
  return {
    thumbprintSha256: createHash('sha256').update(der).digest('hex').toUpperCase(),
    privateKey: pem,
  };
}

/** Loads @azure/msal-node only in a process that acts for people. */
export async function onBehalfOfExchange(
  settings: OnBehalfOfSettings,
): Promise<OnBehalfOfExchange> {
  const { ConfidentialClientApplication } = await import('@azure/msal-node');
  const { credentials } = settings;
  const authority = `${settings.authorityHost ?? PUBLIC_CLOUD}/${credentials.tenantId}`;
  const network = new EntraNetwork(settings.trustedCa);
  const clientCredential =
    credentials.kind === 'client-secret'
      ? { clientSecret: credentials.clientSecret }
      : { clientCertificate: await certificateCredential(credentials.certificatePath) };

  /**
   * The one client, built on Entra's OpenID discovery document, read here once for everyone: MSAL
   * reads it itself on a client's first request, so the first people to call at once would each
   * read it again. Read on the first exchange (not at start: Entra may be down then), and again
   * on the next one when that read failed.
   */
  let client: Promise<InstanceType<typeof ConfidentialClientApplication>> | undefined;
  const buildClient = async () => {
    const discovery = await network
      .sendGetRequestAsync<unknown>(`${authority}/v2.0/.well-known/openid-configuration`)
      .catch(() => undefined);
    if (discovery?.status !== 200) {
      throw entraRefusal(discovery?.status, JSON.stringify(discovery?.body));
    }
    return new ConfidentialClientApplication({
      auth: {
        clientId: credentials.clientId,
        authority,
        authorityMetadata: JSON.stringify(discovery.body),
        // A loopback authority (the emulator) is trusted as is: no instance discovery at Entra's
        // public cloud, which knows nothing of it.
        ...(isLoopback(authority) ? { knownAuthorities: [authority] } : {}),
        ...clientCredential,
      },
      system: { networkClient: network },
    });
  };
  const theClient = () => {
    client ??= buildClient().catch((error: unknown) => {
      client = undefined;
      throw error;
    });
    return client;
  };

  const scopes = [...settings.scopes];
  return async (assertion) => {
    const app = await theClient();
    const correlationId = randomUUID();
    try {
      const result = await app.acquireTokenOnBehalfOf({
        oboAssertion: assertion,
        scopes,
        correlationId,
        // person-tokens.ts is the cache: bounded, keyed by person and token.
        skipCache: true,
      });
      if (!result?.expiresOn) throw new Error('Entra returned no token');
      return { token: result.accessToken, expiresAt: result.expiresOn.getTime() };
    } catch {
      const refusal = network.takeRefusal(correlationId);
      throw entraRefusal(refusal?.status, refusal?.body);
    } finally {
      network.takeRefusal(correlationId);
      // What MSAL wrote for this person goes: its cache never grows with the people served.
      app.clearCache();
    }
  };
}
