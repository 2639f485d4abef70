/** The schema builder and its plugins. It defines no types: see the domain folders. */
import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import ErrorsPlugin from '@pothos/plugin-errors';
import FederationPlugin from '@pothos/plugin-federation';
import ValidationPlugin from '@pothos/plugin-validation';
import type { GatewayContext } from '../context.js';
import { InvalidInputError } from '../errors.js';

export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date | string };
  };
}>({
  // Federation last: it must see the resolvers the errors plugin has already wrapped.
  plugins: [ErrorsPlugin, ValidationPlugin, DirectivesPlugin, FederationPlugin],
  defaultFieldNullability: false,
  errors: {
    // Validation fails before the resolver runs; this lets a field's result union carry it as
    // InvalidInputError (there is no field authorization to bypass: the gateway's callers are
    // authenticated before any field runs).
    unsafelyHandleInputErrors: true,
    directResult: true,
  },
  validation: {
    validationError: (result) =>
      new InvalidInputError(
        result.issues.map((issue) => ({
          path: (issue.path ?? []).map((part) =>
            String(typeof part === 'object' ? part.key : part),
          ),
          message: issue.message,
        })),
      ),
  },
});
