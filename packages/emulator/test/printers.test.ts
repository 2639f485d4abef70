/**
 * Printers as devices through the real SDK with the app's token (Graph's application
 * Printer.Read.All): where each is, what it can do, and `$select` for capabilities, which
 * printer-get.md leaves out of the default answer.
 */
import { GraphError } from '@microsoft/microsoft-graph-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO, EMULATOR_TOKENS } from '../src/seed.js';
import { useEmulator } from '../src/vitest.js';
import { graphTokenFor } from './entra-tokens.js';
import { sdkClient } from './sdk-client.js';

const env = useEmulator();
let app: ReturnType<typeof sdkClient>;

beforeAll(() => {
  app = sdkClient(env.emulator.url, EMULATOR_TOKENS.gatewayApp);
});

const printerPath = (id: string) => `/print/printers/${id}`;

type Json = Record<string, unknown>;

describe('GET /print/printers/{id}', () => {
  it('answers location, defaults, isAcceptingJobs and lastSeenDateTime, not capabilities', async () => {
    const printer = (await app.api(printerPath(DEMO.printers.direct)).get()) as Json;
    expect(printer).toMatchObject({
      id: DEMO.printers.direct,
      isAcceptingJobs: true,
      hasPhysicalDevice: true,
      location: {
        building: 'Contoso HQ',
        floor: '0',
        roomName: 'Reception',
        site: 'Redmond campus',
        city: 'Redmond',
        countryOrRegion: 'US',
      },
      defaults: { colorMode: 'blackAndWhite', duplexMode: 'oneSided', copiesPerJob: 1 },
    });
    expect(Date.parse(String(printer['lastSeenDateTime']))).toBeLessThanOrEqual(Date.now());
    expect(printer).not.toHaveProperty('capabilities');
  });

  it('gives a virtual release queue no lastSeenDateTime: it has no device', async () => {
    const queue = (await app.api(printerPath(DEMO.printers.floor1)).get()) as Json;
    expect(queue).toMatchObject({ hasPhysicalDevice: false, lastSeenDateTime: null });
  });

  it('answers only what $select names, capabilities included', async () => {
    const printer = (await app
      .api(printerPath(DEMO.printers.direct))
      .select(['id', 'capabilities', 'defaults'])
      .get()) as Json;
    expect(Object.keys(printer).sort()).toEqual(
      ['@odata.context', 'capabilities', 'defaults', 'id'].sort(),
    );
    expect(printer['capabilities']).toMatchObject({
      colorModes: ['blackAndWhite'],
      duplexModes: ['oneSided'],
      copiesPerJob: { start: 1, end: 10 },
      isColorPrintingSupported: false,
    });
  });

  it('seeds a monochrome simplex device and a colour duplex device', async () => {
    const capabilitiesOf = async (id: string) =>
      ((await app.api(printerPath(id)).select('capabilities').get()) as Json)['capabilities'];
    expect(await capabilitiesOf(DEMO.printers.direct)).toMatchObject({
      colorModes: ['blackAndWhite'],
      duplexModes: ['oneSided'],
    });
    expect(await capabilitiesOf(DEMO.printers.floor2Colour)).toMatchObject({
      colorModes: ['blackAndWhite', 'grayscale', 'color'],
      duplexModes: ['oneSided', 'flipOnLongEdge', 'flipOnShortEdge'],
    });
  });

  it('refuses a $select of a property printers do not have, as Graph does', async () => {
    const failure: unknown = await app
      .api(printerPath(DEMO.printers.direct))
      .select('colour')
      .get()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphError);
    expect((failure as GraphError).statusCode).toBe(400);
    expect((failure as GraphError).message).toContain("Could not find a property named 'colour'");
  });

  it("states a share's capabilities as its printer's: one copy of each device's", async () => {
    const person = sdkClient(env.emulator.url, await graphTokenFor(env.emulator.url, 'adele'));
    const share = (await person.api(`/print/shares/${DEMO.shares.reception}`).get()) as Json;
    const printer = (await app
      .api(printerPath(DEMO.printers.direct))
      .select(['capabilities', 'defaults'])
      .get()) as Json;
    expect(share['capabilities']).toEqual(printer['capabilities']);
    expect(share['defaults']).toEqual(printer['defaults']);
  });
});
