/**
 * The emulator's own Entra, reached over HTTPS: @azure/identity (MSAL underneath) takes only an
 * https authority, while the in-process gateway's Graph transport reaches the emulator over plain
 * HTTP. This is a TLS front for the emulator, as a reverse proxy in front of a real authority
 * would be: each request goes on to the emulator unchanged, and each answer comes back with the
 * emulator's origin spelled as the front's (the discovery document names its endpoints by
 * origin). Everything Entra decides (the assertion's signature, issuer and audience, the person's
 * `scp`, the refusal knobs, the per-person exchange counts) is the emulator's.
 *
 * For an emulator this file does not start (a bench's, another process's). One started here can
 * serve its Entra over TLS itself: `startEmulator({ entraTls: {} })`, as useTestGateway's
 * `onBehalfOf` and `npm start` do.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { ENTRA, LOOPBACK_DEV_TLS } from '@universal-print-gateway/emulator';
import {
  DEFAULT_GRAPH_DELEGATED_SCOPES,
  type OnBehalfOfExchange,
  onBehalfOfExchange,
} from '@universal-print-gateway/graph-client';

export interface EntraOverTls {
  /** The https origin to use as `AZURE_AUTHORITY_HOST`. */
  readonly url: string;
  /** The CA a client must trust to reach it (its self-signed loopback certificate). */
  readonly ca: Buffer;
  close(): Promise<void>;
}

export async function entraOverTls(emulatorUrl: string): Promise<EntraOverTls> {
  const ca = LOOPBACK_DEV_TLS.cert;
  let origin = '';
  const server: Server = createServer(
    { key: LOOPBACK_DEV_TLS.key, cert: ca },
    (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', async () => {
        try {
          const body = chunks.length === 0 ? undefined : Buffer.concat(chunks);
          const contentType = request.headers['content-type'];
          const answer = await fetch(`${emulatorUrl}${request.url ?? '/'}`, {
            method: request.method ?? 'GET',
            headers: contentType ? { 'content-type': contentType } : {},
            ...(body ? { body } : {}),
          });
          const text = (await answer.text()).replaceAll(emulatorUrl, origin);
          response.writeHead(answer.status, {
            'content-type': answer.headers.get('content-type') ?? 'application/json',
          });
          response.end(text);
        } catch {
          response.writeHead(502).end();
        }
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    ca,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The gateway app's on-behalf-of exchange (its seeded secret) at the emulator's Entra over TLS:
 * the emulator's own HTTPS listener (`emulator.entraOverTls`) or the front above.
 */
export function gatewayOnBehalfOf(entra: {
  readonly url: string;
  readonly ca: string | Buffer;
}): Promise<OnBehalfOfExchange> {
  return onBehalfOfExchange({
    credentials: {
      kind: 'client-secret',
      tenantId: ENTRA.tenantId,
      clientId: ENTRA.apps.gateway.appId,
      clientSecret: ENTRA.apps.gateway.secret,
    },
    authorityHost: entra.url,
    scopes: [DEFAULT_GRAPH_DELEGATED_SCOPES],
    trustedCa: entra.ca,
  });
}
