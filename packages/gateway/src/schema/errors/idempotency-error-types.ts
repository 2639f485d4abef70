/** The object types of the idempotency-key errors (src/idempotency/errors.ts). */
import {
  IdempotencyKeyInProgressError,
  IdempotencyKeyReusedError,
  IdempotencyUnavailableError,
} from '../../idempotency/errors.js';
import { builder } from '../builder.js';
import { ErrorInterface } from './error-interface.js';

builder.objectType(IdempotencyKeyReusedError, {
  name: 'IdempotencyKeyReusedError',
  description:
    'This idempotencyKey was already used by this caller for a different operation or input. ' +
    'Nothing was sent to Microsoft Graph.',
  interfaces: [ErrorInterface],
});

builder.objectType(IdempotencyKeyInProgressError, {
  name: 'IdempotencyKeyInProgressError',
  description:
    'The first write with this idempotencyKey has not finished; retry in a moment to get its ' +
    'outcome. Nothing was sent to Microsoft Graph.',
  interfaces: [ErrorInterface],
});

builder.objectType(IdempotencyUnavailableError, {
  name: 'IdempotencyUnavailableError',
  description:
    'The shared store of idempotency keys (Redis) cannot be reached, so the write was not ' +
    'sent: retry later, or without idempotencyKey (docs/replicas.md).',
  interfaces: [ErrorInterface],
});
