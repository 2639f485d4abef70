/**
 * What each permission lets a caller do, as the three scopes the schema's fields require
 * (`authScopes` of @pothos/plugin-scope-auth). The table in docs/authorization.md is this file
 * in prose, and test/integration/authorization-table.test.ts checks one against the other.
 */
import { type Caller, hasPermission } from '../auth/caller.js';

export interface AccessScopes {
  /** Read any job and task: `Print.Read.All`, or `Print.Release.All` which implies it. */
  readAny: boolean;
  /** Act on any job: `Print.Release.All`. */
  releaseAny: boolean;
  /** Read and act on one's own jobs only: `Print.Release`, which only a person holds. */
  releaseOwn: boolean;
  /**
   * Print as oneself: `Print.Submit`, which only a person holds. Graph prints only with a
   * person's own token, so no app, station or service key can, whatever it holds.
   */
  printOwn: boolean;
}

export function accessScopesOf(caller: Caller): AccessScopes {
  return {
    readAny: hasPermission(caller, 'Print.Read.All'),
    releaseAny: hasPermission(caller, 'Print.Release.All'),
    releaseOwn: caller.kind === 'person' && hasPermission(caller, 'Print.Release'),
    printOwn: caller.kind === 'person' && hasPermission(caller, 'Print.Submit'),
  };
}

/** Field rules, by what the field does. The default strategy is `any`: one scope suffices. */
export const FIELD_RULES = {
  /** Reads: jobs and tasks (people see only theirs), printers, task definitions. */
  read: { readAny: true, releaseOwn: true },
  /** Writes: abort a job, report a task's state (people act only on their own). */
  write: { releaseAny: true, releaseOwn: true },
  /** Printing: list the shares one may print to, create, start and cancel one's own jobs. */
  print: { printOwn: true },
} as const satisfies Record<string, Partial<Record<keyof AccessScopes, true>>>;

/**
 * The same rules as `@requiresScopes` for routers that enforce Federation's authorization
 * directives (outer list: any of; inner: all of). They name Entra's permission values; a router
 * maps the token's `scp` and `roles` claims onto its `scope` (docs/federation.md).
 */
export const ROUTER_SCOPES = {
  read: [['Print.Read.All'], ['Print.Release.All'], ['Print.Release']],
  write: [['Print.Release.All'], ['Print.Release']],
  print: [['Print.Submit']],
} as const satisfies Record<keyof typeof FIELD_RULES, ReadonlyArray<readonly string[]>>;

/**
 * The fields only a signed-in person can use, because Graph takes only a person's own token for
 * them: a refusal says so, rather than only that the caller lacks a permission.
 */
export const PERSON_ONLY_FIELDS: ReadonlySet<string> = new Set([
  'Query.printerShares',
  'Mutation.createPrintJob',
  'Mutation.startPrintJob',
  'Mutation.cancelPrintJob',
]);

export const mayRead = (caller: Caller): boolean => {
  const scopes = accessScopesOf(caller);
  return scopes.readAny || scopes.releaseOwn;
};

export const mayWrite = (caller: Caller): boolean => {
  const scopes = accessScopesOf(caller);
  return scopes.releaseAny || scopes.releaseOwn;
};
