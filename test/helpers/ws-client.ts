/**
 * A GraphQL subscription read the way a browser's graphql-ws client reads it: graphql-ws's
 * `createClient` over `ws` (subprotocol `graphql-transport-ws`), eager, never retrying, so that
 * a test sees the close code the server chose.
 */
import type { ExecutionResult } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface CloseEventLike {
  readonly code: number;
  readonly reason: string;
}

export interface WsSubscription {
  /** The next `next` message's payload, or throws after `timeoutMs`, or on an `error` message. */
  next(timeoutMs?: number): Promise<ExecutionResult>;
  /** Every `next` payload received so far. */
  readonly results: readonly ExecutionResult[];
  /** Resolves when the server completes the subscription (`complete`), or the socket closes. */
  readonly ended: Promise<'complete' | 'error'>;
  /** The client completes the subscription. */
  unsubscribe(): void;
}

export interface WsConnection {
  readonly client: Client;
  /** Resolves when the socket closes, with the server's code and reason. */
  readonly closed: Promise<CloseEventLike>;
  /** Resolves once the server acknowledged `connection_init`. */
  readonly acknowledged: Promise<void>;
  subscribe(
    query: string,
    variables?: Record<string, unknown>,
    extensions?: Record<string, unknown>,
  ): WsSubscription;
  dispose(): Promise<void>;
}

/** How the credential travels: in `connection_init`'s payload, or the upgrade's header. */
export type CredentialCarrier = 'connectionParams' | 'header';

/** The gateway's GraphQL path as a WebSocket URL. */
export const webSocketUrl = (origin: string) => `${origin.replace(/^http/, 'ws')}/graphql`;

export function connectWs(
  origin: string,
  credential: string | null,
  carrier: CredentialCarrier = 'connectionParams',
): WsConnection {
  const authorization = credential === null ? null : `Bearer ${credential}`;
  let close: (event: CloseEventLike) => void = () => {};
  const closed = new Promise<CloseEventLike>((resolve) => {
    close = resolve;
  });
  let acknowledge: () => void = () => {};
  const acknowledged = new Promise<void>((resolve) => {
    acknowledge = resolve;
  });
  class WithHeader extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, authorization ? { headers: { authorization } } : {});
    }
  }
  const client = createClient({
    url: webSocketUrl(origin),
    webSocketImpl: carrier === 'header' ? WithHeader : WebSocket,
    ...(carrier === 'connectionParams' && authorization
      ? { connectionParams: { Authorization: authorization } }
      : {}),
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => {},
    on: {
      connected: () => acknowledge(),
      closed: (event) => {
        const { code, reason } = event as CloseEventLike;
        close({ code, reason: String(reason) });
      },
    },
  });
  return {
    client,
    closed,
    acknowledged,
    subscribe(query, variables = {}, extensions) {
      const results: ExecutionResult[] = [];
      let read = 0;
      let failure: unknown;
      let wake: () => void = () => {};
      let end: (how: 'complete' | 'error') => void = () => {};
      const ended = new Promise<'complete' | 'error'>((resolve) => {
        end = resolve;
      });
      const unsubscribe = client.subscribe(
        { query, variables, ...(extensions ? { extensions } : {}) },
        {
          next: (result) => {
            results.push(result as ExecutionResult);
            wake();
          },
          error: (error) => {
            failure = error;
            end('error');
            wake();
          },
          complete: () => {
            end('complete');
            wake();
          },
        },
      );
      return {
        results,
        ended,
        unsubscribe,
        async next(timeoutMs = 10_000) {
          const deadline = Date.now() + timeoutMs;
          while (read >= results.length) {
            if (failure !== undefined)
              throw new Error(`subscription failed: ${JSON.stringify(failure)}`);
            const left = deadline - Date.now();
            if (left <= 0) throw new Error(`no message within ${timeoutMs} ms`);
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, left);
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
          }
          const result = results[read] as ExecutionResult;
          read += 1;
          return result;
        },
      };
    },
    dispose: async () => {
      await client.dispose();
    },
  };
}
