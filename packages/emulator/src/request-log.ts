/** Who a recorded request acted as: tests assert a person's calls carried that person's token. */
export type RecordedCaller =
  | { kind: 'app'; appId: string }
  | { kind: 'user'; appId: string; userId: string };

/** How a Graph request reached the emulator. */
export type RequestVia = 'direct' | 'batch-item' | 'batch-envelope';

export interface RecordedRequest {
  method: string;
  /** After /v1.0, without the query string. */
  path: string;
  /** Raw query without '?', '' if none. */
  query: string;
  /** Parsed JSON, or undefined when there was no (JSON) body. */
  body: unknown;
  /** The `Authorization` header value; batch items carry their envelope's. */
  authorization: string | undefined;
  /**
   * Who the token authenticated (batch items: the envelope's): an app, or a person with the app
   * acting for them. Absent when authentication failed.
   */
  caller?: RecordedCaller;
  via: RequestVia;
  /** The item's id inside its $batch envelope. */
  batchRequestId?: string;
  /** What the emulator answered. */
  status: number;
}

/** Every answered Graph request, in the order the answers were produced. */
export class RequestLog {
  #entries: RecordedRequest[] = [];

  record(entry: RecordedRequest): void {
    this.#entries.push(entry);
  }

  entries(): RecordedRequest[] {
    return this.#entries.map((entry) => ({ ...entry }));
  }

  clear(): void {
    this.#entries = [];
  }
}
