/**
 * Listing a long backlog page by page: 250 waiting jobs of one person on one pull printer,
 * behind Graph pages of the emulator's default size (10), with the injected latency per round
 * trip. Two ways a client lists them, both following `endCursor` until `hasNextPage` is false
 * with `first: 50` (the maximum):
 * - a person (Adele's Entra token) through `myPrintJobs`: the gateway reads its task
 *   definition's tasks page by page and each page's jobs in one `$batch` envelope;
 * - a release station (service key) through `Printer.jobs`: the printer's job pages, nothing
 *   else (the seeded printer holds 5 more jobs, so it lists 255).
 * Round trips are the HTTP requests the emulator received (direct calls and envelopes).
 */
import { DEMO, startEmulator } from '@universal-print-gateway/emulator';
import { personToken } from '../../test/helpers/entra.js';
import { addLatency, gateway, median, round } from '../harness.js';

const FIRST = 50;
const JOBS = 250;

const MY_JOBS = `query($after: String) { r: myPrintJobs(first: ${FIRST}, after: $after) {
  __typename ... on WaitingPrintJobConnection { pageInfo { hasNextPage endCursor }
    edges { node { id } } } } }`;
const PRINTER_JOBS = `query($after: String) { printer(id: "${DEMO.printers.floor1}") {
  ... on Printer { r: jobs(first: ${FIRST}, after: $after) { __typename
    ... on PrintJobConnection { pageInfo { hasNextPage endCursor } edges { node { id } } } } } } }`;

export interface ListRow {
  /** Jobs listed, across every connection page. */
  jobs: number;
  /** GraphQL requests: connection pages of `first: 50`. */
  connectionPages: number;
  /** HTTP requests to Graph: direct calls plus `$batch` envelopes. */
  graphRoundTrips: number;
  /** Graph calls, an envelope's items counted one by one. */
  graphCalls: number;
  /** Median wall time of the whole listing, in ms. */
  wallMs: number;
}

export interface ListPagesResult {
  latencyMs: number;
  graphPageSize: number;
  first: number;
  waitingJobs: number;
  repetitions: number;
  personMyPrintJobs: ListRow;
  stationPrinterJobs: ListRow;
}

export async function listPages(options: {
  latencyMs: number;
  repetitions: number;
}): Promise<ListPagesResult> {
  const emulator = await startEmulator();
  const gw = await gateway(emulator);
  try {
    const adele = DEMO.users.adele;
    const credentials = { person: await personToken(emulator.url, 'adele'), station: gw.key };
    const listAll = async (credential: string, query: string) => {
      let after: string | null = null;
      let jobs = 0;
      let pages = 0;
      for (;;) {
        const body = (await gw.post({ query, variables: { after } }, credential)) as {
          data?: unknown;
          errors?: unknown;
        };
        const page = findPage(body.data);
        if (!page) throw new Error(`not a connection: ${JSON.stringify(body)}`);
        pages++;
        jobs += page.edges.length;
        if (!page.pageInfo.hasNextPage) return { jobs, pages };
        after = page.pageInfo.endCursor;
      }
    };
    const measure = async (credential: string, query: string): Promise<ListRow> => {
      const walls: number[] = [];
      let row: Omit<ListRow, 'wallMs'> | undefined;
      for (let run = 0; run < options.repetitions; run++) {
        emulator.reset();
        emulator.submitJobs({ printerId: DEMO.printers.floor1, userId: adele.id }, JOBS);
        addLatency(emulator, options.latencyMs);
        const started = performance.now();
        const { jobs, pages } = await listAll(credential, query);
        walls.push(performance.now() - started);
        const entries = emulator.requests.entries();
        row = {
          jobs,
          connectionPages: pages,
          graphRoundTrips: entries.filter((entry) => entry.via !== 'batch-item').length,
          graphCalls: entries.filter((entry) => entry.via !== 'batch-envelope').length,
        };
      }
      if (!row) throw new Error('no repetition ran');
      return { ...row, wallMs: round(median(walls), 0) };
    };
    // Warm both paths (JIT, JWKS, connections) before anything counts.
    await measure(credentials.person, MY_JOBS);
    await measure(credentials.station, PRINTER_JOBS);
    return {
      latencyMs: options.latencyMs,
      graphPageSize: 10,
      first: FIRST,
      waitingJobs: JOBS,
      repetitions: options.repetitions,
      personMyPrintJobs: await measure(credentials.person, MY_JOBS),
      stationPrinterJobs: await measure(credentials.station, PRINTER_JOBS),
    };
  } finally {
    await gw.close();
    await emulator.close();
  }
}

interface Page {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: unknown[];
}

/** The aliased `r` connection, wherever the query nests it. */
function findPage(data: unknown): Page | null {
  if (data === null || typeof data !== 'object') return null;
  const record = data as Record<string, unknown>;
  const r = record['r'] as Page | undefined;
  if (r?.pageInfo && Array.isArray(r.edges)) return r;
  for (const value of Object.values(record)) {
    const found = findPage(value);
    if (found) return found;
  }
  return null;
}
