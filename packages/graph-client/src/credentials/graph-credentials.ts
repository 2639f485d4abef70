/**
 * How the gateway authenticates to Graph, as the graph client takes it: config.ts reads the
 * environment into it (GRAPH_ACCESS_TOKEN, or AZURE_TENANT_ID and AZURE_CLIENT_ID with a
 * secret or a certificate) and hands it down; the client never reads settings itself.
 */
export type GraphCredentials =
  | { kind: 'static-token'; token: string }
  | { kind: 'client-secret'; tenantId: string; clientId: string; clientSecret: string }
  | { kind: 'client-certificate'; tenantId: string; clientId: string; certificatePath: string };
