/**
 * Only people get Graph calls as themselves (packages/gateway/src/context.ts): an app, a release
 * station, a service key or the anonymous caller asking for a person's session gets
 * ForbiddenError before anything reaches Entra or Graph; a person's calls carry the Graph token
 * exchanged for the very token they were authenticated with. Graph is faked at the SDK's
 * middleware seam (the last link), Entra at the token source.
 */
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { PersonIdentity, PersonTokenSource } from '@universal-print-gateway/graph-client';
import { describe, expect, it } from 'vitest';
import { createAuditLog } from '../../packages/gateway/src/audit/audit-log.js';
import { createCallerAuthentication } from '../../packages/gateway/src/auth/authenticate.js';
import type { AppCaller, PersonCaller } from '../../packages/gateway/src/auth/caller.js';
import { parseServiceKeys } from '../../packages/gateway/src/auth/service-keys.js';
import { createContextFactory } from '../../packages/gateway/src/context.js';
import { ForbiddenError } from '../../packages/gateway/src/errors.js';
import { silentLogger } from '../../packages/gateway/src/logging/logger.js';
import { unsigned } from '../helpers/entra.js';
import { graphWithPeople } from '../helpers/graph-with-people.js';

const KEY = 'station-key-0123456789abcdef';
const adele: PersonCaller = {
  kind: 'person',
  tenantId: 't',
  objectId: 'adele-oid',
  clientAppId: 'c',
  permissions: ['Print.Release'],
};
const station: AppCaller = {
  kind: 'app',
  tenantId: 't',
  appId: 'station-app',
  objectId: 'station-sp',
  permissions: ['Print.Release.All'],
};

function setup(allowAnonymous = true) {
  const authentication = createCallerAuthentication(
    {
      serviceKeys: parseServiceKeys(`station:Print.Release.All:${KEY}`),
      // Stands in for the validator: the token's `idtyp` says who it is.
      entra: async (token) => (token.includes(unsigned({ idtyp: 'app' })) ? station : adele),
      allowAnonymous,
    },
    { graphiql: false },
  );
  const exchanged: PersonIdentity[] = [];
  const tokens: PersonTokenSource = {
    tokenFor: async (person) => {
      exchanged.push(person);
      return `graph-token-for-${person.personId}`;
    },
  };
  const sent: Array<{ url: string; authorization: string | null }> = [];
  const graph: Middleware = {
    execute: async (context: Context) => {
      const request = new Request(context.request, context.options);
      sent.push({ url: request.url, authorization: request.headers.get('authorization') });
      context.response = new Response('{"id":"p"}', {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    },
  };
  const service = graphWithPeople(graph, tokens);
  const contextOf = createContextFactory({
    service,
    callerOf: authentication.callerOf,
    personAssertionOf: authentication.personAssertion,
    audit: createAuditLog(silentLogger),
  });
  async function contextFor(authorization?: string) {
    const request = new Request('http://gateway.test/graphql', {
      method: 'POST',
      headers: authorization ? { authorization } : {},
    });
    await authentication.plugin.onRequest?.({
      request,
      url: new URL(request.url),
      endResponse: () => {
        throw new Error('refused');
      },
      fetchAPI: globalThis,
    } as never);
    return contextOf({ request });
  }
  return { contextFor, exchanged, sent };
}

describe('context.personGraph(): Graph calls as the calling person', () => {
  it.each([
    ['an app token (a release station)', `Bearer ${unsigned({ idtyp: 'app' })}`],
    ['a service key', `Bearer ${KEY}`],
    ['the anonymous caller', undefined],
  ])(
    'refuses %s with ForbiddenError, calling neither Entra nor Graph',
    async (_, authorization) => {
      const { contextFor, exchanged, sent } = setup();
      const context = await contextFor(authorization);
      expect(() => context.personGraph()).toThrow(ForbiddenError);
      expect(() => context.personGraph()).toThrow(/needs a signed-in person/);
      expect(exchanged).toEqual([]);
      expect(sent).toEqual([]);
    },
  );

  it("sends a person's calls with the Graph token exchanged for their own verified token", async () => {
    const { contextFor, exchanged, sent } = setup(false);
    const token = unsigned({ idtyp: 'user', oid: 'adele-oid' });
    const context = await contextFor(`Bearer ${token}`);
    await context.personGraph().call({ method: 'GET', url: '/print/shares/s1' });
    await context.graph.call({ method: 'GET', url: '/print/printers/p1' });
    expect(exchanged).toEqual([
      { kind: 'person', personId: 'person:t/adele-oid', assertion: token },
    ]);
    expect(sent).toEqual([
      {
        url: 'https://graph.test/v1.0/print/shares/s1',
        authorization: 'Bearer graph-token-for-person:t/adele-oid',
      },
      { url: 'https://graph.test/v1.0/print/printers/p1', authorization: 'Bearer app-token' },
    ]);
  });
});
