/**
 * The README walk-through's step 8 ("Adele at a device, both release models"), its GraphQL blocks
 * run as written against the emulator as Adele: one waiting job of each model at Floor 1 MFP, both
 * released in one call, and who carried each Graph write, read from the emulator's request log.
 * The Chromium walk-through (test/browser/graphiql.test.ts) runs the same blocks in GraphiQL on
 * `npm start`, whose background reconciliation makes an exact list of requests unreliable there.
 */
import { readFileSync } from 'node:fs';
import { DEMO, type RecordedRequest } from '@universal-print-gateway/emulator';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { CALLERS_OVER_HTTP, PEOPLE, useTestGateway } from '../helpers/test-gateway.js';

// As `npm start` runs: people may release, and the gateway acts for them on behalf of.
const env = useTestGateway({
  ...CALLERS_OVER_HTTP,
  personScopes: ['Print.Release'],
  onBehalfOf: true,
});

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const walkThrough = readme.slice(
  readme.indexOf('\n## The pull-print flow in GraphiQL\n'),
  readme.indexOf('\n## Live release screens\n'),
);
const blocks = new Map(
  [...walkThrough.matchAll(/^```graphql\n([\s\S]*?)^```$/gm)].map((match) => {
    const text = match[1] ?? '';
    return [/^(?:query|mutation) (\w+)/.exec(text)?.[1] ?? '', text] as const;
  }),
);
const block = (name: string) => {
  const text = blocks.get(name);
  if (!text) throw new Error(`the README walk-through has no operation ${name}`);
  return text;
};
/** Step 7's curl body: one job on a pull printer, for Adele. */
const neverRunDry = JSON.parse(
  [...walkThrough.matchAll(/-d '(\{[^']*\})'/g)]
    .map((match) => match[1] ?? '')
    .find((body) => !body.includes('"count"')) ?? '{}',
) as { printerId: string; documentName: string };

/** One root field of an answer to an untyped document. */
const fieldOf = (answer: { data?: unknown }, field: string) =>
  (answer.data as Record<string, unknown> | null | undefined)?.[field];

/** Who a recorded request was sent as: `app`, or the person a delegated token was issued to. */
const sentAs = (entry: RecordedRequest) =>
  entry.caller?.kind === 'user' ? entry.caller.userId : (entry.caller?.kind ?? 'nobody');

describe('README walk-through step 8: both release models at a device', () => {
  it('lists one job of each model with its method, and releases both, each with the token its model needs', async () => {
    // Steps 6 and 7 as the reader runs them: her task-trigger jobs released at the reception
    // printer, then step 7's new job.
    const releaseAll = await env.execute('adele', block('ReleaseAllHere'));
    expect(fieldOf(releaseAll, 'releasePrintJobs')).toMatchObject({
      __typename: 'ReleasePrintJobsSuccess',
    });
    const newJob = env.emulator.submitJob(neverRunDry);
    const device = DEMO.printers.floor1Device;
    const held = DEMO.jobs.pullPrintHeldAdele;

    const waiting = await env.execute('adele', block('WaitingHere'));
    expect(waiting.errors).toBeUndefined();
    const edges = (fieldOf(waiting, 'myPrintJobs') as { edges: unknown[] }).edges;
    expect(edges).toMatchObject([
      { releaseMethod: 'REDIRECT', node: { id: newJob.id, printerId: neverRunDry.printerId } },
      { releaseMethod: 'SECURE_RELEASE', node: { id: held, printerId: device } },
    ]);

    env.emulator.requests.clear();
    const released = await env.execute('adele', block('ReleaseBothHere'));
    expect(released.errors).toBeUndefined();
    expect(fieldOf(released, 'releasePrintJobs')).toMatchObject({
      __typename: 'ReleasePrintJobsSuccess',
      results: [
        {
          printJobId: newJob.id,
          releaseMethod: 'REDIRECT',
          result: { __typename: 'RedirectPrintJobSuccess', printJob: { printerId: device } },
        },
        {
          printJobId: held,
          releaseMethod: 'SECURE_RELEASE',
          result: { __typename: 'RedirectPrintJobSuccess', printJob: { id: held } },
        },
      ],
    });

    const writes = env.emulator.requests
      .entries()
      .filter((entry) => entry.method === 'POST' && entry.via !== 'batch-envelope');
    expect(writes.map((entry) => `${entry.path} ${sentAs(entry)}`)).toEqual([
      `/print/printers/${neverRunDry.printerId}/jobs/${newJob.id}/redirect app`,
      `/print/printers/${device}/jobs/release ${PEOPLE.adele}`,
    ]);
    // The release's token itself: delegated (a scope), issued for Adele, with Graph's scope for
    // releasing a job; not the token the redirect went with.
    const [redirect, release] = writes.map((entry) => entry.authorization ?? '');
    expect(release).not.toBe(redirect);
    const claims = decodeJwt(/^Bearer (\S+)$/.exec(release ?? '')?.[1] ?? '');
    expect(claims).toMatchObject({ oid: PEOPLE.adele, scp: expect.any(String) });
    expect(claims['scp']).toContain('PrintJob.ReadWriteBasic');
  });
});
