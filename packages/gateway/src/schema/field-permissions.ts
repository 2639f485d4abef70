/**
 * What a protected field requires, said twice: `authScopes` is enforced here (scope-auth), and
 * `@authenticated` / `@requiresScopes` (Federation v2.5) tell routers that enforce them to refuse
 * early, before the request reaches this subgraph. The subgraph never relies on a router.
 */
import { FIELD_RULES, ROUTER_SCOPES } from '../domain/permissions.js';

const routerScopes = (scopes: ReadonlyArray<readonly string[]>): string[][] =>
  scopes.map((all) => [...all]);

/** Reads of jobs, tasks, printers and task definitions. */
export const READ_ACCESS = {
  authScopes: FIELD_RULES.read,
  authenticated: true,
  requiresScopes: routerScopes(ROUTER_SCOPES.read),
} as const;

/** Writes: abort a job, report a task's state. */
export const WRITE_ACCESS = {
  authScopes: FIELD_RULES.write,
  authenticated: true,
  requiresScopes: routerScopes(ROUTER_SCOPES.write),
} as const;

/** Printing as the calling person: printer shares, and their own print jobs. */
export const PRINT_ACCESS = {
  authScopes: FIELD_RULES.print,
  authenticated: true,
  requiresScopes: routerScopes(ROUTER_SCOPES.print),
} as const;

/**
 * For the entity types a router reaches through `_entities`, which carries no field rule of its
 * own: the same read rule, declared on the type (the subgraph checks it in src/domain/).
 */
export const READ_ACCESS_DECLARED = {
  authenticated: true,
  requiresScopes: routerScopes(ROUTER_SCOPES.read),
} as const;
