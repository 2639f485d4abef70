/**
 * test/helpers/entra-over-tls.ts: the TLS front for an emulator a test did not start with
 * `entraTls` (a bench's). @azure/identity's exchange through it reaches the emulator's Entra.
 */
import { ENTRA } from '@universal-print-gateway/emulator';
import { useEmulator } from '@universal-print-gateway/emulator/vitest';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { personToken } from '../helpers/entra.js';
import { entraOverTls, gatewayOnBehalfOf } from '../helpers/entra-over-tls.js';

const env = useEmulator();

describe('entraOverTls(emulatorUrl)', () => {
  it("runs @azure/identity's on-behalf-of exchange against the emulator's Entra", async () => {
    const entra = await entraOverTls(env.emulator.url);
    try {
      const exchange = await gatewayOnBehalfOf(entra);
      const graphToken = await exchange(await personToken(env.emulator.url, 'adele'));
      expect(decodeJwt(graphToken.token)).toMatchObject({ oid: ENTRA.people.adele.objectId });
      expect(env.emulator.entra.hits().onBehalfOf).toEqual({ [ENTRA.people.adele.objectId]: 1 });
    } finally {
      await entra.close();
    }
  });
});
