/**
 * Schema introspection (`__schema`, `__type`) off, with graphql-js's own rule. Production turns
 * it off by default (config.ts): the subgraph SDL is published from schema.graphql, and
 * `_service { sdl }` (what a router asks) and `__typename` are untouched by the rule.
 */
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}
