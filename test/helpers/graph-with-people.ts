/**
 * A GraphService whose Graph is a fake at the SDK's middleware seam (the last link) and whose
 * people's tokens come from `tokens`: for unit tests of calls as the person. The gateway's own
 * token is `app-token`, at `https://graph.test`.
 */
import type { Middleware } from '@microsoft/microsoft-graph-client';
import {
  createGraphTransport,
  DEFAULT_GRAPH_SERVICE_OPTIONS,
  GraphService,
  type PersonTokenSource,
} from '@universal-print-gateway/graph-client';

export const FAKE_GRAPH_URL = 'https://graph.test';

export function graphWithPeople(graph: Middleware, tokens: PersonTokenSource): GraphService {
  return new GraphService(
    createGraphTransport({
      baseUrl: FAKE_GRAPH_URL,
      auth: { getAccessToken: async () => 'app-token' },
      timeoutMs: 5_000,
      httpHandler: graph,
    }),
    DEFAULT_GRAPH_SERVICE_OPTIONS,
    undefined,
    tokens,
  );
}
