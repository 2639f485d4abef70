import { invalidRequest } from './graph-errors.js';

/** `$expand=tasks($expand=definition),documents` → {tasks: {definition: {}}, documents: {}}. */
export type ExpandTree = ReadonlyMap<string, ExpandTree>;

/** What an endpoint lets callers expand, keyed by lower-case property name. */
export interface ExpandRule {
  /** The expanded entity's type, named in error messages like Graph does. */
  type: string;
  nested?: ExpandRules;
}
export type ExpandRules = Readonly<Record<string, ExpandRule>>;

export interface QueryOptions {
  typeName: string;
  expand?: ExpandRules;
  /** Only print job lists filter, and only by creator, the way pull-print apps look jobs up. */
  filterByCreator?: boolean;
  /** `$top` accepted as the page size, 1..max; without this `$top` is ignored (or refused). */
  top?: { max: number };
  /**
   * Options Graph's page for this endpoint lists as not supported: they answer 400 rather than
   * being ignored, so a client never believes it limited or shaped a collection when it did not.
   */
  unsupported?: readonly string[];
}

export interface ODataQuery {
  expand: ExpandTree;
  createdByUserPrincipalName?: string;
  top?: number;
}

/** Not supported on list tasks, list task definitions (and list triggers) per Graph's pages. */
export const TASK_LIST_UNSUPPORTED = ['$count', '$format', '$search', '$select', '$skip', '$top'];
/** printer-list-jobs.md: "does not support $count, $search". */
export const JOB_LIST_UNSUPPORTED = ['$count', '$search'];

/**
 * Reads the query options the emulator understands. Unsupported $expand/$filter values are
 * rejected so a client cannot believe it filtered; so are the options an endpoint lists as
 * unsupported. Other options ($select, $orderby, ...) are ignored.
 */
export function parseODataQuery(rawQuery: string, options: QueryOptions): ODataQuery {
  const params = new URLSearchParams(rawQuery);
  for (const name of options.unsupported ?? []) {
    if (params.has(name)) {
      throw invalidRequest(`Query option '${name}' is not supported on this resource.`);
    }
  }
  const top = options.top === undefined ? undefined : parseTop(params, options.top.max);
  const expandText = params.get('$expand');
  const expand = expandText === null ? new Map() : parseExpandList(expandText);
  checkExpand(expand, options.expand ?? {}, options.typeName);

  const filter = params.get('$filter');
  if (filter === null) {
    return top === undefined ? { expand } : { expand, top };
  }
  const upn = options.filterByCreator === true ? parseCreatorFilter(filter) : undefined;
  if (upn === undefined) {
    throw invalidRequest(
      `Unsupported $filter '${filter}'. The emulator supports only ` +
        "$filter=createdBy/userPrincipalName eq '<upn>' on print job lists.",
    );
  }
  return top === undefined
    ? { expand, createdByUserPrincipalName: upn }
    : { expand, createdByUserPrincipalName: upn, top };
}

function parseTop(params: URLSearchParams, max: number): number | undefined {
  const text = params.get('$top');
  if (text === null) return undefined;
  const top = /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!(top >= 1 && top <= max)) {
    // Graph's wording for an out-of-range page size (e.g. on /users).
    throw invalidRequest(
      `Invalid page size specified: '${text}'. Must be between 1 and ${max} inclusive.`,
    );
  }
  return top;
}

function parseCreatorFilter(filter: string): string | undefined {
  const match = /^\s*createdBy\/userPrincipalName\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(filter);
  return match?.[1]?.replaceAll("''", "'");
}

function parseExpandList(text: string): ExpandTree {
  const tree = new Map<string, ExpandTree>();
  for (const part of splitTopLevel(text, ',')) {
    const item = part.trim();
    const open = item.indexOf('(');
    const name = (open === -1 ? item : item.slice(0, open)).trim().toLowerCase();
    if (!/^[a-z][a-z0-9_]*$/.test(name) || (open !== -1 && !item.endsWith(')'))) {
      throw invalidRequest(`Malformed $expand item '${item}'.`);
    }
    let nested: ExpandTree = new Map();
    if (open !== -1) {
      for (const option of splitTopLevel(item.slice(open + 1, -1), ';')) {
        const equals = option.indexOf('=');
        if (equals !== -1 && option.slice(0, equals).trim().toLowerCase() === '$expand') {
          nested = parseExpandList(option.slice(equals + 1));
        }
      }
    }
    tree.set(name, nested);
  }
  return tree;
}

/** Splits on `separator` outside parentheses and quotes; rejects unbalanced parentheses. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "'") quoted = !quoted;
    if (quoted) continue;
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (depth < 0) break;
    if (char === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0 || quoted) {
    throw invalidRequest(`Unbalanced parentheses or quotes in '${text}'.`);
  }
  parts.push(text.slice(start));
  return parts;
}

function checkExpand(tree: ExpandTree, rules: ExpandRules, typeName: string): void {
  for (const [name, nested] of tree) {
    const rule = rules[name];
    if (rule === undefined) {
      throw invalidRequest(
        `Parsing OData Select and Expand failed: Could not find a property named '${name}' ` +
          `on type 'microsoft.graph.${typeName}'.`,
      );
    }
    checkExpand(nested, rule.nested ?? {}, rule.type);
  }
}
