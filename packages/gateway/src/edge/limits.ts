/**
 * Every bound on what one request may ask for, and the stable `extensions.code` a client gets
 * when it crosses one. docs/errors.md and docs/federation.md quote these numbers and codes;
 * test/unit/documented-limits.test.ts fails when they disagree.
 */

/**
 * Selection depth, fields and fragments alike (graphql-armor's count). Every field below a list
 * can fan out into Graph calls. 11, not 8, since lists became connections in result unions:
 * `... on PrintJobConnection { edges { node { … } } }` adds three levels and no fan-out.
 */
export const MAX_DEPTH = 11;
/** A release screen may ask for as many jobs by alias as a bulk mutation may touch (100). */
export const MAX_ALIASES = 100;
/** Lexical tokens in one document (comments excluded). */
export const MAX_TOKENS = 5_000;
export const MAX_DIRECTIVES = 20;
/**
 * graphql-armor's cost: objects 2, scalars 1, ×1.5 per level. 20,000, not 5,000, since lists
 * became connections: their three extra levels multiply a release screen's estimate by
 * 1.5³ ≈ 3.4 (the README's release screen costs about 12,600) without one more Graph call. What
 * bounds Graph traffic is GRAPH_MAX_CALLS_PER_REQUEST; this bounds the work of planning a document.
 */
export const MAX_COST = 20_000;
/**
 * Open `{`, `[` and `(` at once in a document, and open objects and arrays at once in its
 * variables or extensions. graphql-js parses and validates recursively: a few thousand levels
 * overflow the stack. Well above what any real document needs (graphql-js's introspection query nests 10).
 */
export const MAX_NESTING = 32;
/** Operations in one batched GraphQL-over-HTTP request. */
export const MAX_OPERATIONS_PER_REQUEST = 10;
/**
 * `@stream(initialCount:)`: items in a list's first payload. A page holds at most 50 items
 * (`first`, src/schema/connections.ts), so 50 already sends every list whole; a negative count
 * made the executor throw after the list's Graph calls were sent.
 */
export const MAX_STREAM_INITIAL_COUNT = 50;
/** Inputs are a few ids and short texts; a megabyte is already generous. */
export const MAX_REQUEST_BODY_BYTES = 1_000_000;

/** The `extensions.code` of each limit violation. */
export const LIMIT_CODES = {
  depth: 'DOCUMENT_TOO_DEEP',
  aliases: 'TOO_MANY_ALIASES',
  tokens: 'DOCUMENT_TOO_LARGE',
  directives: 'TOO_MANY_DIRECTIVES',
  cost: 'DOCUMENT_TOO_COSTLY',
  nesting: 'NESTING_TOO_DEEP',
  operations: 'TOO_MANY_OPERATIONS',
  streamInitialCount: 'STREAM_INITIAL_COUNT_OUT_OF_RANGE',
  // Yoga's own code for its body limit, kept rather than renamed.
  bodySize: 'REQUEST_ENTITY_TOO_LARGE',
} as const;

export type LimitCode = (typeof LIMIT_CODES)[keyof typeof LIMIT_CODES];
