import { EMULATOR_TOKENS } from '../src/seed.js';

// A thin fetch wrapper so tests read like the wire: method, path, token, body.

export interface Reply<T> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

export interface Collection<T> {
  '@odata.context': string;
  value: T[];
}

export type Entity<T> = T & { '@odata.context': string };

export interface CallOptions {
  /** null sends no Authorization header. @default the gateway app's token */
  token?: string | null;
  /** Serialised as JSON with Content-Type: application/json unless contentType says otherwise. */
  json?: unknown;
  /** A raw body, sent as-is. */
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

async function send<T>(url: string, method: string, options: CallOptions): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? EMULATOR_TOKENS.gatewayApp : options.token;
  if (token !== null) headers['Authorization'] = `Bearer ${token}`;
  let body: string | undefined = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['Content-Type'] = 'application/json';
  }
  if (options.contentType !== undefined) headers['Content-Type'] = options.contentType;
  const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: (text === '' ? undefined : JSON.parse(text)) as T,
  };
}

/** Calls `${origin}/v1.0${path}`. */
export function graph<T = unknown>(
  origin: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Reply<T>> {
  return send<T>(`${origin}/v1.0${path}`, method, options);
}

/** Calls an /_emulator admin endpoint (no token). */
export function admin<T = unknown>(
  origin: string,
  method: string,
  path: string,
  json?: unknown,
): Promise<Reply<T>> {
  return send<T>(`${origin}${path}`, method, {
    token: null,
    ...(json === undefined ? {} : { json }),
  });
}
