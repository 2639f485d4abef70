/**
 * Graph calls as the signed-in person, with the real Graph SDK over real sockets: the exchange
 * through @azure/identity's OnBehalfOfCredential over HTTPS (the in-test OBO responder, see
 * test/helpers/obo-responder.ts), Graph calls to the emulator, whose request log shows which
 * token each direct call and each `$batch` envelope carried.
 */
import { DEMO, EMULATOR_TOKENS } from '@universal-print-gateway/emulator';
import { useEmulator } from '@universal-print-gateway/emulator/vitest';
import {
  ConsentRequiredError,
  createGraphTransport,
  DEFAULT_GRAPH_SERVICE_OPTIONS,
  type GraphCall,
  GraphService,
  InteractionRequiredError,
  onBehalfOfExchange,
  type PersonIdentity,
  PersonTokenCache,
  UpstreamUnavailableError,
} from '@universal-print-gateway/graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertionFor,
  CLAIMS_CHALLENGE,
  OBO_CLIENT_ID,
  OBO_CLIENT_SECRET,
  OBO_TENANT,
  type OboResponder,
  startOboResponder,
} from '../helpers/obo-responder.js';

const env = useEmulator();
let entra: OboResponder;
beforeAll(async () => {
  entra = await startOboResponder();
});
afterAll(() => entra?.close());

async function personTokens(authorityHost = entra.url): Promise<PersonTokenCache> {
  return new PersonTokenCache(
    await onBehalfOfExchange({
      credentials: {
        kind: 'client-secret',
        tenantId: OBO_TENANT,
        clientId: OBO_CLIENT_ID,
        clientSecret: OBO_CLIENT_SECRET,
      },
      authorityHost,
      scopes: ['https://graph.microsoft.com/.default'],
      trustedCa: entra.ca,
    }),
  );
}

function serviceWith(tokens: PersonTokenCache): GraphService {
  const transport = createGraphTransport({
    baseUrl: env.emulator.url,
    auth: { getAccessToken: () => Promise.resolve(EMULATOR_TOKENS.gatewayApp) },
    timeoutMs: 10_000,
  });
  return new GraphService(transport, DEFAULT_GRAPH_SERVICE_OPTIONS, undefined, tokens);
}

const person = (personId: string, n = 1): PersonIdentity => ({
  kind: 'person',
  personId,
  assertion: assertionFor(personId, n),
});

const printerRead = (printer: string, k: number): GraphCall => ({
  method: 'GET',
  url: `/print/printers/${printer}?k=${k}`,
});

describe('Graph calls as the person (on-behalf-of)', () => {
  it('exchanges once per person per token: 1,000 operations by 10 people, 10 exchanges', async () => {
    const tokens = await personTokens();
    const service = serviceWith(tokens);
    const people = Array.from({ length: 10 }, (_, i) => `bench-person-${i}`);
    // 100 requests per person, each one operation on a session of its own.
    const replies = await Promise.all(
      people.flatMap((id) =>
        Array.from({ length: 100 }, (_, k) =>
          service.session().asPerson(person(id)).reply(printerRead(DEMO.printers.floor1, k)),
        ),
      ),
    );
    expect(replies).toHaveLength(1_000);
    expect(tokens.exchanges).toBe(10);
    expect([...entra.exchanges.entries()].filter(([id]) => id.startsWith('bench-'))).toEqual(
      people.map((id) => [id, 1]),
    );
    // A new token for one person is a new exchange; the others keep theirs.
    await service
      .session()
      .asPerson(person('bench-person-0', 2))
      .reply(printerRead(DEMO.printers.floor1, 0));
    expect(tokens.exchanges).toBe(11);
  });

  it("batches each person's calls in envelopes of their own, each carrying that person's token", async () => {
    const tokens = await personTokens();
    const session = serviceWith(tokens).session();
    const adele = session.asPerson(person('envelope-adele'));
    const megan = session.asPerson(person('envelope-megan'));
    env.emulator.requests.clear();
    await Promise.all([
      ...Array.from({ length: 25 }, (_, k) => adele.reply(printerRead(DEMO.printers.floor1, k))),
      ...Array.from({ length: 3 }, (_, k) => megan.reply(printerRead(DEMO.printers.floor2, k))),
      ...Array.from({ length: 2 }, (_, k) => session.reply(printerRead(DEMO.printers.direct, k))),
    ]);
    const log = env.emulator.requests.entries();
    const envelopes = log.filter((entry) => entry.via === 'batch-envelope');
    const tokenOf = (authorization: string | undefined) => authorization?.replace(/^Bearer /, '');
    const whose = (authorization: string | undefined) =>
      entra.issued.get(tokenOf(authorization) ?? '') ??
      (tokenOf(authorization) === EMULATOR_TOKENS.gatewayApp ? 'app' : 'unknown');
    // Adele's 25 calls: 20 + 5; Megan's 3; the app's 2. Never two identities in one envelope
    // (an envelope has one Authorization; its items are read from its body, since the emulator
    // refuses a token it does not know before looking inside).
    const urlsIn = (body: unknown) =>
      (body as { requests: Array<{ url: string }> }).requests.map((item) =>
        item.url.replace(/\?.*$/, ''),
      );
    const byWhom = envelopes
      .map((entry) => ({ whose: whose(entry.authorization), urls: urlsIn(entry.body) }))
      .map(({ whose: who, urls }) => ({ who, count: urls.length, urls: [...new Set(urls)] }))
      .sort((a, b) => `${a.who}${a.count}`.localeCompare(`${b.who}${b.count}`));
    expect(byWhom).toEqual([
      { who: 'app', count: 2, urls: [`/print/printers/${DEMO.printers.direct}`] },
      { who: 'envelope-adele', count: 20, urls: [`/print/printers/${DEMO.printers.floor1}`] },
      { who: 'envelope-adele', count: 5, urls: [`/print/printers/${DEMO.printers.floor1}`] },
      { who: 'envelope-megan', count: 3, urls: [`/print/printers/${DEMO.printers.floor2}`] },
    ]);
    expect(log.filter((entry) => entry.via === 'direct')).toEqual([]);
    // All of them paid from the one request's budget.
    expect(session.callsUsed).toBe(30);
  });

  it("passes Entra's claims challenge on verbatim, and sends nothing to Graph", async () => {
    const tokens = await personTokens();
    const session = serviceWith(tokens).session();
    entra.refuseNext('mfa-person', 'interaction_required');
    env.emulator.requests.clear();
    const refused = await session
      .asPerson(person('mfa-person'))
      .call(printerRead(DEMO.printers.floor1, 0))
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InteractionRequiredError);
    expect((refused as InteractionRequiredError).code).toBe('INTERACTION_REQUIRED');
    expect((refused as InteractionRequiredError).claims).toBe(CLAIMS_CHALLENGE);
    expect(env.emulator.requests.entries()).toEqual([]);
  });

  it('answers ConsentRequiredError for AADSTS65001, sending nothing to Graph', async () => {
    const tokens = await personTokens();
    entra.refuseNext('unconsented-person', 'consent_required');
    env.emulator.requests.clear();
    const refused = await serviceWith(tokens)
      .session()
      .asPerson(person('unconsented-person'))
      .call(printerRead(DEMO.printers.floor1, 0))
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ConsentRequiredError);
    expect((refused as ConsentRequiredError).code).toBe('CONSENT_REQUIRED');
    expect(env.emulator.requests.entries()).toEqual([]);
    // A refusal is not cached: the next call asks Entra again.
    await serviceWith(tokens)
      .session()
      .asPerson(person('unconsented-person'))
      .reply(printerRead(DEMO.printers.floor1, 0));
    expect(tokens.exchanges).toBe(2);
  });

  it('answers UpstreamUnavailableError when Entra cannot be reached, sending nothing to Graph', async () => {
    // A port nothing listens on: the responder's, after a server of its own is closed.
    const closed = await startOboResponder();
    const unreachable = closed.url;
    await closed.close();
    const tokens = await personTokens(unreachable);
    env.emulator.requests.clear();
    const refused = await serviceWith(tokens)
      .session()
      .asPerson(person('offline-person'))
      .call({ method: 'POST', url: `/print/printers/${DEMO.printers.floor1}/jobs/1/cancel` })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UpstreamUnavailableError);
    expect((refused as UpstreamUnavailableError).outcomeUnknown).toBe(false);
    expect(env.emulator.requests.entries()).toEqual([]);
  }, 60_000);
});
