/**
 * The nodes of one connection page in a GraphQL answer, or a failed expectation naming the error
 * the field answered instead: tests that list need the items, and must not pass on an error.
 */
type Page<Node> = { __typename: string; edges?: ReadonlyArray<{ node: Node }> };

export function nodesOf<Node>(
  field: Page<Node> | { __typename: string } | null | undefined,
): Node[] {
  if (!field || !('edges' in field) || !field.edges) {
    throw new Error(`expected a connection, got ${JSON.stringify(field)}`);
  }
  return field.edges.map((edge) => edge.node);
}
