/**
 * Composition from `schema.graphql` alone, with @theguild/federation-composition: what a schema
 * registry would check before accepting the subgraph next to another team's.
 */
import { transformSupergraphToPublicSchema } from '@theguild/federation-composition';
import {
  buildSchema,
  type GraphQLField,
  type GraphQLObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  parse,
  print,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSupergraph, PRINT_SDL, PRINT_SDL_WITHOUT_AUTH_DIRECTIVES } from './supergraph.js';
import { USERS_SDL } from './users-subgraph.js';

const subgraphs = (printSdl: string) => [
  { name: 'print', typeDefs: printSdl, url: 'http://127.0.0.1:1/graphql' },
  { name: 'users', typeDefs: USERS_SDL, url: 'http://127.0.0.1:2/graphql' },
];

function apiSchema() {
  const supergraph = composeSupergraph(subgraphs(PRINT_SDL));
  return buildSchema(print(transformSupergraphToPublicSchema(parse(supergraph))));
}

function fieldSignature(field: GraphQLField<unknown, unknown> | undefined): string {
  if (!field) return 'missing';
  const args = field.args.map((arg) => `${arg.name}: ${arg.type}`).join(', ');
  return `${field.name}${args ? `(${args})` : ''}: ${field.type}`;
}

describe('schema.graphql as a Federation v2 subgraph', () => {
  it('declares its four entities, and the User it extends, with the keys other subgraphs use', () => {
    const keys = Object.fromEntries(
      parse(PRINT_SDL)
        .definitions.filter((node) => node.kind === 'ObjectTypeDefinition')
        .flatMap((node) =>
          (node.directives ?? [])
            .filter((directive) => directive.name.value === 'key')
            .map((directive) => {
              const fields = directive.arguments?.find((arg) => arg.name.value === 'fields');
              return [node.name.value, fields?.value.kind === 'StringValue' && fields.value.value];
            }),
        ),
    );
    expect(keys).toEqual({
      Printer: 'id',
      PrintJob: 'printerId id',
      PrintTask: 'taskDefinitionId id',
      PrintTaskDefinition: 'id',
      // Owned by the users subgraph, keyed by Entra object id; this one adds waitingPrintJobs.
      User: 'id',
    });
  });

  it('composes with a second subgraph that references PrintJob by key', () => {
    const schema = apiSchema();
    const user = schema.getType('User') as GraphQLObjectType;
    expect(fieldSignature(user.getFields()['lastPrintJob'])).toBe('lastPrintJob: PrintJob');
    const job = schema.getType('PrintJob') as GraphQLObjectType;
    expect(Object.keys(job.getFields())).toEqual(
      expect.arrayContaining(['id', 'printerId', 'status', 'tasks', 'printer']),
    );
  });

  it('keeps the client-facing root fields and result unions through composition', () => {
    const schema = apiSchema();
    const query = schema.getQueryType()?.getFields() ?? {};
    const mutation = schema.getMutationType()?.getFields() ?? {};
    expect(
      ['printTaskDefinitions', 'printTaskDefinition', 'printTask', 'printJob', 'printer'].map(
        (name) => fieldSignature(query[name]),
      ),
    ).toEqual([
      'printTaskDefinitions: [PrintTaskDefinition!]!',
      'printTaskDefinition(id: ID!): PrintTaskDefinitionResult!',
      'printTask(taskDefinitionId: ID!, id: ID!): PrintTaskResult!',
      'printJob(printerId: ID!, id: ID!): PrintJobResult!',
      'printer(id: ID!): PrinterResult!',
    ]);
    expect(fieldSignature(mutation['updatePrintTask'])).toBe(
      'updatePrintTask(input: UpdatePrintTaskInput!, idempotencyKey: String): UpdatePrintTaskResult!',
    );
    expect(fieldSignature(mutation['abortPrintJob'])).toBe(
      'abortPrintJob(input: AbortPrintJobInput!, idempotencyKey: String): AbortPrintJobResult!',
    );
    const members = (name: string) => {
      const union = schema.getType(name);
      return isUnionType(union)
        ? union
            .getTypes()
            .map((type) => type.name)
            .sort()
        : [];
    };
    const writeErrors = [
      'CallBudgetExceededError',
      'ConflictError',
      'ForbiddenError',
      'IdempotencyKeyInProgressError',
      'IdempotencyKeyReusedError',
      'IdempotencyUnavailableError',
      'InvalidInputError',
      'NotFoundError',
      'PermissionDeniedError',
      'RateLimitedError',
      'ThrottledError',
      'UpstreamUnavailableError',
    ];
    expect(members('UpdatePrintTaskResult')).toEqual(
      [...writeErrors, 'UpdatePrintTaskSuccess'].sort(),
    );
    expect(members('AbortPrintJobResult')).toEqual([...writeErrors, 'AbortPrintJobSuccess'].sort());
    expect(members('PrintJobResult')).toEqual(
      ['CallBudgetExceededError', 'InvalidInputError', 'NotFoundError', 'PermissionDeniedError']
        .concat(['ForbiddenError', 'PrintJob'])
        .concat(['RateLimitedError', 'ThrottledError', 'UpstreamUnavailableError'])
        .sort(),
    );
  });

  it('merges both subgraphs’ Error interfaces into one that every error type implements', () => {
    const schema = apiSchema();
    const error = schema.getType('Error');
    expect(isInterfaceType(error)).toBe(true);
    if (!isInterfaceType(error)) return;
    expect(Object.keys(error.getFields()).sort()).toEqual(['code', 'message']);
    expect(
      schema
        .getPossibleTypes(error)
        .map((type) => type.name)
        .sort(),
    ).toEqual([
      'CallBudgetExceededError',
      'ConflictError',
      'ConsentRequiredError',
      'ForbiddenError',
      'IdempotencyKeyInProgressError',
      'IdempotencyKeyReusedError',
      'IdempotencyUnavailableError',
      'InteractionRequiredError',
      'InvalidInputError',
      'NotFoundError',
      'PermissionDeniedError',
      'RateLimitedError',
      'ThrottledError',
      'UploadIncompleteError',
      'UpstreamUnavailableError',
      'UserSuspendedError',
    ]);
    const notFound = schema.getType('NotFoundError');
    expect(isObjectType(notFound) && notFound.getInterfaces().map((i) => i.name)).toEqual([
      'Error',
      'UpstreamError',
    ]);
  });

  it('fails with INVALID_FIELD_SHARING when the error types are not @shareable', () => {
    const withoutShareable = PRINT_SDL.replace(', "@shareable"', '').replace(
      /\s*@shareable\b/g,
      '',
    );
    expect(withoutShareable).not.toContain('@shareable');

    expect(() => composeSupergraph(subgraphs(withoutShareable))).toThrow(
      /Non-shareable field "NotFoundError\.\w+" is resolved from multiple subgraphs/,
    );
  });

  // Apollo Gateway refuses a supergraph that links these specs ("feature
  // https://specs.apollo.dev/requiresScopes/v0.1 is for: SECURITY but is unsupported"), and
  // Apollo Router without the GraphOS entitlement refuses them: the twin must leave no trace.
  const AUTHORIZATION_LINKS = /specs\.apollo\.dev\/(requiresScopes|authenticated)\//;

  it('links the authorization specs into the supergraph from schema.graphql', () => {
    expect(composeSupergraph(subgraphs(PRINT_SDL))).toMatch(AUTHORIZATION_LINKS);
  });

  it('composes schema.no-auth-directives.graphql with no authorization spec or directive', () => {
    const supergraph = composeSupergraph(subgraphs(PRINT_SDL_WITHOUT_AUTH_DIRECTIVES));
    expect(supergraph).not.toMatch(AUTHORIZATION_LINKS);
    expect(supergraph).not.toMatch(/@(requiresScopes|authenticated)\b/);
    // The same API for clients: only what a router is told about authorization differs.
    const publicSchema = (sdl: string) =>
      print(transformSupergraphToPublicSchema(parse(composeSupergraph(subgraphs(sdl)))));
    expect(publicSchema(PRINT_SDL_WITHOUT_AUTH_DIRECTIVES)).toBe(publicSchema(PRINT_SDL));
  });
});
