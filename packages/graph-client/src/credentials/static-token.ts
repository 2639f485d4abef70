import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';

/** A token given as it is (GRAPH_ACCESS_TOKEN, the emulator's, tests'): sent unchanged. */
export function staticToken(token: string): AuthenticationProvider {
  return { getAccessToken: () => Promise.resolve(token) };
}
