/**
 * The load generator of the CPU benchmark: a closed loop of `concurrency` clients, each sending
 * its next request when the last was answered, over keep-alive connections (node:http, which costs
 * this process less than `fetch` and so disturbs the server under test less).
 */
import { type Agent, request } from 'node:http';
import { percentile, round } from './harness.js';

export interface ClosedLoopResult {
  operations: number;
  seconds: number;
  perSecond: number;
  /** Every latency, in ms, for percentiles pooled over rounds. */
  latenciesMs: number[];
}

export function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  agent: Agent,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () =>
          response.statusCode === 200
            ? resolve(text)
            : reject(new Error(`${url} answered ${response.statusCode}: ${text.slice(0, 500)}`)),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

export async function closedLoop(
  total: number,
  concurrency: number,
  send: () => Promise<void>,
): Promise<ClosedLoopResult> {
  const latenciesMs: number[] = [];
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < total) {
      next++;
      const begun = performance.now();
      await send();
      latenciesMs.push(performance.now() - begun);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  return { operations: total, seconds, perSecond: total / seconds, latenciesMs };
}

export const p = (latencies: readonly number[], q: number) => round(percentile(latencies, q), 2);
