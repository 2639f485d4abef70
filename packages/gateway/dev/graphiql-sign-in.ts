/**
 * Development only: GraphiQL on the embedded emulator opens signed in as a demo identity, so
 * that `npm start` works in the browser without anonymous access. Each time the page is served
 * a token is minted from the emulator's Entra token endpoint, over HTTP with the seeded
 * credentials, exactly as a client of the gateway would get one; the gateway then validates it
 * like any other. `?as=megan` or `?as=station` picks another identity (Adele by default).
 *
 * dev/start.ts creates this only on the embedded emulator, which config.ts refuses in
 * production and the image does not contain: there is no way to point it at a real Entra, and
 * nothing here knows a real credential.
 */

import { ENTRA, GATEWAY_API } from '@universal-print-gateway/emulator';
import type { GraphiQLOptions } from 'graphql-yoga';

/** Who GraphiQL can be signed in as: the seeded people and the release station app. */
export const DEMO_IDENTITIES = ['adele', 'megan', 'station'] as const;
export type DemoIdentity = (typeof DEMO_IDENTITIES)[number];
export const DEFAULT_DEMO_IDENTITY: DemoIdentity = 'adele';

/** The page's query parameter that picks the identity. */
export const IDENTITY_PARAMETER = 'as';

export interface GraphiQLSignIn {
  /**
   * GraphiQL's options for one page request: `page` with the identity's token as the default
   * `Authorization` header and its name in the title. An unknown `?as=` opens the page signed
   * out, the title saying which names work: a 500 would say less.
   */
  pageOptions(request: Request, page: GraphiQLOptions): Promise<GraphiQLOptions>;
}

/** Whom the title names: what a person recognises, not an id. */
const DISPLAY_NAMES: Record<DemoIdentity, string> = {
  adele: ENTRA.people.adele.displayName,
  megan: ENTRA.people.megan.displayName,
  station: ENTRA.apps.releaseStation.displayName,
};

/** The token request of each identity: ROPC for people, client credentials for the station. */
function tokenForm(identity: DemoIdentity): Record<string, string> {
  if (identity === 'station') {
    const { appId, secret } = ENTRA.apps.releaseStation;
    return {
      grant_type: 'client_credentials',
      client_id: appId,
      client_secret: secret,
      scope: `${GATEWAY_API.appIdUri}/.default`,
    };
  }
  const { userPrincipalName, password } = ENTRA.people[identity];
  return {
    grant_type: 'password',
    client_id: ENTRA.apps.releaseApp.appId,
    username: userPrincipalName,
    password,
    // Both of the gateway's scopes: a person in GraphiQL releases jobs and prints
    // (README "Print from an app").
    scope: `${GATEWAY_API.appIdUri}/Print.Release ${GATEWAY_API.appIdUri}/Print.Submit`,
  };
}

const isDemoIdentity = (value: string): value is DemoIdentity =>
  (DEMO_IDENTITIES as readonly string[]).includes(value);

/** The identity the page URL asks for; undefined when it names none of them. */
export function identityOf(pageUrl: URL): DemoIdentity | undefined {
  const asked = (pageUrl.searchParams.get(IDENTITY_PARAMETER) ?? '').toLowerCase();
  if (asked === '') return DEFAULT_DEMO_IDENTITY;
  return isDemoIdentity(asked) ? asked : undefined;
}

/**
 * @param tokenEndpoint the embedded emulator's `POST /{tenant}/oauth2/v2.0/token`.
 */
export function createGraphiQLSignIn(
  tokenEndpoint: string,
  fetchImpl: typeof fetch = fetch,
): GraphiQLSignIn {
  const mint = async (identity: DemoIdentity): Promise<string> => {
    const response = await fetchImpl(tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(tokenForm(identity)),
    });
    const body = (await response.json()) as { access_token?: unknown; error?: unknown };
    if (!response.ok || typeof body.access_token !== 'string') {
      // Entra's error code only: never anything that could be a credential.
      throw new Error(
        `The emulator's token endpoint refused to sign in ${identity}: ` +
          `${response.status} ${String(body.error ?? '')}`,
      );
    }
    return body.access_token;
  };

  return {
    async pageOptions(request, page) {
      const identity = identityOf(new URL(request.url));
      if (identity === undefined) {
        return {
          ...page,
          // Replaces whatever the editor held: the page must not look signed in.
          headers: '{}',
          title: `${page.title} (not signed in: ?${IDENTITY_PARAMETER}= takes ${DEMO_IDENTITIES.join(', ')})`,
        };
      }
      const token = await mint(identity);
      return {
        ...page,
        headers: JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2),
        title: `${page.title} (signed in as ${DISPLAY_NAMES[identity]})`,
      };
    },
  };
}
