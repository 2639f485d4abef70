/**
 * The `Error` interface every typed error implements, so a client can always ask
 * `... on Error { code message }` and act on the specific types it knows.
 */
import type { GatewayError, UpstreamError } from '../../errors.js';
import { builder } from '../builder.js';

export const ErrorInterface = builder.interfaceRef<GatewayError>('Error').implement({
  description: 'An expected failure, returned as data so that it survives a router.',
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.exposeString('code', {
      description: 'Stable SCREAMING_SNAKE code to branch on; messages may change.',
    }),
  }),
});

export const UpstreamErrorInterface = builder
  .interfaceRef<UpstreamError>('UpstreamError')
  .implement({
    description: 'A failure Microsoft Graph reported.',
    interfaces: [ErrorInterface],
    fields: (t) => ({
      requestId: t.exposeString('requestId', {
        nullable: true,
        description: "Graph's request-id: quote it to Microsoft support.",
      }),
    }),
  });
