/**
 * The URLs Graph puts in its answers (parentUrl, redirectedFrom, @odata.context). They use
 * Graph's own host, as real Graph does, so clients never depend on where the emulator listens.
 * Apart from the wire shapes so that the store can name a job without importing them.
 */

export const GRAPH_ROOT = 'https://graph.microsoft.com/v1.0';

export function jobUrl(printerId: string, jobId: string): string {
  return `${GRAPH_ROOT}/print/printers/${printerId}/jobs/${jobId}`;
}
