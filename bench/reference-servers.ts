/**
 * The two reference servers of scenarios 10 and 15 (bench/reference/), each started as a process
 * of its own on the Graph at `graphUrl`, with the gateway's Graph token unless given another.
 */
import { EMULATOR_TOKENS } from '@universal-print-gateway/emulator';
import { type ServerProcess, startServerProcess } from './server-process.js';

const referenceEnv = (graphUrl: string) => ({
  GRAPH_VERSION_ROOT: `${graphUrl}/v1.0`,
  GRAPH_ACCESS_TOKEN: EMULATOR_TOKENS.gatewayApp,
});

export interface BareProxyOptions {
  /** A person's delegated Graph token, for the calls Graph takes from people only. */
  graphToken?: string;
  /** A CA file to trust, for a Graph served over HTTPS (bench/tls-emulator.ts). */
  trustedCaFile?: string;
}

/** The bare `node:http` proxy: the floor, 1.00. */
export function startBareProxy(
  graphUrl: string,
  options: BareProxyOptions = {},
): Promise<ServerProcess> {
  return startServerProcess({
    name: 'bare proxy',
    args: ['bench/reference/bare-proxy.mjs'],
    env: {
      ...referenceEnv(graphUrl),
      ...(options.graphToken ? { GRAPH_ACCESS_TOKEN: options.graphToken } : {}),
      ...(options.trustedCaFile ? { NODE_EXTRA_CA_CERTS: options.trustedCaFile } : {}),
    },
    path: '/',
    // It answers anything it cannot parse with a 502: being up is enough.
    ready: async (url) => (await fetch(url, { method: 'POST', body: '{}' })).status === 502,
  });
}

/** The minimal graphql-yoga server. */
export function startMinimalYoga(graphUrl: string): Promise<ServerProcess> {
  return startServerProcess({
    name: 'minimal yoga',
    args: ['bench/reference/minimal-yoga.mjs'],
    env: referenceEnv(graphUrl),
    path: '/graphql',
    ready: async (url) => (await fetch(url.replace(/\/graphql$/, '/health'))).ok,
  });
}
