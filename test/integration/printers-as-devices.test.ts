/**
 * Printers as devices through the emulator: where a device is and what it can do, capabilities
 * read on demand, kept per printer for PRINTER_CAPABILITIES_CACHE_SECONDS and read for many
 * printers in one `$batch`; and redirectPrintJob / releasePrintJobs refusing a configuration the
 * destination cannot do before any write, asserted from the emulator's request log.
 */
import { DEMO } from '@universal-print-gateway/emulator';
import { describe, expect, it } from 'vitest';
import { PrinterMemory } from '../../packages/gateway/src/domain/printing/printer-memory.js';
import { CALLERS_OVER_HTTP, PEOPLE, useTestGateway } from '../helpers/test-gateway.js';

const TTL_MS = 60_000;
let clock = 0;
const env = useTestGateway({
  ...CALLERS_OVER_HTTP,
  app: () => ({ printers: new PrinterMemory({ maxEntries: 10, ttlMs: TTL_MS }, () => clock) }),
});

/** One root field of an answer to an untyped document. */
const fieldOf = (answer: { data?: unknown }, field: string) =>
  (answer.data as Record<string, unknown> | null | undefined)?.[field];
const { floor1, floor2, direct, floor2Colour } = DEMO.printers;

const DEVICE = `query($id: ID!) { printer(id: $id) { __typename ... on Printer {
  id isAcceptingJobs hasPhysicalDevice lastSeenDateTime
  location { building floor roomName roomDescription site city countryOrRegion }
  capabilities { contentTypes copiesPerJob { start end } colorModes duplexModes mediaSizes }
  defaults { colorMode duplexMode copiesPerJob mediaSize } } } }`;

const CAPABILITIES = `query($id: ID!) { printer(id: $id) { ... on Printer {
  capabilities { colorModes } } } }`;

const REDIRECT = `mutation($input: RedirectPrintJobInput!) { redirectPrintJob(input: $input) {
  __typename ... on InvalidInputError { issues { path message } } } }`;

const RELEASE = `mutation($input: ReleasePrintJobsInput!) { releasePrintJobs(input: $input) {
  __typename
  ... on ReleasePrintJobsSuccess { results { result { __typename } } }
  ... on InvalidInputError { issues { path message } } } }`;

/** The capability reads Graph received (`$select=…capabilities…`), by printer. */
const capabilityReads = () =>
  env.emulator.requests
    .entries()
    .filter((entry) => entry.method === 'GET' && entry.query.includes('capabilities'))
    .map((entry) => entry.path.replace('/print/printers/', ''));

const redirectsSent = () => env.writesSent().filter((write) => write.path.endsWith('/redirect'));

function submit(count: number, printerId = floor1) {
  return env.emulator
    .submitJobs({ printerId, userId: PEOPLE.adele }, count)
    .map((job) => ({ printerId, printJobId: job.id }));
}

describe('Printer as a device', () => {
  it('shows where the monochrome device is, what it can do and its defaults', async () => {
    const answer = await env.execute('stationApp', DEVICE, { id: direct });
    expect(answer.errors).toBeUndefined();
    expect(fieldOf(answer, 'printer')).toEqual({
      __typename: 'Printer',
      id: direct,
      isAcceptingJobs: true,
      hasPhysicalDevice: true,
      lastSeenDateTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      location: {
        building: 'Contoso HQ',
        floor: '0',
        roomName: 'Reception',
        roomDescription: 'Front desk',
        site: 'Redmond campus',
        city: 'Redmond',
        countryOrRegion: 'US',
      },
      capabilities: {
        contentTypes: ['application/pdf'],
        copiesPerJob: { start: 1, end: 10 },
        colorModes: ['BLACK_AND_WHITE'],
        duplexModes: ['ONE_SIDED'],
        mediaSizes: ['A4', 'North America Letter'],
      },
      defaults: {
        colorMode: 'BLACK_AND_WHITE',
        duplexMode: 'ONE_SIDED',
        copiesPerJob: 1,
        mediaSize: 'A4',
      },
    });
    expect(capabilityReads()).toEqual([direct]);
  });

  it('reads a virtual queue as having no device: lastSeenDateTime null', async () => {
    const answer = await env.execute('stationApp', DEVICE, { id: floor1 });
    expect(fieldOf(answer, 'printer')).toMatchObject({
      hasPhysicalDevice: false,
      lastSeenDateTime: null,
    });
  });

  it('keeps capabilities per printer until the TTL ends, then reads them again', async () => {
    clock = 1_000;
    for (const _ of [1, 2, 3]) {
      const answer = await env.execute('adele', CAPABILITIES, { id: floor2Colour });
      expect(fieldOf(answer, 'printer')).toEqual({
        capabilities: { colorModes: ['BLACK_AND_WHITE', 'GRAYSCALE', 'COLOR'] },
      });
    }
    expect(capabilityReads()).toEqual([floor2Colour]);

    clock += TTL_MS - 1;
    await env.execute('adele', CAPABILITIES, { id: floor2Colour });
    expect(capabilityReads()).toEqual([floor2Colour]);

    clock += 1;
    await env.execute('adele', CAPABILITIES, { id: floor2Colour });
    expect(capabilityReads()).toEqual([floor2Colour, floor2Colour]);
  });

  it('reads the capabilities of many printers in one request as one $batch envelope', async () => {
    const printers = [floor1, floor2, direct, floor2Colour];
    const aliases = printers
      .map(
        (id, index) =>
          `p${index}: printer(id: "${id}") { ... on Printer { capabilities { colorModes } } }`,
      )
      .join('\n');
    // The same printer again costs nothing more.
    const answer = await env.execute(
      'stationApp',
      `{ ${aliases} again: printer(id: "${direct}") { ... on Printer { capabilities { colorModes } } } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(capabilityReads().sort()).toEqual([...printers].sort());
    const reads = env.emulator.requests
      .entries()
      .filter((entry) => entry.query.includes('capabilities'));
    expect(new Set(reads.map((entry) => entry.via))).toEqual(new Set(['batch-item']));
    // One envelope for the printers, one for their capabilities, nothing sent alone.
    expect(env.upstream()).toEqual({ envelopes: 2, items: 2 * printers.length, direct: 0 });
  });
});

describe('a configuration checked against the destination', () => {
  it('redirectPrintJob: colour on the monochrome device is refused, nothing written', async () => {
    const answer = await env.execute('stationApp', REDIRECT, {
      input: {
        printerId: floor1,
        printJobId: DEMO.jobs.floor1WaitingAdele,
        destinationPrinterId: direct,
        configuration: { colorMode: 'COLOR', duplexMode: 'FLIP_ON_LONG_EDGE', copies: 11 },
      },
    });
    expect(fieldOf(answer, 'redirectPrintJob')).toEqual({
      __typename: 'InvalidInputError',
      issues: [
        {
          path: ['input', 'configuration', 'copies'],
          message: 'must be between 1 and 10 on this printer',
        },
        {
          path: ['input', 'configuration', 'colorMode'],
          message: 'is not one this printer supports (allowed: blackAndWhite)',
        },
        {
          path: ['input', 'configuration', 'duplexMode'],
          message: 'is not one this printer supports (allowed: oneSided)',
        },
      ],
    });
    // The capability read, and nothing else: no ownership read, no redirect.
    expect(capabilityReads()).toEqual([direct]);
    expect(
      env.emulator.requests.entries().filter((entry) => entry.via !== 'batch-envelope'),
    ).toHaveLength(1);
    expect(env.writesSent()).toEqual([]);
  });

  it('releasePrintJobs: a configuration the device cannot do refuses the whole call', async () => {
    const named = submit(3);
    const answer = await env.execute('stationApp', RELEASE, {
      input: {
        destinationPrinterId: direct,
        printJobIds: named,
        configuration: { colorMode: 'COLOR' },
      },
    });
    expect(fieldOf(answer, 'releasePrintJobs')).toEqual({
      __typename: 'InvalidInputError',
      issues: [
        {
          path: ['input', 'configuration', 'colorMode'],
          message: 'is not one this printer supports (allowed: blackAndWhite)',
        },
      ],
    });
    expect(capabilityReads()).toEqual([direct]);
    expect(env.writesSent()).toEqual([]);
  });

  it("releasePrintJobs without ids: refused before a person's jobs are even looked for", async () => {
    const answer = await env.execute('adele', RELEASE, {
      input: { destinationPrinterId: direct, configuration: { duplexMode: 'FLIP_ON_SHORT_EDGE' } },
    });
    expect(fieldOf(answer, 'releasePrintJobs')).toMatchObject({ __typename: 'InvalidInputError' });
    expect(capabilityReads()).toEqual([direct]);
    expect(
      env.emulator.requests.entries().filter((entry) => entry.via !== 'batch-envelope'),
    ).toHaveLength(1);
  });

  it('a configuration the device can do passes through unchanged, to every job', async () => {
    const named = submit(3);
    const answer = await env.execute('stationApp', RELEASE, {
      input: {
        destinationPrinterId: floor2Colour,
        printJobIds: named,
        configuration: { colorMode: 'COLOR', duplexMode: 'FLIP_ON_SHORT_EDGE', copies: 5 },
      },
    });
    expect(fieldOf(answer, 'releasePrintJobs')).toEqual({
      __typename: 'ReleasePrintJobsSuccess',
      results: named.map(() => ({ result: { __typename: 'RedirectPrintJobSuccess' } })),
    });
    expect(redirectsSent().map((write) => write.body)).toEqual(
      named.map(() => ({
        destinationPrinterId: floor2Colour,
        configuration: { colorMode: 'color', duplexMode: 'flipOnShortEdge', copies: 5 },
      })),
    );
    expect(capabilityReads()).toEqual([floor2Colour]);
  });
});
