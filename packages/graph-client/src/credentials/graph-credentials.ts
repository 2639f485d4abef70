/**
 * How the gateway authenticates to Graph, as the graph client takes it: settings/endpoint.ts
 * builds it from the variables (GRAPH_ACCESS_TOKEN, or AZURE_TENANT_ID and AZURE_CLIENT_ID with
 * a secret or a certificate) that the gateway's config.ts parsed; the client never reads
 * `process.env` itself.
 */
export type GraphCredentials =
  | { kind: 'static-token'; token: string }
  | { kind: 'client-secret'; tenantId: string; clientId: string; clientSecret: string }
  | { kind: 'client-certificate'; tenantId: string; clientId: string; certificatePath: string };
