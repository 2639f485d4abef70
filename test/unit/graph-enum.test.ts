/** Graph adds enum members over time; a new one must not fail the response. */
import { describe, expect, it } from 'vitest';
import { PrintJobDocument } from '../__generated__/graphql.js';
import { FakeGraphHttp } from '../helpers/fake-graph-http.js';
import { createTestGateway } from '../helpers/test-gateway.js';

describe('Graph enums', () => {
  it('maps Graph values to SCREAMING_SNAKE and unknown ones to UNKNOWN_FUTURE_VALUE', async () => {
    const http = new FakeGraphHttp(() => ({
      status: 200,
      body: {
        id: '1',
        status: { state: 'someStateFromTheFuture', details: ['releaseWait', 'newDetail'] },
        tasks: [
          {
            id: 't',
            parentUrl: null,
            status: { state: 'completed' },
            definition: { id: 'd' },
          },
          { id: 'no-definition', status: { state: 'processing' } },
        ],
      },
    }));
    const gateway = createTestGateway({ baseUrl: 'https://graph.example.test', httpHandler: http });

    const result = await gateway.execute(PrintJobDocument, { printerId: 'p', id: '1' });

    expect(result.errors).toBeUndefined();
    expect(result.data?.printJob).toMatchObject({
      __typename: 'PrintJob',
      printerId: 'p',
      status: { state: 'UNKNOWN_FUTURE_VALUE', details: ['RELEASE_WAIT', 'UNKNOWN_FUTURE_VALUE'] },
      // A task whose definition Graph did not expand cannot be addressed, so it is left out.
      tasks: [{ id: 't', taskDefinitionId: 'd', status: { state: 'COMPLETED' } }],
    });
  });
});
