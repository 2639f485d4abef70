/**
 * The HTTP client MSAL sends the on-behalf-of requests through (its `system.networkClient`):
 * trusts an extra CA when one is given (the embedded emulator's loopback certificate), and keeps
 * Entra's refused answers, by the request's correlation id, from the wire: MSAL's errors keep
 * Entra's fields parsed, and entra-refusal.ts reads Entra's own body, `claims` verbatim.
 */
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { Agent, fetch } from 'undici';

/** What Entra answered one refused token request. */
export interface EntraAnswer {
  readonly status: number;
  readonly body: string;
}

export class EntraNetwork implements INetworkModule {
  private readonly dispatcher: Agent | undefined;
  private readonly refused = new Map<string, EntraAnswer>();

  constructor(trustedCa?: string | Buffer) {
    this.dispatcher = trustedCa ? new Agent({ connect: { ca: trustedCa } }) : undefined;
  }

  /** Entra's refusal of the request with this correlation id, forgotten once read. */
  takeRefusal(correlationId: string): EntraAnswer | undefined {
    const answer = this.refused.get(correlationId);
    this.refused.delete(correlationId);
    return answer;
  }

  sendGetRequestAsync<T>(
    url: string,
    options?: NetworkRequestOptions,
    timeout?: number,
  ): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options, timeout);
  }

  sendPostRequestAsync<T>(
    url: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }

  private async send<T>(
    method: 'GET' | 'POST',
    url: string,
    options: NetworkRequestOptions = {},
    timeoutMs?: number,
  ): Promise<NetworkResponse<T>> {
    const response = await fetch(url, {
      method,
      headers: options.headers ?? {},
      ...(method === 'POST' ? { body: options.body ?? '' } : {}),
      ...(this.dispatcher ? { dispatcher: this.dispatcher } : {}),
      ...(timeoutMs ? { signal: AbortSignal.timeout(timeoutMs) } : {}),
    });
    const text = await response.text();
    if (response.status >= 400 && options.correlationId) {
      this.refused.set(options.correlationId, { status: response.status, body: text });
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    // MSAL reads Entra's JSON; a body that is not JSON (a proxy's page) is an empty answer to it.
    let body: unknown = {};
    try {
      body = JSON.parse(text);
    } catch {}
    return { headers, body: body as T, status: response.status };
  }
}
