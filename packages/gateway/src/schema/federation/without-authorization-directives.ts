/**
 * The subgraph SDL without `@authenticated` and `@requiresScopes`, for routers that refuse them:
 * Apollo Gateway fails to load a supergraph that links the requiresScopes spec ("is for:
 * SECURITY but is unsupported"), and Apollo Router without a GraphOS plan that includes
 * authorization refuses both. Nothing else changes: the subgraph enforces the same rules
 * itself (src/domain/), so the directives only let a router that honours them refuse earlier.
 */
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import {
  type ArgumentNode,
  type DirectiveNode,
  Kind,
  lexicographicSortSchema,
  parse,
  visit,
} from 'graphql';

/** The directives left out, as the SDL and its `@link(import:)` name them. */
export const AUTHORIZATION_DIRECTIVES: readonly string[] = ['authenticated', 'requiresScopes'];

const isAuthorization = (name: string): boolean =>
  AUTHORIZATION_DIRECTIVES.includes(name.replace(/^@/, ''));

/**
 * Takes a subgraph SDL as `printSubgraphSchema` prints it and prints it again without the
 * authorization directives: rebuilt as a subgraph rather than edited as text, so the result is
 * laid out exactly like `schema.graphql` and a diff of the two shows only what was removed.
 */
export function withoutAuthorizationDirectives(sdl: string): string {
  const typeDefs = visit(parse(sdl), {
    Directive: (node) => (isAuthorization(node.name.value) ? null : withoutImports(node)),
  });
  return printSubgraphSchema(lexicographicSortSchema(buildSubgraphSchema({ typeDefs })));
}

/** `@link(import: [...])` without the names of the directives it no longer uses. */
function withoutImports(node: DirectiveNode): DirectiveNode {
  if (node.name.value !== 'link' || !node.arguments) return node;
  const args = node.arguments.map((arg): ArgumentNode => {
    if (arg.name.value !== 'import' || arg.value.kind !== Kind.LIST) return arg;
    const values = arg.value.values.filter(
      (value) => !(value.kind === Kind.STRING && isAuthorization(value.value)),
    );
    return { ...arg, value: { ...arg.value, values } };
  });
  return { ...node, arguments: args };
}
