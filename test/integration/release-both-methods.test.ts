/**
 * releasePrintJobs across both release models (issue 23, item 2): each job released by its
 * method, redirect with the app's token and secure release with the person's own, one typed
 * result per job in input order. Whose token carried each call comes from the emulator's
 * request log, `$batch` envelopes and their items included.
 */
import { DEMO, type RecordedRequest } from '@universal-print-gateway/emulator';
import { describe, expect, it } from 'vitest';
import {
  CALLERS_OVER_HTTP,
  type CallerName,
  PEOPLE,
  useTestGateway,
} from '../helpers/test-gateway.js';

const env = useTestGateway({
  ...CALLERS_OVER_HTTP,
  personScopes: ['Print.Release'],
  onBehalfOf: true,
});
const { floor1, floor2, floor1Device, pullPrint } = DEMO.printers;

const RELEASE = `mutation($input: ReleasePrintJobsInput!, $key: String) {
  releasePrintJobs(input: $input, idempotencyKey: $key) {
    __typename
    ... on Error { code message }
    ... on ReleasePrintJobsSuccess { results { printerId printJobId releaseMethod result {
      __typename
      ... on Error { code message }
      ... on UpstreamUnavailableError { outcomeUnknown }
      ... on RedirectPrintJobSuccess { printJob { id printerId } }
    } } } } }`;

type Ref = { printerId: string; printJobId: string };
interface Item {
  printerId: string;
  printJobId: string;
  releaseMethod: string;
  result: { __typename: string; message?: string; outcomeUnknown?: boolean };
}

async function release(
  caller: CallerName,
  input: { printJobIds?: Ref[]; onBehalfOf?: string; configuration?: object },
  key?: string,
) {
  const answer = await env.execute<
    { releasePrintJobs: { __typename: string; results?: Item[] } },
    unknown
  >(caller, RELEASE, { input: { destinationPrinterId: floor1Device, ...input }, key });
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data?.releasePrintJobs;
}

const outcomes = (items: Item[] | undefined) =>
  (items ?? []).map((item) => `${item.releaseMethod} ${item.printJobId} ${item.result.__typename}`);

const whose = (entry: RecordedRequest) =>
  entry.caller?.kind === 'user' ? entry.caller.userId : entry.caller?.kind;
/** The Graph writes of one kind, and who each was sent as (items: their envelope's token). */
const sentAs = (suffix: string) =>
  env.emulator.requests
    .entries()
    .filter((entry) => entry.method === 'POST' && entry.path.endsWith(suffix))
    .map((entry) => `${entry.path.split('/')[5] ?? entry.path} ${whose(entry)}`);
const releasedAs = () =>
  env.emulator.requests
    .entries()
    .filter((entry) => entry.path.endsWith('/jobs/release'))
    .map((entry) => `${(entry.body as { jobId?: string }).jobId} ${whose(entry)}`);

const adelesRedirect = { printerId: floor1, printJobId: DEMO.jobs.floor1WaitingAdele };
const adelesHeld = { printerId: floor1Device, printJobId: DEMO.jobs.pullPrintHeldAdele };
const megansHeld = { printerId: floor1Device, printJobId: DEMO.jobs.pullPrintHeldMegan };

describe('releasePrintJobs across both release methods', () => {
  it('releases each job with the token its method needs, one result per job in input order', async () => {
    const answer = await release('adele', { printJobIds: [adelesHeld, adelesRedirect] });
    expect(outcomes(answer?.results)).toEqual([
      `SECURE_RELEASE ${DEMO.jobs.pullPrintHeldAdele} RedirectPrintJobSuccess`,
      `REDIRECT ${DEMO.jobs.floor1WaitingAdele} RedirectPrintJobSuccess`,
    ]);
    expect(releasedAs()).toEqual([`${DEMO.jobs.pullPrintHeldAdele} ${PEOPLE.adele}`]);
    expect(sentAs('/redirect')).toEqual([`${DEMO.jobs.floor1WaitingAdele} app`]);
    // Printed at the device, and no longer held.
    expect(env.emulator.store.job(DEMO.jobs.pullPrintHeldAdele)?.printerId).toBe(floor1Device);
    const stillHeld = env.emulator.store
      .jobs()
      .filter((job) => job.phase.kind === 'heldForSecureRelease')
      .map((job) => job.id);
    expect(stillHeld).toEqual([DEMO.jobs.pullPrintHeldMegan]);
    expect(env.auditLines().map((line) => line['operation'])).toEqual(
      expect.arrayContaining(['releasePrintJob', 'redirectPrintJob']),
    );
  });

  it('refuses a configuration for a secure-release item, which Graph could not carry, and redirects the other with it', async () => {
    const answer = await release('adele', {
      printJobIds: [adelesHeld, adelesRedirect],
      configuration: { copies: 2 },
    });
    expect(outcomes(answer?.results)).toEqual([
      `SECURE_RELEASE ${DEMO.jobs.pullPrintHeldAdele} InvalidInputError`,
      `REDIRECT ${DEMO.jobs.floor1WaitingAdele} RedirectPrintJobSuccess`,
    ]);
    expect(answer?.results?.[0]?.result.message).toContain('takes no configuration');
    expect(releasedAs()).toEqual([]);
    const redirect = env.emulator.requests
      .entries()
      .find((entry) => entry.path.endsWith('/redirect'));
    expect(redirect?.body).toMatchObject({ configuration: { copies: 2 } });
  });

  it("releases all of a person's waiting jobs of both kinds when none are named", async () => {
    const more = env.emulator
      .submitJobs({ printerId: pullPrint, userId: PEOPLE.adele }, 3)
      .map((job) => job.id);
    const answer = await release('adele', {});
    expect(outcomes(answer?.results)).toEqual([
      `REDIRECT ${DEMO.jobs.floor1WaitingAdele} RedirectPrintJobSuccess`,
      `REDIRECT ${DEMO.jobs.floor2WaitingAdele} RedirectPrintJobSuccess`,
      ...[DEMO.jobs.pullPrintHeldAdele, ...more].map(
        (id) => `SECURE_RELEASE ${id} RedirectPrintJobSuccess`,
      ),
    ]);
    expect(releasedAs()).toEqual(
      [DEMO.jobs.pullPrintHeldAdele, ...more].map((id) => `${id} ${PEOPLE.adele}`),
    );
  });

  it("never lets one person's token serve another's release, concurrent envelopes included", async () => {
    const [adele, megan] = await Promise.all([
      release('adele', { printJobIds: [adelesHeld, adelesRedirect] }),
      release('megan', {
        printJobIds: [megansHeld, { printerId: floor2, printJobId: DEMO.jobs.floor2WaitingMegan }],
      }),
    ]);
    expect(outcomes(adele?.results).every((o) => o.endsWith('RedirectPrintJobSuccess'))).toBe(true);
    expect(outcomes(megan?.results).every((o) => o.endsWith('RedirectPrintJobSuccess'))).toBe(true);
    expect(releasedAs().sort()).toEqual(
      [
        `${DEMO.jobs.pullPrintHeldAdele} ${PEOPLE.adele}`,
        `${DEMO.jobs.pullPrintHeldMegan} ${PEOPLE.megan}`,
      ].sort(),
    );
    // Every envelope that carried a person's call carried only that person's token.
    for (const entry of env.emulator.requests.entries()) {
      if (entry.path.endsWith('/jobs/release')) expect(entry.caller?.kind).toBe('user');
      if (entry.path.endsWith('/redirect')) expect(entry.caller?.kind).toBe('app');
    }
  });

  it('refuses a station the secure-release item with ForbiddenError, and releases the others', async () => {
    const answer = await release('stationApp', {
      printJobIds: [megansHeld, { printerId: floor1, printJobId: DEMO.jobs.floor1WaitingMegan }],
      onBehalfOf: PEOPLE.megan,
    });
    expect(outcomes(answer?.results)).toEqual([
      `SECURE_RELEASE ${DEMO.jobs.pullPrintHeldMegan} ForbiddenError`,
      `REDIRECT ${DEMO.jobs.floor1WaitingMegan} RedirectPrintJobSuccess`,
    ]);
    expect(answer?.results?.[0]?.result.message).toMatch(/no application permission for release/);
    expect(releasedAs()).toEqual([]);
  });

  it('answers outcomeUnknown for a release Graph failed ambiguously, and never resends it', async () => {
    env.emulator.faults.add({ method: 'POST', path: '/jobs/release$', status: 503 });
    const answer = await release('adele', { printJobIds: [adelesHeld] }, 'release-both-0001');
    expect(answer?.results?.[0]?.result).toMatchObject({
      __typename: 'UpstreamUnavailableError',
      outcomeUnknown: true,
    });
    expect(releasedAs()).toHaveLength(1);
    // The same key answers the same, sending nothing.
    const repeat = await release('adele', { printJobIds: [adelesHeld] }, 'release-both-0001');
    expect(repeat).toEqual(answer);
    expect(releasedAs()).toHaveLength(1);
  });
});
