/**
 * GraphiQL, a development tool, as the app receives it. The production entry (main.ts) passes
 * none, so what ships serves no GraphiQL and holds none of its 8.8 MB of JavaScript; `npm start`
 * (dev/start.ts) passes one rendered by `@graphql-yoga/render-graphiql`, a dev dependency.
 */
import type { GraphiQLOptions } from 'graphql-yoga';

export interface GraphiQLPage {
  /** The page's HTML for the given options. */
  render(options: GraphiQLOptions): Promise<string>;
  /**
   * Options for one page request, from the defaults: on the embedded emulator, signed in as a
   * demo identity (dev/graphiql-sign-in.ts). Omitted: the defaults as they are.
   */
  pageOptions?(request: Request, defaults: GraphiQLOptions): Promise<GraphiQLOptions>;
}
