/**
 * Limits checked before graphql-js parses anything: token count and bracket nesting of the
 * document, and nesting of the variables and extensions JSON. graphql-js's parser and
 * validator are recursive, so a deeply nested literal (`{a:{a:…}}`, `[[[…]]]`) overflowed the
 * stack inside `parse` and came back as a 500. This is one linear pass with graphql-js's own
 * lexer (which skips comments and knows strings), so nothing inside a string counts.
 */
import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { limitError } from './limit-error.js';
import { LIMIT_CODES, MAX_NESTING, MAX_TOKENS } from './limits.js';

const OPENING = new Set<string>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING = new Set<string>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/** The violated limit of a document, or null. Syntax errors are left to the parser to report. */
export function documentLimitViolation(query: string): GraphQLError | null {
  const lexer = new Lexer(new Source(query));
  let tokens = 0;
  let nesting = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      tokens += 1;
      if (tokens > MAX_TOKENS) {
        return limitError(LIMIT_CODES.tokens, `Document has more than ${MAX_TOKENS} tokens.`);
      }
      if (OPENING.has(token.kind)) nesting += 1;
      else if (CLOSING.has(token.kind)) nesting -= 1;
      if (nesting > MAX_NESTING) {
        return limitError(
          LIMIT_CODES.nesting,
          `Document nests brackets more than ${MAX_NESTING} levels deep.`,
        );
      }
    }
  } catch (error) {
    if (error instanceof GraphQLError) return null;
    throw error;
  }
  return null;
}

/** Whether parsed JSON nests objects and arrays deeper than `limit`; iterative, so it cannot overflow. */
export function jsonNestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 1 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.value === null || typeof next.value !== 'object') continue;
    if (next.depth > limit) return true;
    for (const child of Object.values(next.value)) {
      pending.push({ value: child, depth: next.depth + 1 });
    }
  }
  return false;
}

/** The first limit `params` break before parsing, or null: the HTTP plugin's and WebSocket's check. */
export function preParseViolation(params: {
  query?: unknown;
  variables?: unknown;
  extensions?: unknown;
}): GraphQLError | null {
  return (
    (typeof params.query === 'string' ? documentLimitViolation(params.query) : null) ??
    (jsonNestsDeeperThan(params.variables, MAX_NESTING) ||
    jsonNestsDeeperThan(params.extensions, MAX_NESTING)
      ? limitError(
          LIMIT_CODES.nesting,
          `Variables or extensions nest more than ${MAX_NESTING} levels deep.`,
        )
      : null)
  );
}

export function usePreParseLimits(): Plugin {
  return {
    onParams({ params, setResult }) {
      const violation = preParseViolation(params);
      if (violation) setResult({ errors: [violation] });
    },
  };
}
