/**
 * The gateway's own links in the Graph SDK's middleware chain. The SDK's default chain is not
 * used: its AuthenticationHandler sends the token only to `https://` Graph hosts (so never to
 * the emulator or a loopback test server), and its RetryHandler would retry POST /abort and
 * wait up to minutes. Retrying is decided by the batcher, which can see inside `$batch`.
 */
import { randomUUID } from 'node:crypto';
import {
  AuthenticationHandlerOptions,
  type AuthenticationProvider,
  type Context,
  type FetchOptions,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { GraphTransportError } from '../call.js';
import { attemptFailure } from './attempt-failure.js';

/** Absolute, as the SDK builds it from its base URL (or a next link verbatim). */
function requestUrl(context: Context): string {
  const { request } = context;
  return typeof request === 'string' ? request : request.url;
}

function setHeader(context: Context, name: string, value: string): void {
  if (typeof context.request !== 'string') {
    context.request.headers.set(name, value);
    return;
  }
  const options: FetchOptions = context.options ?? {};
  context.options = options;
  if (options.headers instanceof Headers) {
    options.headers.set(name, value);
  } else {
    options.headers = { ...(options.headers as Record<string, string> | undefined), [name]: value };
  }
}

abstract class Link implements Middleware {
  private next: Middleware | undefined;

  setNext(next: Middleware): void {
    this.next = next;
  }

  protected forward(context: Context): Promise<void> {
    if (!this.next) throw new Error(`${this.constructor.name} must not be the last link`);
    return this.next.execute(context);
  }

  abstract execute(context: Context): Promise<void>;
}

/**
 * Adds `Authorization: Bearer …` to requests for the configured Graph origin, and only those:
 * an absolute URL elsewhere (an `@odata.nextLink` pointing at another host) gets no token.
 */
export class BearerTokenHandler extends Link {
  /** `https://graph.microsoft.com/`: the URLs the SDK builds start with it, no other origin's do. */
  private readonly graphRoot: string;

  constructor(
    private readonly auth: AuthenticationProvider,
    private readonly graphOrigin: string,
  ) {
    super();
    this.graphRoot = `${graphOrigin}/`;
  }

  async execute(context: Context): Promise<void> {
    const url = requestUrl(context);
    // Parsing only what the prefix does not settle (another spelling of the origin: case, a
    // default port), since the common case is on every call.
    if (url.startsWith(this.graphRoot) || new URL(url).origin === this.graphOrigin) {
      setHeader(context, 'Authorization', `Bearer ${await this.token(context)}`);
    }
    await this.forward(context);
  }

  /**
   * A credential that fails (an expired secret, Entra unreachable) is a Graph failure like any
   * other for the caller: a typed error saying nothing was sent. Entra's detail is not passed on:
   * the token check logs it (packages/graph-client/src/credentials/token-check.ts), and /ready reports the state.
   */
  private async token(context: Context): Promise<string> {
    // A person's call names its own provider (transport.ts); the gateway's serves the rest.
    const own = context.middlewareControl?.getMiddlewareOptions(AuthenticationHandlerOptions) as
      | AuthenticationHandlerOptions
      | undefined;
    try {
      return await (own?.authenticationProvider ?? this.auth).getAccessToken();
    } catch {
      throw new GraphTransportError(
        'no-token',
        'The gateway could not obtain its Microsoft Graph token; nothing was sent',
      );
    }
  }
}

/** Tags each request with a `client-request-id`, which Graph echoes into its logs and errors. */
export class ClientRequestIdHandler extends Link {
  async execute(context: Context): Promise<void> {
    setHeader(context, 'client-request-id', randomUUID());
    await this.forward(context);
  }
}

/**
 * Bounds every attempt with a timeout and turns fetch's failures into `GraphTransportError`,
 * keeping apart the one case where the request certainly never reached Graph (refused).
 */
export class TimeoutHandler extends Link {
  constructor(private readonly timeoutMs: number) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const options: FetchOptions = context.options ?? {};
    context.options = options;
    const deadline = options.signal;
    options.signal = deadline ? AbortSignal.any([deadline, timeout]) : timeout;
    try {
      await this.forward(context);
    } catch (error) {
      // The request's deadline (the caller's signal) ends an attempt just as its timeout does.
      throw attemptFailure(error, timeout.aborted || deadline?.aborted === true, this.timeoutMs);
    }
  }
}
