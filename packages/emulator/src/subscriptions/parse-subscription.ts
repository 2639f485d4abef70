import { GraphFailure, invalidRequest } from '../graph-errors.js';
import type { JsonObject } from '../json-object.js';
import {
  MAX_CLIENT_STATE_LENGTH,
  MAX_PRINT_SUBSCRIPTION_MINUTES,
  type SubscriptionKind,
} from './subscription-record.js';

// Binds POST and PATCH /subscriptions bodies. Every rule here answers 400 before any endpoint is
// contacted or any state changes.

export interface SubscriptionRequest {
  kind: SubscriptionKind;
  resource: string;
  targetId: string;
  changeType: string;
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  notificationQueryOptions: string | null;
  clientState: string | null;
  latestSupportedTlsVersion: string;
  expiresAt: number;
}

const TLS_VERSIONS = ['v1_0', 'v1_1', 'v1_2', 'v1_3'] as const;
const DEFAULT_TLS_VERSION = 'v1_2';

// Literal segments are case-insensitive, as Graph's routing is; a leading '/' is allowed.
const TASKS_RESOURCE = /^\/?print\/taskDefinitions\/([^/?#]+)\/tasks\/?$/i;
const JOBS_RESOURCE = /^\/?print\/printers\/([^/?#]+)\/jobs\/?$/i;

/** JobFetchable's one documented query, `$filter = isFetchable eq true`, spaced any way. */
function isFetchableFilter(options: string | null): boolean {
  const normalized = options
    ?.replace(/\s*=\s*/, '=')
    .replace(/\s+/g, ' ')
    .trim();
  return normalized === '$filter=isFetchable eq true';
}

function requiredString(body: JsonObject, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidRequest(`${name} is required and must be a non-empty string.`);
  }
  return value;
}

function optionalString(body: JsonObject, name: string): string | null {
  const value = body[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    throw invalidRequest(`${name} must be a string.`);
  }
  return value;
}

/** Only http(s); real Graph insists on https, the emulator also posts to plain-http loopback. */
function endpointUrl(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidRequest(`${name} '${value}' is not an absolute URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalidRequest(`${name} must be an http or https URL.`);
  }
  return value;
}

/** The expiry as epoch ms: in the future and at most 4,230 minutes away, by Graph's clock (`now`). */
export function parseExpiration(body: JsonObject, now: number): number {
  const text = requiredString(body, 'expirationDateTime');
  const at = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(at)) {
    throw invalidRequest(`expirationDateTime '${text}' is not an ISO 8601 date and time.`);
  }
  if (at <= now) {
    throw invalidRequest('Subscription expiration date time is in the past.');
  }
  if (at > now + MAX_PRINT_SUBSCRIPTION_MINUTES * 60_000) {
    // Graph's own code and words for it (microsoftgraph/microsoft-graph-docs-contrib#7726).
    throw new GraphFailure(
      400,
      'ExtensionError',
      `Subscription expiration can only be ${MAX_PRINT_SUBSCRIPTION_MINUTES} minutes in the future.`,
    );
  }
  return at;
}

function requireChangeType(changeType: string, only: string, resource: string): void {
  const changeTypes = changeType.split(',').map((part) => part.trim());
  if (changeTypes.length !== 1 || changeTypes[0] !== only) {
    throw invalidRequest(
      `changeType '${changeType}' is not supported for '${resource}'; it supports only '${only}'.`,
    );
  }
}

function decodedId(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw invalidRequest(`The resource segment '${segment}' is not valid percent-encoding.`);
  }
}

function parseResource(
  resource: string,
  changeType: string,
  queryOptions: string | null,
): { kind: SubscriptionKind; targetId: string } {
  const tasks = TASKS_RESOURCE.exec(resource);
  if (tasks?.[1] !== undefined) {
    requireChangeType(changeType, 'created', resource);
    if (queryOptions !== null) {
      throw invalidRequest('notificationQueryOptions is supported only for printer jobs.');
    }
    return { kind: 'taskCreated', targetId: decodedId(tasks[1]) };
  }
  const jobs = JOBS_RESOURCE.exec(resource);
  if (jobs?.[1] !== undefined) {
    requireChangeType(changeType, 'updated', resource);
    if (!isFetchableFilter(queryOptions)) {
      throw invalidRequest(
        "Printer job subscriptions need notificationQueryOptions '$filter = isFetchable eq true'.",
      );
    }
    return { kind: 'printerJobsUpdated', targetId: decodedId(jobs[1]) };
  }
  throw invalidRequest(
    `Resource '${resource}' is not supported for change notifications by the emulator; ` +
      "use 'print/taskDefinitions/{id}/tasks' or 'print/printers/{id}/jobs'.",
  );
}

export function parseCreateSubscription(body: JsonObject, now: number): SubscriptionRequest {
  const changeType = requiredString(body, 'changeType');
  const resource = requiredString(body, 'resource');
  const notificationQueryOptions = optionalString(body, 'notificationQueryOptions');
  const { kind, targetId } = parseResource(resource, changeType, notificationQueryOptions);
  const notificationUrl = endpointUrl(requiredString(body, 'notificationUrl'), 'notificationUrl');
  const lifecycle = optionalString(body, 'lifecycleNotificationUrl');
  const clientState = optionalString(body, 'clientState');
  if (clientState !== null && clientState.length > MAX_CLIENT_STATE_LENGTH) {
    throw invalidRequest(`clientState must be at most ${MAX_CLIENT_STATE_LENGTH} characters.`);
  }
  const tls = optionalString(body, 'latestSupportedTlsVersion') ?? DEFAULT_TLS_VERSION;
  if (!TLS_VERSIONS.some((version) => version === tls)) {
    throw invalidRequest(`latestSupportedTlsVersion must be one of ${TLS_VERSIONS.join(', ')}.`);
  }
  if (body['includeResourceData'] === true) {
    throw invalidRequest(
      'Rich notifications (includeResourceData) are not supported for print resources.',
    );
  }
  return {
    kind,
    resource,
    targetId,
    changeType,
    notificationUrl,
    lifecycleNotificationUrl:
      lifecycle === null ? null : endpointUrl(lifecycle, 'lifecycleNotificationUrl'),
    notificationQueryOptions,
    clientState,
    latestSupportedTlsVersion: tls,
    expiresAt: parseExpiration(body, now),
  };
}

/** PATCH renews: expirationDateTime is the one property the emulator lets a caller change. */
export function parseRenewal(body: JsonObject, now: number): number {
  const other = Object.keys(body).filter((key) => key !== 'expirationDateTime');
  if (other.length > 0) {
    throw invalidRequest(
      `Only expirationDateTime can be updated in the emulator; got ${other.join(', ')}.`,
    );
  }
  return parseExpiration(body, now);
}
