/**
 * The unit of work between resolvers and Microsoft Graph: one HTTP call, described as data so
 * that it can travel directly or inside a `$batch` envelope and be answered the same way.
 */

export type GraphMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface GraphCall {
  readonly method: GraphMethod;
  /** Relative to the version root, starting with `/`, query string included: `/print/printers/1`. */
  readonly url: string;
  readonly body?: unknown;
  /**
   * Which reads of a request are the same read, sent once: by default a GET's URL. A read that
   * must be a call of its own, neither served by nor serving another field's read of that URL,
   * names its own key (src/domain/hidden.ts).
   */
  readonly readKey?: string;
}

export interface GraphReply {
  readonly status: number;
  /** Header names lower-cased: `$batch` items and fetch disagree on casing. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/**
 * Why no usable reply arrived. `refused`, `not-sent` (the request's deadline passed while it
 * waited its turn) and `shutting-down` (the process began to shut down before it was sent) mean
 * the request never left this host, so even a write is known not to have been applied; after `timeout` or `network` a write may have been; `oversized` means Graph
 * answered, but with more than the gateway reads (a write was then most likely applied);
 * `no-token`: the gateway could not get its own Graph token, so nothing was sent;
 * `foreign-origin`: the request was addressed outside the configured Graph, so it was not sent.
 */
export type TransportFailureKind =
  | 'refused'
  | 'not-sent'
  | 'shutting-down'
  | 'timeout'
  | 'network'
  | 'oversized'
  | 'no-token'
  | 'foreign-origin';

/**
 * The SDK wraps whatever a middleware throws into a `GraphError` whose `code` is the thrown
 * error's `name` (and keeps only that and the message), so the kind travels in the name.
 */
const NAME_BY_KIND: Record<TransportFailureKind, string> = {
  refused: 'UpstreamConnectionRefused',
  'not-sent': 'UpstreamNotSent',
  'shutting-down': 'UpstreamShuttingDown',
  timeout: 'UpstreamTimeout',
  network: 'UpstreamNetworkError',
  oversized: 'UpstreamResponseTooLarge',
  'no-token': 'UpstreamNoToken',
  'foreign-origin': 'UpstreamForeignOrigin',
};

export class GraphTransportError extends Error {
  constructor(
    readonly kind: TransportFailureKind,
    message: string,
  ) {
    super(message);
    this.name = NAME_BY_KIND[kind];
  }

  /** Recovers the failure from the `code` and `message` of the SDK's wrapping `GraphError`. */
  static fromSdkError(
    code: string | null | undefined,
    message: string,
  ): GraphTransportError | null {
    const entry = Object.entries(NAME_BY_KIND).find(([, name]) => name === code);
    return entry ? new GraphTransportError(entry[0] as TransportFailureKind, message) : null;
  }
}

/** POST and PATCH may change state at Graph; they are never sent twice by accident. */
export const isWrite = (call: GraphCall): boolean => call.method !== 'GET';

/** The request certainly did not reach Graph. */
export const neverSent = (failure: GraphTransportError): boolean =>
  failure.kind === 'refused' ||
  failure.kind === 'not-sent' ||
  failure.kind === 'shutting-down' ||
  failure.kind === 'no-token' ||
  failure.kind === 'foreign-origin';

/** Builds a URL path from literal segments and untrusted ids, encoding every id. */
export function graphPath(strings: TemplateStringsArray, ...ids: string[]): string {
  return strings.reduce(
    (path, literal, index) =>
      path + literal + (index < ids.length ? encodeURIComponent(ids[index] as string) : ''),
    '',
  );
}
