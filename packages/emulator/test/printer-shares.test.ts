/** Printer shares through the real SDK, as a person sees them; apps are refused. */
import { GraphError } from '@microsoft/microsoft-graph-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO, EMULATOR_TOKENS } from '../src/seed.js';
import { useEmulator } from '../src/vitest.js';
import { graphTokenFor } from './entra-tokens.js';
import { type GraphErrorBody, graph } from './graph-http.js';
import { allPages, sdkClient } from './sdk-client.js';

const env = useEmulator();
let adeleToken: string;

beforeAll(async () => {
  adeleToken = await graphTokenFor(env.emulator.url, 'adele');
});

interface Share {
  id: string;
  displayName: string;
  isAcceptingJobs: boolean;
  location: Record<string, string>;
  capabilities: { contentTypes: string[]; copiesPerJob: { start: number; end: number } } & Record<
    string,
    unknown
  >;
  defaults: Record<string, unknown>;
}

describe('printer shares', () => {
  it("lists the tenant's shares with Graph's capabilities and defaults", async () => {
    const client = sdkClient(env.emulator.url, adeleToken);
    const page = (await client.api('/print/shares').get()) as { value: Share[] };
    expect(page.value.map((share) => share.id)).toEqual([
      DEMO.shares.followMe,
      DEMO.shares.reception,
    ]);
    const followMe = page.value[0];
    expect(followMe).toMatchObject({
      displayName: 'Follow-me printing',
      isAcceptingJobs: true,
      location: {
        building: 'Contoso HQ',
        floor: '1',
        roomName: 'Copy room 1.04',
        site: 'Redmond campus',
      },
      capabilities: {
        contentTypes: ['application/pdf', 'application/oxps'],
        copiesPerJob: { start: 1, end: 99 },
        colorModes: expect.arrayContaining(['color', 'blackAndWhite']),
        duplexModes: expect.arrayContaining(['oneSided', 'flipOnLongEdge']),
        mediaSizes: expect.arrayContaining(['A4']),
      },
      defaults: {
        contentType: 'application/pdf',
        copiesPerJob: 1,
        colorMode: 'blackAndWhite',
        duplexMode: 'flipOnLongEdge',
        mediaSize: 'A4',
      },
    });
  });

  it('pages with $top and $skiptoken, and filters with $search', async () => {
    const client = sdkClient(env.emulator.url, adeleToken);
    const pages = await allPages<Share>(client, env.emulator.url, '/print/shares?$top=1');
    expect(pages.map((page) => page.value.map((share) => share.id))).toEqual([
      [DEMO.shares.followMe],
      [DEMO.shares.reception],
    ]);
    const found = (await client.api('/print/shares?$search="reception"').get()) as {
      value: Share[];
    };
    expect(found.value.map((share) => share.id)).toEqual([DEMO.shares.reception]);
    const none = (await client.api('/print/shares?$search="basement"').get()) as { value: Share[] };
    expect(none.value).toEqual([]);
  });

  it('reads one share, and answers 404 for an unknown one', async () => {
    const client = sdkClient(env.emulator.url, adeleToken);
    const share = (await client.api(`/print/shares/${DEMO.shares.reception}`).get()) as Share;
    expect(share).toMatchObject({
      id: DEMO.shares.reception,
      capabilities: { contentTypes: ['application/pdf'], colorModes: ['blackAndWhite'] },
    });
    const missing = await client
      .api('/print/shares/nope')
      .get()
      .catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(GraphError);
    expect((missing as GraphError).statusCode).toBe(404);
  });

  it('expands the printer a share prints to ($expand=printer), and refuses other expansions', async () => {
    const client = sdkClient(env.emulator.url, adeleToken);
    const plain = (await client.api(`/print/shares/${DEMO.shares.followMe}`).get()) as Share;
    expect(plain).not.toHaveProperty('printer');
    const expanded = (await client
      .api(`/print/shares/${DEMO.shares.followMe}?$expand=printer($select=id)`)
      .get()) as Share & { printer: { id: string } };
    expect(expanded).toMatchObject({
      id: DEMO.shares.followMe,
      printer: { id: DEMO.printers.floor1 },
    });
    const unknown = await client
      .api(`/print/shares/${DEMO.shares.followMe}?$expand=jobs`)
      .get()
      .catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(GraphError);
    expect((unknown as GraphError).statusCode).toBe(400);
  });

  it('refuses app-only tokens with 403 (delegated-only endpoints)', async () => {
    for (const path of ['/print/shares', `/print/shares/${DEMO.shares.followMe}`]) {
      for (const token of [EMULATOR_TOKENS.gatewayApp, EMULATOR_TOKENS.otherApp]) {
        const reply = await graph<GraphErrorBody>(env.emulator.url, 'GET', path, { token });
        expect(reply.status, path).toBe(403);
        expect(reply.body.error.code).toBe('accessDenied');
      }
    }
  });
});
