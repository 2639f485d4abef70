// The emulated Entra on an HTTPS listener of its own, as Entra is in reality: @azure/identity and
// MSAL accept only an https authority, so a gateway that exchanges a person's token
// (on-behalf-of) with this Entra needs it. Only Entra's paths are served here; Graph stays on the
// emulator's own listener. The certificate is a development one for loopback
// (packages/emulator/tls/), which a client trusts explicitly: never a production certificate.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { BodyTooLargeError, header, readBody, send } from '../http-io.js';
import type { EmulatedEntra } from './emulated-entra.js';

export interface EntraTlsOptions {
  /** @default the emulator's host */
  host?: string;
  /** @default 0 (an ephemeral port) */
  port?: number;
  /** Key and certificate (PEM). @default the development loopback pair, LOOPBACK_DEV_TLS */
  key?: string | Buffer;
  cert?: string | Buffer;
}

export interface EntraOverTlsListener {
  /** The https origin to use as the authority host (`AZURE_AUTHORITY_HOST`). */
  readonly url: string;
  /** The certificate a client must trust to reach it (self-signed: it is its own CA). */
  readonly ca: string | Buffer;
}

const TLS_DIR = new URL('../../tls/', import.meta.url);

/**
 * A self-signed certificate for 127.0.0.1 and localhost (CN "127.0.0.1 test only"), valid until
 * 2126, with its key: for development and tests on loopback only, published with its private key.
 */
export const LOOPBACK_DEV_TLS = {
  /** The certificate's file, for what takes a path: a process's NODE_EXTRA_CA_CERTS. */
  certFile: fileURLToPath(new URL('loopback-cert.pem', TLS_DIR)),
  get cert(): Buffer {
    return readFileSync(LOOPBACK_DEV_TLS.certFile);
  },
  get key(): Buffer {
    return readFileSync(new URL('loopback-key.pem', TLS_DIR));
  },
};

/** Starts the HTTPS listener; `close` ends it with every open connection. */
export async function listenEntraOverTls(
  entra: EmulatedEntra,
  defaultHost: string,
  options: EntraTlsOptions,
): Promise<EntraOverTlsListener & { close(): void }> {
  const cert = options.cert ?? LOOPBACK_DEV_TLS.cert;
  let origin = '';
  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'https://entra.invalid');
    const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    const reply = await entra.handle(
      (request.method ?? 'GET').toUpperCase(),
      pathname,
      await readBody(request),
      header(request, 'content-type'),
      origin,
    );
    if (reply) {
      send(response, reply.status, reply.headers ?? {}, reply.body);
      return;
    }
    send(
      response,
      404,
      {},
      {
        error: 'invalid_request',
        error_description: `Nothing is served at '${pathname}': this listener is Entra's only.`,
      },
    );
  };
  const server: Server = createServer(
    { key: options.key ?? LOOPBACK_DEV_TLS.key, cert },
    (request, response) => {
      answer(request, response).catch((error: unknown) => {
        const tooLarge = error instanceof BodyTooLargeError;
        send(response, tooLarge ? 413 : 500, {}, { error: 'server_error' });
      });
    },
  );
  const sockets = new Set<Duplex>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? defaultHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.address.includes(':') ? `[${address.address}]` : address.address;
  origin = `https://${urlHost}:${address.port}`;
  return {
    url: origin,
    ca: cert,
    close() {
      server.close();
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
    },
  };
}
