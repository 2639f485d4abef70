/**
 * Scenario 16: time to a release screen's first payload with and without `@defer`, against the
 * emulator with a network round trip on every Graph request (docs/performance.md, "@defer"). An
 * in-process gateway on a loopback port; the client reads `multipart/mixed` as it arrives. No
 * goal: the median of each over `runs` runs, and deferred ÷ plain.
 *
 * `roundTripMs`: the latency of each `$batch` envelope and direct request; `slowMs`: extra
 * latency of the slow read (a printer's jobs list, Floor 2).
 */
import { DEMO, EMULATOR_TOKENS, startEmulator } from '@universal-print-gateway/emulator';
import { listen } from '../../test/helpers/entra.js';
import { readMultipartMixed } from '../../test/helpers/incremental-delivery.js';
import { createTestGateway } from '../../test/helpers/test-gateway.js';
import { median } from '../harness.js';

const { floor1, floor2 } = DEMO.printers;

const JOBS = `jobs(first: 20) { ... on PrintJobConnection { edges { node {
  id status { state } createdBy { displayName } document { displayName size } } } } }`;

/** The release screens measured, each as sent with `@defer`; the plain form drops it. */
const SCREENS = {
  // The jobs are read once the printer has answered: a later envelope than the first payload's.
  'a printer, then its slow jobs list (nested)': `{ printer(id: "${floor1}") {
    ... on Printer { displayName ... @defer { ${JOBS} } } } }`,
  // Both reads go out in the same tick: one $batch envelope, which Graph answers whole.
  'two printers, the slow one deferred (same tick)': `{
    a: printer(id: "${floor1}") { ... on Printer { displayName } }
    ... @defer { b: printer(id: "${floor2}") { ... on Printer { displayName } } } }`,
} as const;

export interface DeferFirstPayloadRow {
  screen: string;
  plainMs: number;
  deferredMs: number;
  /** deferred ÷ plain: below 1, `@defer` paints the screen's first part sooner. */
  ratio: number;
}

export async function deferFirstPayload(options: {
  runs: number;
  roundTripMs: number;
  slowMs: number;
}): Promise<DeferFirstPayloadRow[]> {
  const { runs, roundTripMs, slowMs } = options;
  const SLOW = [`^/print/printers/[^/]+/jobs$`, `^/print/printers/${floor2}$`];
  const emulator = await startEmulator();
  // The first matching rule is the only one: a slow request alone carries the round trip too.
  for (const path of SLOW) {
    emulator.faults.add({ path, scope: 'direct', latencyMs: roundTripMs + slowMs });
    emulator.faults.add({ path, scope: 'batch-item', latencyMs: slowMs });
  }
  emulator.faults.add({ path: '.*', scope: 'batch-envelope', latencyMs: roundTripMs });
  emulator.faults.add({ path: '.*', scope: 'direct', latencyMs: roundTripMs });
  const gateway = createTestGateway({ baseUrl: emulator.url, token: EMULATOR_TOKENS.gatewayApp });
  const server = await listen(gateway.app);

  async function firstPayloadMs(query: string, deferred: boolean): Promise<number> {
    const started = performance.now();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: deferred ? 'multipart/mixed' : 'application/graphql-response+json',
      },
      body: JSON.stringify({ query }),
    });
    if (!deferred) {
      await response.json();
      return performance.now() - started;
    }
    let first: number | undefined;
    await readMultipartMixed(response, () => {
      first ??= performance.now() - started;
    });
    return first ?? Number.NaN;
  }

  const rows: DeferFirstPayloadRow[] = [];
  try {
    for (const [screen, deferredQuery] of Object.entries(SCREENS)) {
      const plainQuery = deferredQuery.replaceAll('@defer', '');
      const plain: number[] = [];
      const deferred: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        plain.push(await firstPayloadMs(plainQuery, false));
        deferred.push(await firstPayloadMs(deferredQuery, true));
      }
      const [plainMs, deferredMs] = [Math.round(median(plain)), Math.round(median(deferred))];
      rows.push({
        screen,
        plainMs,
        deferredMs,
        ratio: Math.round((deferredMs / plainMs) * 100) / 100,
      });
    }
  } finally {
    await server.close();
    await emulator.close();
  }
  return rows;
}
