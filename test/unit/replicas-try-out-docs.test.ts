/**
 * docs/replicas.md's two replicas on one emulator: the identifiers it asks to export are the
 * emulator's (its gateway app token, Entra tenant and the gateway API's audience), and the
 * printer it submits to exists. Fails when the seed changes and the try-out does not.
 */
import { readFileSync } from 'node:fs';
import { DEMO, EMULATOR_TOKENS, ENTRA, GATEWAY_API } from '@universal-print-gateway/emulator';
import { describe, expect, it } from 'vitest';

const doc = readFileSync(new URL('../../docs/replicas.md', import.meta.url), 'utf8');
const tryOut = doc.slice(
  doc.indexOf('## Two replicas on the emulator'),
  doc.indexOf('## What is shared'),
);

describe('docs/replicas.md: two replicas on the emulator', () => {
  it('exports what the emulator issues', () => {
    expect(tryOut).toContain(`GRAPH_ACCESS_TOKEN=${EMULATOR_TOKENS.gatewayApp}`);
    expect(tryOut).toContain(`GATEWAY_AUTH_TENANT_IDS=${ENTRA.tenantId}`);
    expect(tryOut).toContain(`GATEWAY_AUTH_AUDIENCE=${GATEWAY_API.clientId}`);
    expect(tryOut).toContain(`"printerId":"${DEMO.printers.floor1}"`);
  });
});
