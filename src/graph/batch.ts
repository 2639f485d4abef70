/**
 * The per-request batcher. Every Graph call a GraphQL request makes in the same tick is collected
 * by one DataLoader and sent as `$batch` envelopes of at most 20 requests (a lone call goes
 * directly, saving the envelope's overhead). Identical GETs within a request are sent once.
 */
import DataLoader from 'dataloader';
import { type GraphCall, type GraphReply, GraphTransportError, isWrite } from './call.js';
import { type GraphTransport, MAX_BATCH_SIZE } from './transport.js';

export class GraphBatcher {
  private writeSequence = 0;
  private readonly loader: DataLoader<GraphCall, GraphReply, string>;

  constructor(private readonly transport: GraphTransport) {
    this.loader = new DataLoader((calls) => this.dispatch(calls), {
      maxBatchSize: MAX_BATCH_SIZE,
      // A write is never deduplicated: two identical PATCHes are two intentions.
      cacheKeyFn: (call) =>
        isWrite(call) ? `${call.method} ${call.url} #${++this.writeSequence}` : `GET ${call.url}`,
    });
  }

  /**
   * Resolves with whatever Graph answered, whatever the status; rejects only when no answer came
   * (`GraphTransportError`).
   */
  async send(call: GraphCall): Promise<GraphReply> {
    if (!isWrite(call)) return this.loader.load(call);
    try {
      return await this.loader.load(call);
    } finally {
      // Reads cached before a write may describe the state it just changed.
      this.loader.clearAll();
    }
  }

  private async dispatch(calls: readonly GraphCall[]): Promise<Array<GraphReply | Error>> {
    try {
      if (calls.length === 1) return [await this.transport.send(calls[0] as GraphCall)];
      return await this.transport.sendBatch(calls);
    } catch (error) {
      if (error instanceof GraphTransportError) return calls.map(() => error);
      throw error;
    }
  }
}
