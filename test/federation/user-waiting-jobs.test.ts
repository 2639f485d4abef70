/**
 * `User.waitingPrintJobs` through a real router, Hive Gateway and Apollo Gateway: the users subgraph owns `User`, keyed by the
 * Entra object id (docs/federation.md), and the print subgraph contributes the user's waiting
 * jobs. The router forwards the caller's token; a person sees the field only on their own
 * `User`, a station on anyone's.
 */

import { DEMO } from '@universal-print-gateway/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CALLERS_OVER_HTTP,
  type CallerName,
  PEOPLE,
  useTestGateway,
} from '../helpers/test-gateway.js';
import { ROUTERS, type RunningSupergraph, startSupergraph } from './supergraph.js';

const gateway = useTestGateway({
  ...CALLERS_OVER_HTTP,
  emulator: { pageSize: 3 },
});

let supergraph: RunningSupergraph;

const WAITING = `query($after: String) { users { id name
  waitingPrintJobs(first: 4, after: $after) { __typename ... on Error { code }
    ... on UserWaitingPrintJobConnection { pageInfo { hasNextPage endCursor }
      edges { node { id createdBy { id } } } } } } }`;

interface UserRow {
  id: string;
  waitingPrintJobs: {
    __typename: string;
    code?: string;
    pageInfo?: { hasNextPage: boolean; endCursor: string | null };
    edges?: { node: { id: string; createdBy: { id: string } | null } }[];
  };
}

async function usersAs(caller: CallerName, after: string | null = null): Promise<UserRow[]> {
  const credential = await gateway.credential(caller);
  const result = await supergraph.query(
    WAITING,
    { after },
    credential === null ? {} : { authorization: `Bearer ${credential}` },
  );
  expect(result.errors).toBeUndefined();
  return (result.data?.['users'] ?? []) as UserRow[];
}

const rowOf = (rows: UserRow[], id: string) => rows.find((row) => row.id === id);

describe.each(ROUTERS)('User.waitingPrintJobs through %s', (router) => {
  beforeEach(async () => {
    supergraph = await startSupergraph({
      print: gateway.url,
      router,
      users: [
        { id: PEOPLE.adele, name: 'Adele Vance' },
        { id: PEOPLE.megan, name: 'Megan Bowen' },
      ],
    });
  });
  afterEach(() => supergraph?.close());

  it("gives a person their own waiting jobs, across pages, and another user's as Forbidden", async () => {
    const backlog = gateway.emulator
      .submitJobs({ printerId: DEMO.printers.floor1, userId: PEOPLE.adele }, 6)
      .map((job) => job.id);
    gateway.emulator.submitJobs({ printerId: DEMO.printers.floor1, userId: PEOPLE.megan }, 5);

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const rows = await usersAs('adele', after);
      expect(rowOf(rows, PEOPLE.megan)?.waitingPrintJobs).toEqual({
        __typename: 'ForbiddenError',
        code: 'FORBIDDEN',
      });
      const mine = rowOf(rows, PEOPLE.adele)?.waitingPrintJobs;
      expect(mine?.__typename).toBe('UserWaitingPrintJobConnection');
      for (const edge of mine?.edges ?? []) {
        expect(edge.node.createdBy?.id).toBe(PEOPLE.adele);
        seen.push(edge.node.id);
      }
      if (!mine?.pageInfo?.hasNextPage) break;
      after = mine.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual(
      [DEMO.jobs.floor1WaitingAdele, DEMO.jobs.floor2WaitingAdele, ...backlog].sort(),
    );
  });

  it("gives a release station anyone's waiting jobs", async () => {
    const rows = await usersAs('stationKey');
    const ids = (id: string) =>
      (rowOf(rows, id)?.waitingPrintJobs.edges ?? []).map((edge) => edge.node.id).sort();
    expect(ids(PEOPLE.adele)).toEqual(
      [DEMO.jobs.floor1WaitingAdele, DEMO.jobs.floor2WaitingAdele].sort(),
    );
    expect(ids(PEOPLE.megan)).toEqual(
      [DEMO.jobs.floor1WaitingMegan, DEMO.jobs.floor2WaitingMegan].sort(),
    );
  });
});
