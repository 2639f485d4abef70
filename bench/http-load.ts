/**
 * Requests of the CPU and memory scenarios' closed loops (harness.ts), over keep-alive
 * connections: node:http, which costs this process less than `fetch` and so disturbs the server
 * under test less.
 */
import { type Agent, request } from 'node:http';
import { percentile, round } from './harness.js';

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

export const p = (latencies: readonly number[], q: number) => round(percentile(latencies, q), 2);
