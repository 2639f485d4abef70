/** The schema builder and its plugins. It defines no types: see the domain folders. */
import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import ErrorsPlugin from '@pothos/plugin-errors';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import type { GatewayContext } from '../context.js';
import { type AccessScopes, accessScopesOf, PERSON_ONLY_FIELDS } from '../domain/permissions.js';
import { ForbiddenError, InvalidInputError } from '../errors.js';
import { noteTypedError } from '../logging/access-plugin.js';

export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  AuthScopes: AccessScopes;
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date | string };
  };
}>({
  // Errors before scope-auth, so that a refusal (ForbiddenError) becomes a member of the field's
  // result union rather than a top-level error; safe because error types carry no data of their
  // own to protect (hayes/pothos#464). Federation last: it must see the wrapped resolvers.
  plugins: [
    ErrorsPlugin,
    ScopeAuthPlugin,
    RelayPlugin,
    ValidationPlugin,
    DirectivesPlugin,
    FederationPlugin,
  ],
  defaultFieldNullability: false,
  relay: {
    // Connections only: objects are addressed by their Graph keys, as federation entities.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    clientMutationId: 'omit',
    cursorType: 'String',
    // Other subgraphs of a supergraph define PageInfo too.
    pageInfoTypeOptions: { shareable: true },
  },
  scopeAuth: {
    // Subscriptions are authorized once, when they start: a refused one never opens a stream.
    authorizeOnSubscribe: true,
    // Computed once per request from the caller; the rules are in src/domain/permissions.ts.
    authScopes: (context) => accessScopesOf(context.caller),
    unauthorizedError: (_parent, context, info) => {
      const field = `${info.parentType.name}.${info.fieldName}`;
      if (PERSON_ONLY_FIELDS.has(field) && context.caller.kind !== 'person') {
        return new ForbiddenError(
          `${field} needs a signed-in person with Print.Submit: Microsoft Graph prints only ` +
            "with a person's own token, never an app's, a station's or a service key's " +
            '(docs/authorization.md)',
        );
      }
      return new ForbiddenError(
        `The caller's permissions do not allow ${field} (docs/authorization.md)`,
      );
    },
  },
  errors: {
    // Input validation runs before field authorization: Pothos runs argument mappers (the
    // validation plugin's) before any resolver wrapper, scope-auth's included, whatever the
    // plugin order. This option lets the result union carry the validation failure as
    // InvalidInputError. Neither leaks nor bypasses: validation is pure (it reads nothing and
    // sends nothing to Graph, and its rules are in the schema), so an unauthorized caller learns
    // only that its own input is malformed; and a valid input always meets the scope check
    // before the resolver runs. test/integration/authorization.test.ts pins both.
    unsafelyHandleInputErrors: true,
    directResult: true,
    // Every typed error an answer carries as data, for the request's access line.
    onResolvedError: noteTypedError,
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
