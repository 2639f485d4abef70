import {
  Client,
  type Context,
  HTTPMessageHandler,
  type Middleware,
} from '@microsoft/microsoft-graph-client';

// The real SDK against the emulator, for every emulator test that uses it. The SDK adds no token to http:// URLs, so a tiny middleware
// sets the bearer token before the SDK's own HTTPMessageHandler sends the request.
class StaticBearerToken implements Middleware {
  #next: Middleware | undefined;

  constructor(private readonly token: string) {}

  async execute(context: Context): Promise<void> {
    const headers = new Headers(context.options?.headers);
    headers.set('Authorization', `Bearer ${this.token}`);
    context.options = { ...context.options, headers };
    if (this.#next === undefined) throw new Error('StaticBearerToken needs a next middleware.');
    await this.#next.execute(context);
  }

  setNext(next: Middleware): void {
    this.#next = next;
  }
}

export function sdkClient(origin: string, token: string): Client {
  const auth = new StaticBearerToken(token);
  auth.setNext(new HTTPMessageHandler());
  return Client.initWithMiddleware({ middleware: auth, baseUrl: `${origin}/` });
}

/**
 * The SDK treats a URL as absolute only when it contains `https://`, so an emulator nextLink
 * (`http://…/v1.0/…`) must be handed to `client.api()` relative to the version root.
 */
export function nextLinkPath(origin: string, nextLink: string): string {
  const root = `${origin}/v1.0`;
  if (!nextLink.startsWith(`${root}/`)) {
    throw new Error(`nextLink ${nextLink} is not under ${root}`);
  }
  return nextLink.slice(root.length);
}

export interface Paged<T> {
  '@odata.context': string;
  '@odata.nextLink'?: string;
  value: T[];
}

/** Follows nextLinks until there is none; returns every page as received. */
export async function allPages<T>(
  client: Client,
  origin: string,
  firstPath: string,
): Promise<Paged<T>[]> {
  const pages: Paged<T>[] = [];
  let path: string | undefined = firstPath;
  while (path !== undefined) {
    const page = (await client.api(path).get()) as Paged<T>;
    pages.push(page);
    const next = page['@odata.nextLink'];
    path = next === undefined ? undefined : nextLinkPath(origin, next);
    if (pages.length > 50) throw new Error('nextLinks do not end');
  }
  return pages;
}
