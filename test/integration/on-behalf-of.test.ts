/**
 * Graph calls as the signed-in person, with the real Graph SDK over real sockets: the exchange
 * through @azure/msal-node at the emulator's own Entra (over HTTPS, as MSAL needs:
 * test/helpers/entra-over-tls.ts), which verifies each person's token and counts the exchanges
 * per person, and Graph calls to the emulator, whose request log shows which person each direct
 * call and each `$batch` envelope acted for.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEMO,
  EMULATOR_TOKENS,
  ENTRA,
  type EntraPerson,
  LOOPBACK_DEV_TLS,
} from '@universal-print-gateway/emulator';
import { useEmulator } from '@universal-print-gateway/emulator/vitest';
import {
  ConsentRequiredError,
  createGraphTransport,
  DEFAULT_GRAPH_DELEGATED_SCOPES,
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
import { morePeople, personToken } from '../helpers/entra.js';
import { type EntraOverTls, entraOverTls } from '../helpers/entra-over-tls.js';

const PEOPLE = morePeople(13);
const env = useEmulator({ entra: { morePeople: PEOPLE } });
let entra: EntraOverTls;
beforeAll(async () => {
  entra = await entraOverTls(env.emulator.url);
});
afterAll(() => entra?.close());

/** The people each test uses, so that no test's exchanges are another's. */
const [mfaPerson, unconsentedPerson, offlinePerson] = PEOPLE.slice(10) as [
  EntraPerson,
  EntraPerson,
  EntraPerson,
];
const { adele, megan } = ENTRA.people;
const TEN = PEOPLE.slice(0, 10);

async function personTokens(authorityHost = entra.url): Promise<PersonTokenCache> {
  return new PersonTokenCache(
    await onBehalfOfExchange({
      credentials: {
        kind: 'client-secret',
        tenantId: ENTRA.tenantId,
        clientId: ENTRA.apps.gateway.appId,
        clientSecret: ENTRA.apps.gateway.secret,
      },
      authorityHost,
      scopes: [DEFAULT_GRAPH_DELEGATED_SCOPES],
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

/** The person as the gateway knows them once their token is verified: a fresh token each time. */
const signedIn = async (person: EntraPerson): Promise<PersonIdentity> => ({
  kind: 'person',
  personId: person.objectId,
  assertion: await personToken(env.emulator.url, person, ['Print.Submit']),
});

const printerRead = (printer: string, k: number): GraphCall => ({
  method: 'GET',
  url: `/print/printers/${printer}?k=${k}`,
});

/** The emulator's knob: Entra refuses this person's next exchange as it does for `kind`. */
async function refuseNext(person: EntraPerson, kind: 'interaction_required' | 'consent_required') {
  const response = await fetch(`${env.emulator.url}/_emulator/entra/obo-refusals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: person.objectId, kind, times: 1 }),
  });
  expect(response.status).toBe(201);
}

const exchangesFor = (people: readonly EntraPerson[]) =>
  people.map((person) => env.emulator.entra.hits().onBehalfOf[person.objectId] ?? 0);

describe('Graph calls as the person (on-behalf-of)', () => {
  it('exchanges once per person per token: 1,000 operations by 10 people, 10 exchanges', async () => {
    const tokens = await personTokens();
    const service = serviceWith(tokens);
    const people = await Promise.all(TEN.map(signedIn));
    // 100 requests per person, each one operation on a session of its own.
    const replies = await Promise.all(
      people.flatMap((person) =>
        Array.from({ length: 100 }, (_, k) =>
          service.session().asPerson(person).reply(printerRead(DEMO.printers.floor1, k)),
        ),
      ),
    );
    expect(replies).toHaveLength(1_000);
    expect(tokens.exchanges).toBe(10);
    expect(exchangesFor(TEN)).toEqual(TEN.map(() => 1));
    // A new token for one person is a new exchange; the others keep theirs.
    await service
      .session()
      .asPerson(await signedIn(TEN[0] as EntraPerson))
      .reply(printerRead(DEMO.printers.floor1, 0));
    expect(tokens.exchanges).toBe(11);
    expect(exchangesFor(TEN)).toEqual(TEN.map((_, i) => (i === 0 ? 2 : 1)));
  }, 60_000);

  it("reads Entra's metadata once for everyone: people calling at once, and a person after them", async () => {
    const tokens = await personTokens();
    const service = serviceWith(tokens);
    const [first, second, third, later] = await Promise.all(TEN.slice(0, 4).map(signedIn));
    env.emulator.entra.reset();
    await Promise.all(
      [first, second, third].map((person) =>
        service
          .session()
          .asPerson(person as PersonIdentity)
          .reply(printerRead(DEMO.printers.floor1, 0)),
      ),
    );
    expect(env.emulator.entra.hits()).toMatchObject({ discovery: 1, token: 3 });
    await service
      .session()
      .asPerson(later as PersonIdentity)
      .reply(printerRead(DEMO.printers.floor1, 0));
    expect(env.emulator.entra.hits()).toMatchObject({ discovery: 1, keys: 0, token: 4 });
    expect(tokens.exchanges).toBe(4);
  });

  it("batches each person's calls in envelopes of their own, each carrying that person's token", async () => {
    const tokens = await personTokens();
    const session = serviceWith(tokens).session();
    const adeleCalls = session.asPerson(await signedIn(adele));
    const meganCalls = session.asPerson(await signedIn(megan));
    env.emulator.requests.clear();
    await Promise.all([
      ...Array.from({ length: 25 }, (_, k) =>
        adeleCalls.reply(printerRead(DEMO.printers.floor1, k)),
      ),
      ...Array.from({ length: 3 }, (_, k) =>
        meganCalls.reply(printerRead(DEMO.printers.floor2, k)),
      ),
      ...Array.from({ length: 2 }, (_, k) => session.reply(printerRead(DEMO.printers.direct, k))),
    ]);
    const log = env.emulator.requests.entries();
    const envelopes = log.filter((entry) => entry.via === 'batch-envelope');
    // Whom the emulator's Graph authenticated each envelope's token as: a person's Graph token
    // is the one Entra issued for that person, the app's its own.
    const whose = ({ caller, authorization }: (typeof log)[number]) =>
      caller?.kind === 'user'
        ? [adele, megan].find((person) => person.objectId === caller.userId)?.displayName
        : authorization === `Bearer ${EMULATOR_TOKENS.gatewayApp}`
          ? 'app'
          : 'unknown';
    // Adele's 25 calls: 20 + 5; Megan's 3; the app's 2. Never two identities in one envelope
    // (an envelope has one Authorization; its items are read from its body).
    const urlsIn = (body: unknown) =>
      (body as { requests: Array<{ url: string }> }).requests.map((item) =>
        item.url.replace(/\?.*$/, ''),
      );
    const byWhom = envelopes
      .map((entry) => ({ whose: whose(entry), urls: urlsIn(entry.body) }))
      .map(({ whose: who, urls }) => ({ who, count: urls.length, urls: [...new Set(urls)] }))
      .sort((a, b) => `${a.who}${a.count}`.localeCompare(`${b.who}${b.count}`));
    expect(byWhom).toEqual([
      { who: adele.displayName, count: 20, urls: [`/print/printers/${DEMO.printers.floor1}`] },
      { who: adele.displayName, count: 5, urls: [`/print/printers/${DEMO.printers.floor1}`] },
      { who: 'app', count: 2, urls: [`/print/printers/${DEMO.printers.direct}`] },
      { who: megan.displayName, count: 3, urls: [`/print/printers/${DEMO.printers.floor2}`] },
    ]);
    expect(log.filter((entry) => entry.via === 'direct')).toEqual([]);
    // All of them paid from the one request's budget.
    expect(session.callsUsed).toBe(30);
  });

  it("passes Entra's claims challenge on verbatim, and sends nothing to Graph", async () => {
    const tokens = await personTokens();
    const session = serviceWith(tokens).session();
    const person = await signedIn(mfaPerson);
    // What Entra itself answers this person's exchange when Conditional Access wants more.
    await refuseNext(mfaPerson, 'interaction_required');
    const direct = await fetch(`${env.emulator.url}/${ENTRA.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        requested_token_use: 'on_behalf_of',
        client_id: ENTRA.apps.gateway.appId,
        client_secret: ENTRA.apps.gateway.secret,
        scope: DEFAULT_GRAPH_DELEGATED_SCOPES,
        assertion: person.assertion,
      }),
    });
    const challenge = ((await direct.json()) as { claims: string }).claims;
    expect(challenge).toContain('capolids');
    await refuseNext(mfaPerson, 'interaction_required');
    env.emulator.requests.clear();
    const refused = await session
      .asPerson(person)
      .call(printerRead(DEMO.printers.floor1, 0))
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InteractionRequiredError);
    expect((refused as InteractionRequiredError).code).toBe('INTERACTION_REQUIRED');
    expect((refused as InteractionRequiredError).claims).toBe(challenge);
    expect(env.emulator.requests.entries()).toEqual([]);
  });

  it('answers ConsentRequiredError for AADSTS65001, sending nothing to Graph', async () => {
    const tokens = await personTokens();
    const person = await signedIn(unconsentedPerson);
    await refuseNext(unconsentedPerson, 'consent_required');
    env.emulator.requests.clear();
    const refused = await serviceWith(tokens)
      .session()
      .asPerson(person)
      .call(printerRead(DEMO.printers.floor1, 0))
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ConsentRequiredError);
    expect((refused as ConsentRequiredError).code).toBe('CONSENT_REQUIRED');
    expect(env.emulator.requests.entries()).toEqual([]);
    // A refusal is not cached: the next call asks Entra again.
    await serviceWith(tokens)
      .session()
      .asPerson(person)
      .reply(printerRead(DEMO.printers.floor1, 0));
    expect(tokens.exchanges).toBe(2);
    expect(exchangesFor([unconsentedPerson])).toEqual([2]);
  });

  it('answers UpstreamUnavailableError when Entra cannot be reached, sending nothing to Graph', async () => {
    // A port nothing listens on: a TLS front's, after it is closed.
    const closed = await entraOverTls(env.emulator.url);
    const unreachable = closed.url;
    await closed.close();
    const tokens = await personTokens(unreachable);
    const person = await signedIn(offlinePerson);
    env.emulator.requests.clear();
    const refused = await serviceWith(tokens)
      .session()
      .asPerson(person)
      .call({ method: 'POST', url: `/print/printers/${DEMO.printers.floor1}/jobs/1/cancel` })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UpstreamUnavailableError);
    expect((refused as UpstreamUnavailableError).outcomeUnknown).toBe(false);
    expect(env.emulator.requests.entries()).toEqual([]);
    expect(exchangesFor([offlinePerson])).toEqual([0]);
  }, 60_000);

  it("signs a client assertion with a certificate credential (Entra's answer says it got one)", async () => {
    // A PEM with the private key and its certificate, as AZURE_CLIENT_CERTIFICATE_PATH holds.
    const { key, cert } = LOOPBACK_DEV_TLS;
    const path = join(mkdtempSync(join(tmpdir(), 'obo-certificate-')), 'gateway.pem');
    writeFileSync(path, Buffer.concat([key, cert]));
    const exchange = await onBehalfOfExchange({
      credentials: {
        kind: 'client-certificate',
        tenantId: ENTRA.tenantId,
        clientId: ENTRA.apps.gateway.appId,
        certificatePath: path,
      },
      authorityHost: entra.url,
      scopes: [DEFAULT_GRAPH_DELEGATED_SCOPES],
      trustedCa: entra.ca,
    });
    const person = await signedIn(offlinePerson);
    const refused = await exchange(person.assertion).catch((error: unknown) => error);
    // The emulator authenticates clients by secret only, and says so of a client_assertion.
    expect(refused).toBeInstanceOf(UpstreamUnavailableError);
    expect((refused as Error).message).toContain('(invalid_client)');
  });
});
