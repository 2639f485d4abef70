/**
 * GraphiQL for development, its assets inlined from `@graphql-yoga/render-graphiql` (a dev
 * dependency): works offline and under a strict CSP, and the 8.8 MB package loads on the first
 * page asked for, not at start-up (about 470 ms).
 */
import type { GraphiQLPage } from '../src/graphiql-page.js';
import type { GraphiQLSignIn } from './graphiql-sign-in.js';

export function developmentGraphiQL(signIn?: GraphiQLSignIn): GraphiQLPage {
  return {
    async render(options) {
      const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
      return renderGraphiQL(options);
    },
    ...(signIn ? { pageOptions: (request, page) => signIn.pageOptions(request, page) } : {}),
  };
}
