/**
 * Scenario 12 (issue 22, "Measure"): on-behalf-of exchanges at Entra when people call. 1,000
 * GraphQL operations that Graph serves only with a person's token (`printerShares`, delegated
 * `GET /print/shares`), by 10 people each holding one token for the gateway's API, against the
 * gateway as it ships (bench/built-gateway.ts) acting for people with its own app registration.
 * The emulator's Entra counts what it was asked: exchanges per person (its on-behalf-of hit
 * counter) and every request (discovery, keys, token), from the first operation to the last.
 */
import { Agent } from 'node:http';
import { closedLoop, round } from '../harness.js';
import { postJson } from '../http-load.js';
import type { ServerProcess } from '../server-process.js';
import {
  emulatorOverTls,
  gatewayActingForPeople,
  morePeople,
  printingTokens,
} from '../tls-emulator.js';

const SHARES = JSON.stringify({
  query: `query { printerShares(first: 10) {
    __typename
    ... on PrinterShareConnection { edges { node { id } } }
    ... on Error { code message }
  } }`,
});

export interface EntraExchangesResult {
  operations: number;
  people: number;
  concurrency: number;
  /** On-behalf-of exchanges Entra answered, in all and for each person (the most any had). */
  exchanges: number;
  mostExchangesForOnePerson: number;
  /** Every request Entra received during the load, by endpoint, and per exchange. */
  entraRequests: { discovery: number; keys: number; token: number; total: number };
  entraRequestsPerExchange: number;
  perSecond: number;
}

export async function entraExchanges(options: {
  operations: number;
  people: number;
  concurrency: number;
}): Promise<EntraExchangesResult> {
  const people = morePeople(options.people);
  const emulator = await emulatorOverTls({ entra: { morePeople: people } });
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  let gateway: ServerProcess | undefined;
  try {
    gateway = await gatewayActingForPeople(emulator, options.concurrency);
    const tokens = await printingTokens(emulator, people);
    // From here on, only what the operations cause (the gateway's own app token is already held).
    emulator.entra.reset();
    const url = gateway.url;
    const run = await closedLoop(options.operations, options.concurrency, async (index) => {
      const token = tokens[index % tokens.length];
      const answer = await postJson(url, SHARES, { authorization: `Bearer ${token}` }, agent);
      if (!answer.includes('"PrinterShareConnection"')) {
        throw new Error(`printerShares as a person: ${answer.slice(0, 500)}`);
      }
    });
    const hits = emulator.entra.hits();
    const perPerson = people.map((person) => hits.onBehalfOf[person.objectId] ?? 0);
    const exchanges = perPerson.reduce((sum, n) => sum + n, 0);
    const total = hits.discovery + hits.keys + hits.token;
    return {
      operations: options.operations,
      people: options.people,
      concurrency: options.concurrency,
      exchanges,
      mostExchangesForOnePerson: Math.max(...perPerson),
      entraRequests: { discovery: hits.discovery, keys: hits.keys, token: hits.token, total },
      entraRequestsPerExchange: round(total / Math.max(1, exchanges), 2),
      perSecond: round(run.perSecond, 0),
    };
  } finally {
    agent.destroy();
    await gateway?.stop();
    await emulator.close();
  }
}
