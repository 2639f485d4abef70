/**
 * One updatePrintTask per GraphQL request through the gateway, against the same PATCH made
 * directly with the Graph SDK on the same emulator: the floor the gateway is measured against.
 */
import { DEMO } from '@universal-print-gateway/emulator';
import {
  directClient,
  emulatorWithLatency,
  gateway,
  type LoadResult,
  load,
  round,
} from '../harness.js';

const MUTATION = `mutation($input: UpdatePrintTaskInput!) {
  updatePrintTask(input: $input) { __typename ... on UpdatePrintTaskSuccess { printTask { id } } }
}`;

export interface ThroughputResult {
  latencyMs: number;
  concurrency: number;
  direct: LoadResult;
  gateway: LoadResult;
  /** Gateway throughput as a share of the direct SDK's. Target ≥ 0.7. */
  ratio: number;
}

export async function throughput(options: {
  latencyMs: number;
  operations: number;
  concurrency: number;
}): Promise<ThroughputResult> {
  const emulator = await emulatorWithLatency(options.latencyMs);
  const gw = await gateway(emulator);
  const client = directClient(emulator);
  const path = `/print/taskDefinitions/${DEMO.taskDefinitionId}/tasks/${DEMO.tasks.floor1WaitingAdele}`;
  // PROCESSING → PROCESSING only updates the description, so the task stays usable.
  const status = (n: number) => ({ state: 'processing', description: `bench ${n}` });
  const viaSdk = async (n: number) => {
    await client.api(path).patch({ status: status(n) });
  };
  const viaGateway = async (n: number) => {
    const body = (await gw.post({
      query: MUTATION,
      variables: {
        input: {
          taskDefinitionId: DEMO.taskDefinitionId,
          taskId: DEMO.tasks.floor1WaitingAdele,
          status: { state: 'PROCESSING', description: `bench ${n}` },
        },
      },
    })) as { data?: { updatePrintTask?: { __typename: string } } };
    if (body.data?.updatePrintTask?.__typename !== 'UpdatePrintTaskSuccess') {
      throw new Error(`updatePrintTask failed: ${JSON.stringify(body)}`);
    }
  };
  try {
    await load(100, options.concurrency, viaSdk);
    await load(100, options.concurrency, viaGateway);
    const direct = await load(options.operations, options.concurrency, viaSdk);
    const viaGw = await load(options.operations, options.concurrency, viaGateway);
    return {
      latencyMs: options.latencyMs,
      concurrency: options.concurrency,
      direct,
      gateway: viaGw,
      ratio: round(viaGw.perSecond / direct.perSecond, 3),
    };
  } finally {
    await gw.close();
    await emulator.close();
  }
}
