/**
 * The two reference servers of scenario 10 (bench/reference/), each started as a process of its
 * own on the Graph at `graphUrl`, with the gateway's Graph token.
 */
import { EMULATOR_TOKENS } from '@universal-print-gateway/emulator';
import { type ServerProcess, startServerProcess } from './server-process.js';

const referenceEnv = (graphUrl: string) => ({
  GRAPH_VERSION_ROOT: `${graphUrl}/v1.0`,
  GRAPH_ACCESS_TOKEN: EMULATOR_TOKENS.gatewayApp,
});

/** The bare `node:http` proxy: the floor, 1.00. */
export function startBareProxy(graphUrl: string): Promise<ServerProcess> {
  return startServerProcess({
    name: 'bare proxy',
    args: ['bench/reference/bare-proxy.mjs'],
    env: referenceEnv(graphUrl),
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
