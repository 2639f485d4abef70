/**
 * One object type per domain error class; the errors plugin matches them by `instanceof`.
 *
 * Every type here is `@shareable`: the error vocabulary is shared with the other subgraphs of the
 * supergraph, which may define the same types, field for field (docs/federation.md).
 */
import {
  CallBudgetExceededError,
  ConflictError,
  ConsentRequiredError,
  ForbiddenError,
  InteractionRequiredError,
  InvalidInputError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitedError,
  ThrottledError,
  UploadIncompleteError,
  UpstreamUnavailableError,
} from '../../errors.js';
import { builder } from '../builder.js';
import { ErrorInterface, UpstreamErrorInterface } from './error-interface.js';

const InputIssue = builder.objectRef<InvalidInputError['issues'][number]>('InputIssue').implement({
  shareable: true,
  fields: (t) => ({
    path: t.stringList({
      resolve: (issue) => [...issue.path],
      description: 'Where the problem is, from the argument down, e.g. ["input", "taskId"].',
    }),
    message: t.exposeString('message'),
  }),
});

builder.objectType(InvalidInputError, {
  name: 'InvalidInputError',
  shareable: true,
  description:
    'The input was rejected. When the gateway rejected it, nothing was sent to Microsoft Graph.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    issues: t.field({ type: [InputIssue], resolve: (error) => [...error.issues] }),
    requestId: t.exposeString('requestId', {
      nullable: true,
      description:
        "Graph's request-id when Graph rejected the request; null for the gateway's checks.",
    }),
  }),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  shareable: true,
  description:
    "The caller's permissions do not allow this (docs/authorization.md). The gateway decided; " +
    'nothing was sent to Microsoft Graph.',
  interfaces: [ErrorInterface],
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  shareable: true,
  description: 'Microsoft Graph has no such object, or does not show it to this gateway.',
  interfaces: [ErrorInterface, UpstreamErrorInterface],
});

builder.objectType(PermissionDeniedError, {
  name: 'PermissionDeniedError',
  shareable: true,
  description:
    "Microsoft Graph refused: the object belongs to another app's task definition, or the " +
    "gateway's app lacks a permission.",
  interfaces: [ErrorInterface, UpstreamErrorInterface],
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  shareable: true,
  description:
    'The job or task is not in a state that allows this, e.g. abort with no processing task, ' +
    'or a task that is already completed.',
  interfaces: [ErrorInterface, UpstreamErrorInterface],
});

builder.objectType(ThrottledError, {
  name: 'ThrottledError',
  shareable: true,
  description: 'Microsoft Graph is throttling; try again after retryAfterSeconds.',
  interfaces: [ErrorInterface, UpstreamErrorInterface],
  fields: (t) => ({ retryAfterSeconds: t.exposeInt('retryAfterSeconds') }),
});

builder.objectType(UpstreamUnavailableError, {
  name: 'UpstreamUnavailableError',
  shareable: true,
  description:
    'Microsoft Graph failed, timed out or could not be reached, or this gateway instance began ' +
    'to shut down before sending the call (code SHUTTING_DOWN: send it again), or, for one ' +
    'item of a bulk write, the gateway itself failed on it (docs/errors.md).',
  interfaces: [ErrorInterface, UpstreamErrorInterface],
  fields: (t) => ({
    outcomeUnknown: t.exposeBoolean('outcomeUnknown', {
      description:
        'True when a change may have been applied before the failure: read the object back ' +
        'before trying again.',
    }),
    // Not `retryAfterSeconds`: ThrottledError has that as Int!, and one selection set over the
    // union could not ask for both.
    suggestedRetryAfterSeconds: t.int({
      nullable: true,
      description: "Graph's Retry-After, when it sent one.",
      resolve: (error) => error.retryAfterSeconds,
    }),
  }),
});

builder.objectType(CallBudgetExceededError, {
  name: 'CallBudgetExceededError',
  shareable: true,
  description:
    'This HTTP request used up its budget of Microsoft Graph calls (all its operations ' +
    'together). Nothing was sent for this field; send it again in a new request.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    maxCallsPerRequest: t.exposeInt('maxCallsPerRequest', {
      description: 'Graph calls one HTTP request may make.',
    }),
    requestedCalls: t.exposeInt('requestedCalls', {
      description: "Calls this field needed: one, or a bulk field's whole list.",
    }),
    remainingCalls: t.exposeInt('remainingCalls', {
      description: 'Calls the request had left when this field was refused.',
    }),
  }),
});

builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  shareable: true,
  description:
    'This caller has used up its allowance of Microsoft Graph calls (GATEWAY_GRAPH_CALL_LIMIT_*, ' +
    'charged as calls are sent, whatever operation sends them). Nothing was sent for this field; ' +
    'try again after retryAfterSeconds.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    retryAfterSeconds: t.exposeInt('retryAfterSeconds', {
      description: 'Whole seconds until the calls this field needed would be allowed.',
    }),
    callsPerSecond: t.exposeFloat('callsPerSecond', {
      description: "The caller's limit: Graph calls a second, on average.",
    }),
    burst: t.exposeInt('burst', { description: "The caller's limit: Graph calls at once." }),
  }),
});

builder.objectType(ConsentRequiredError, {
  name: 'ConsentRequiredError',
  shareable: true,
  description:
    "Microsoft Entra ID would not let the gateway act as the person: the tenant has not consented to the gateway's delegated Microsoft Graph permissions (AADSTS65001). A tenant administrator grants admin consent (docs/authorization.md); nothing was sent to Microsoft Graph.",
  interfaces: [ErrorInterface],
});

builder.objectType(InteractionRequiredError, {
  name: 'InteractionRequiredError',
  shareable: true,
  description:
    'Microsoft Entra ID needs more of the person than their token shows (Conditional Access, MFA). Sign the person in again passing `claims` (MSAL: the `claims` request parameter), then send the request again with the new token. Nothing was sent to Microsoft Graph.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    claims: t.exposeString('claims', {
      description: "Entra's claims challenge, verbatim (a JSON string).",
    }),
  }),
});

builder.objectType(UploadIncompleteError, {
  name: 'UploadIncompleteError',
  shareable: true,
  description:
    "Microsoft Graph has not received the whole document yet, so the job cannot start. Upload what `nextExpectedRanges` lists to the job's uploadUrl, then start it again.",
  interfaces: [ErrorInterface, UpstreamErrorInterface],
  fields: (t) => ({
    nextExpectedRanges: t.stringList({
      resolve: (error) => [...error.nextExpectedRanges],
      description: 'Graph\'s own list of the byte ranges it still needs, e.g. ["1048576-"].',
    }),
  }),
});

/**
 * What a field that calls Graph as the signed-in person can fail with besides GRAPH_ERRORS:
 * Entra's refusals of the on-behalf-of exchange.
 */
export const DELEGATED_ERRORS = [ConsentRequiredError, InteractionRequiredError] as const;

/** What any field that calls Graph can fail with, in union order. */
export const GRAPH_ERRORS = [
  InvalidInputError,
  NotFoundError,
  PermissionDeniedError,
  ThrottledError,
  UpstreamUnavailableError,
  CallBudgetExceededError,
  RateLimitedError,
  ForbiddenError,
] as const;

/** Writes can also meet a state that does not allow them. */
export const GRAPH_WRITE_ERRORS = [...GRAPH_ERRORS, ConflictError] as const;
