/** What a test holds of a router, whichever router it is. */
export interface Router {
  /** Sends one operation as a client would, with the client's headers. */
  query(
    source: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<RouterAnswer>;
  close(): Promise<void>;
}

/** A GraphQL answer as a router's client reads it. */
export interface RouterAnswer {
  data?: Record<string, unknown> | null;
  errors?: RouterError[];
}

export interface RouterError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}
