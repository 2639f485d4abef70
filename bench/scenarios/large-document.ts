/**
 * Scenario 13 (issue 22, "Measure"): a 50 MB document printed through the emulator as an app
 * does it: `createPrintJob` at the gateway as the person, the bytes PUT straight to `uploadUrl`
 * in chunks under 10 MiB (no Authorization: the URL carries its credential), then `startPrintJob`.
 * The gateway as it ships (bench/built-gateway.ts), acting for people at the emulator's Entra
 * over TLS. What the gateway's process shows (RSS and CPU from /proc) before and after the
 * upload: the bytes never pass through it, so neither moves with the document's size. The
 * throughput is the upload's to the emulator.
 */
import { randomBytes } from 'node:crypto';
import { Agent } from 'node:http';
import { DEMO, ENTRA } from '@universal-print-gateway/emulator';
import { round } from '../harness.js';
import { postJson } from '../http-load.js';
import { processCpuMs, processRssMiB } from '../process-cpu.js';
import type { ServerProcess } from '../server-process.js';
import { emulatorOverTls, gatewayActingForPeople, printingTokens } from '../tls-emulator.js';

const CREATE = `mutation ($input: CreatePrintJobInput!) { createPrintJob(input: $input) {
  __typename
  ... on Error { code message }
  ... on CreatePrintJobSuccess { printJob { id } upload { uploadUrl recommendedChunkBytes maxBytesPerRequest } }
} }`;
const START = `mutation ($input: StartPrintJobInput!) { startPrintJob(input: $input) {
  __typename
  ... on Error { code message }
  ... on StartPrintJobSuccess { printJob { id } }
} }`;

/** Creates before the upload (the last one's document is uploaded). */
const CREATES = 5;

/** 40 × 200 KiB: a multiple of Graph's recommended 200 KB, under its 10 MiB per request. */
export const CHUNK_BYTES = 40 * 200 * 1024;

export interface LargeDocumentResult {
  /** Graph round trips of each `createPrintJob`, the first with the share's capabilities unread. */
  roundTripsPerCreate: number[];
  documentBytes: number;
  chunkBytes: number;
  requests: number;
  /** The upload to uploadUrl, bytes ÷ wall time. */
  uploadMiBPerSecond: number;
  uploadSeconds: number;
  /** The gateway process: RSS (MiB) right after the create and after start; CPU (ms) meanwhile. */
  gatewayRssBeforeUpload: number;
  gatewayRssAfterStart: number;
  gatewayCpuMsDuringUpload: number;
}

export async function largeDocument(options: { megabytes: number }): Promise<LargeDocumentResult> {
  const size = options.megabytes * 1_000_000;
  const emulator = await emulatorOverTls();
  const agent = new Agent({ keepAlive: true });
  let gateway: ServerProcess | undefined;
  try {
    gateway = await gatewayActingForPeople(emulator, 1);
    const [token] = await printingTokens(emulator, [ENTRA.people.adele]);
    const asAdele = async (query: string, input: Record<string, unknown>) => {
      const body = JSON.stringify({ query, variables: { input } });
      const answer = await postJson(
        gateway?.url ?? '',
        body,
        { authorization: `Bearer ${token}` },
        agent,
      );
      return JSON.parse(answer) as {
        data: Record<string, { __typename: string } & Record<string, unknown>>;
      };
    };
    // Graph round trips of each create (a direct request or a `$batch` envelope): the first
    // reads the share's capabilities, the later ones find them remembered.
    const roundTripsPerCreate: number[] = [];
    let created: Record<string, unknown> | undefined;
    for (let i = 0; i < CREATES; i++) {
      emulator.requests.clear();
      created = (
        await asAdele(CREATE, {
          printerShareId: DEMO.shares.followMe,
          displayName: 'Bench 50 MB',
          document: { name: 'large.pdf', contentType: 'application/pdf', size },
        })
      ).data['createPrintJob'];
      if (created?.['__typename'] !== 'CreatePrintJobSuccess') {
        throw new Error(`createPrintJob: ${JSON.stringify(created)}`);
      }
      roundTripsPerCreate.push(
        emulator.requests.entries().filter((entry) => entry.via !== 'batch-item').length,
      );
    }
    const { printJob, upload } = created as unknown as {
      printJob: { id: string };
      upload: { uploadUrl: string };
    };
    const chunk = randomBytes(CHUNK_BYTES);
    const rssBefore = processRssMiB(gateway.pid);
    const cpuBefore = processCpuMs(gateway.pid);
    const began = performance.now();
    let requests = 0;
    for (let first = 0; first < size; first += CHUNK_BYTES) {
      const last = Math.min(size, first + CHUNK_BYTES) - 1;
      const response = await fetch(upload.uploadUrl, {
        method: 'PUT',
        headers: { 'content-range': `bytes ${first}-${last}/${size}` },
        body: chunk.subarray(0, last - first + 1),
      });
      await response.arrayBuffer();
      requests++;
      if (response.status !== 202 && response.status !== 201 && response.status !== 200) {
        throw new Error(`PUT ${first}-${last}: ${response.status}`);
      }
    }
    const uploadSeconds = (performance.now() - began) / 1000;
    const cpuDuring = processCpuMs(gateway.pid) - cpuBefore;
    const started = (
      await asAdele(START, { printerShareId: DEMO.shares.followMe, printJobId: printJob.id })
    ).data['startPrintJob'];
    if (started?.__typename !== 'StartPrintJobSuccess') {
      throw new Error(`startPrintJob: ${JSON.stringify(started)}`);
    }
    return {
      roundTripsPerCreate,
      documentBytes: size,
      chunkBytes: CHUNK_BYTES,
      requests,
      uploadMiBPerSecond: round(size / 1024 ** 2 / uploadSeconds, 1),
      uploadSeconds: round(uploadSeconds, 2),
      gatewayRssBeforeUpload: rssBefore,
      gatewayRssAfterStart: processRssMiB(gateway.pid),
      gatewayCpuMsDuringUpload: round(cpuDuring, 0),
    };
  } finally {
    agent.destroy();
    await gateway?.stop();
    await emulator.close();
  }
}
