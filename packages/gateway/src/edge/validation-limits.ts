/**
 * Depth, aliases, directives and cost, checked by graphql-armor during validation. Armor's
 * default is to throw out of `validate`, which yoga passed on with no code (and HTTP 200); here
 * each rejection is reported as a validation error with its own code and HTTP 400 instead.
 * Tokens are counted before parsing (pre-parse-limits.ts), so armor's token limit is off.
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext } from 'graphql';
import { limitError } from './limit-error.js';
import {
  LIMIT_CODES,
  type LimitCode,
  MAX_ALIASES,
  MAX_COST,
  MAX_DEPTH,
  MAX_DIRECTIVES,
} from './limits.js';

/** Armor words every rejection as a syntax error; it is not one. */
const withoutSyntaxPrefix = (message: string) => message.replace(/^Syntax Error: /, '');

function reportAs(code: LimitCode) {
  const report = (context: ValidationContext | null, error: GraphQLError) => {
    context?.reportError(limitError(code, withoutSyntaxPrefix(error.message)));
  };
  return { onReject: [report], propagateOnRejection: false };
}

export function useValidationLimits() {
  return EnvelopArmorPlugin({
    maxDepth: { n: MAX_DEPTH, ...reportAs(LIMIT_CODES.depth) },
    maxAliases: { n: MAX_ALIASES, ...reportAs(LIMIT_CODES.aliases) },
    maxDirectives: { n: MAX_DIRECTIVES, ...reportAs(LIMIT_CODES.directives) },
    costLimit: { maxCost: MAX_COST, ...reportAs(LIMIT_CODES.cost) },
    maxTokens: { enabled: false },
  });
}
