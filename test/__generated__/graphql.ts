/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AbortPrintJobInput = {
  /** The Entra object id of the person a release station acts for (e.g. who badged in). The job must be theirs, or the result is NotFoundError and nothing is sent. A person may name only themselves (ForbiddenError otherwise). */
  onBehalfOf?: string | number | null | undefined;
  printJobId: string | number;
  printerId: string | number;
  reason?: string | null | undefined;
};

/** Pages `start` to `end`, both included, counted from 1. */
export type IntegerRangeInput = {
  end: number;
  start: number;
};

/** Graph's printColorMode. */
export type PrintColorMode =
  | 'AUTO'
  | 'BLACK_AND_WHITE'
  | 'COLOR'
  | 'GRAYSCALE'
  | 'UNKNOWN_FUTURE_VALUE';

/** Graph's printDuplexMode: one-sided, or which edge the sheet turns on. */
export type PrintDuplexMode =
  | 'FLIP_ON_LONG_EDGE'
  | 'FLIP_ON_SHORT_EDGE'
  | 'ONE_SIDED'
  | 'UNKNOWN_FUTURE_VALUE';

/** Settings that override the job’s own for where it goes next. A field left out (or null) keeps the job’s value. */
export type PrintJobConfigurationInput = {
  collate?: boolean | null | undefined;
  colorMode?: PrintColorMode | null | undefined;
  copies?: number | null | undefined;
  duplexMode?: PrintDuplexMode | null | undefined;
  fitPdfToPage?: boolean | null | undefined;
  /** The paper, by Graph's media size name, e.g. `A4` or `North America Letter`. */
  mediaSize?: string | null | undefined;
  orientation?: PrintOrientation | null | undefined;
  pageRanges?: Array<IntegerRangeInput> | null | undefined;
  pagesPerSheet?: number | null | undefined;
  quality?: PrintQuality | null | undefined;
  scaling?: PrintScaling | null | undefined;
};

/** A job, by its printer and its id: Graph addresses a job under its printer. */
export type PrintJobRefInput = {
  printJobId: string | number;
  printerId: string | number;
};

/** Graph's printJobProcessingState. */
export type PrintJobState =
  | 'ABORTED'
  | 'CANCELED'
  | 'COMPLETED'
  | 'PAUSED'
  | 'PENDING'
  | 'PROCESSING'
  | 'STOPPED'
  | 'UNKNOWN'
  | 'UNKNOWN_FUTURE_VALUE';

/** Graph's printJobStateDetail: why a job is in its state. */
export type PrintJobStateDetail =
  | 'COMPLETED_SUCCESSFULLY'
  | 'COMPLETED_WITH_ERRORS'
  | 'COMPLETED_WITH_WARNINGS'
  | 'INTERPRETING'
  | 'RELEASE_WAIT'
  | 'TRANSFORMING'
  | 'UNKNOWN_FUTURE_VALUE'
  | 'UPLOAD_PENDING';

/** Graph's printOrientation. */
export type PrintOrientation =
  | 'LANDSCAPE'
  | 'PORTRAIT'
  | 'REVERSE_LANDSCAPE'
  | 'REVERSE_PORTRAIT'
  | 'UNKNOWN_FUTURE_VALUE';

/** Graph's printQuality. */
export type PrintQuality =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM'
  | 'UNKNOWN_FUTURE_VALUE';

/** Graph's printScaling: how a page is fitted to the medium. */
export type PrintScaling =
  | 'AUTO'
  | 'FILL'
  | 'FIT'
  | 'NONE'
  | 'SHRINK_TO_FIT'
  | 'UNKNOWN_FUTURE_VALUE';

/** Graph's printTaskProcessingState. A job waiting for release has a PROCESSING task. */
export type PrintTaskState =
  | 'ABORTED'
  | 'COMPLETED'
  | 'PENDING'
  | 'PROCESSING'
  | 'UNKNOWN_FUTURE_VALUE';

export type PrintTaskStatusInput = {
  description?: string | null | undefined;
  /** COMPLETED releases the job; ABORTED declines it; PROCESSING only updates the description. */
  state: PrintTaskState;
};

/** Graph's printerProcessingState. */
export type PrinterState =
  | 'IDLE'
  | 'PROCESSING'
  | 'STOPPED'
  | 'UNKNOWN'
  | 'UNKNOWN_FUTURE_VALUE';

export type RedirectPrintJobInput = {
  configuration?: PrintJobConfigurationInput | null | undefined;
  /** The printer to print on, e.g. the device a person stands at. */
  destinationPrinterId: string | number;
  /** The Entra object id of the person a release station acts for (e.g. who badged in). The job must be theirs, or the result is NotFoundError and nothing is sent. A person may name only themselves (ForbiddenError otherwise). */
  onBehalfOf?: string | number | null | undefined;
  printJobId: string | number;
  printerId: string | number;
};

export type ReleasePrintJobsInput = {
  /** Settings for every job released, checked against what the device can do before anything is sent (InvalidInputError naming each field and the allowed values). */
  configuration?: PrintJobConfigurationInput | null | undefined;
  /** The device to print on. */
  destinationPrinterId: string | number;
  /** The Entra object id of the person a release station acts for (e.g. who badged in). The job must be theirs, or the result is NotFoundError and nothing is sent. A person may name only themselves (ForbiddenError otherwise). */
  onBehalfOf?: string | number | null | undefined;
  /** The jobs to release, at most 100. Left out, for a person: all their waiting jobs (the first 100). A release station must name them. */
  printJobIds?: Array<PrintJobRefInput> | null | undefined;
};

export type UpdatePrintTaskInput = {
  /** The Entra object id of the person a release station acts for (e.g. who badged in). The task's job must be theirs, or the result is NotFoundError and nothing is sent. A person may name only themselves (ForbiddenError otherwise). */
  onBehalfOf?: string | number | null | undefined;
  status: PrintTaskStatusInput;
  taskDefinitionId: string | number;
  taskId: string | number;
};

export type PrinterJobsQueryVariables = Exact<{
  id: string | number;
}>;


export type PrinterJobsQuery = { printer:
    | { __typename: 'CallBudgetExceededError', maxCallsPerRequest: number, requestedCalls: number, remainingCalls: number, code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidInputError', requestId: string | null, code: string, message: string, issues: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', requestId: string | null, code: string, message: string }
    | { __typename: 'PermissionDeniedError', requestId: string | null, code: string, message: string }
    | { __typename: 'Printer', jobs:
        | { __typename: 'CallBudgetExceededError' }
        | { __typename: 'ForbiddenError' }
        | { __typename: 'InvalidInputError' }
        | { __typename: 'NotFoundError' }
        | { __typename: 'PermissionDeniedError' }
        | { __typename: 'PrintJobConnection', pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, createdBy: { id: string | null } | null } }> }
        | { __typename: 'RateLimitedError' }
        | { __typename: 'ThrottledError' }
        | { __typename: 'UpstreamUnavailableError' }
       }
    | { __typename: 'RateLimitedError', code: string, message: string }
    | { __typename: 'ThrottledError', requestId: string | null, retryAfterSeconds: number, code: string, message: string }
    | { __typename: 'UpstreamUnavailableError', requestId: string | null, outcomeUnknown: boolean, suggestedRetryAfterSeconds: number | null, code: string, message: string }
   };

export type ReleaseTasksQueryVariables = Exact<{ [key: string]: never; }>;


export type ReleaseTasksQuery = { printTaskDefinitions: Array<{ id: string, tasks:
      | { __typename: 'CallBudgetExceededError' }
      | { __typename: 'ForbiddenError' }
      | { __typename: 'InvalidInputError' }
      | { __typename: 'NotFoundError' }
      | { __typename: 'PermissionDeniedError' }
      | { __typename: 'PrintTaskConnection', pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, printJob: { id: string, createdBy: { id: string | null } | null } | null } }> }
      | { __typename: 'RateLimitedError' }
      | { __typename: 'ThrottledError' }
      | { __typename: 'UpstreamUnavailableError' }
     }> };

export type AbortPrintJobsBareMutationVariables = Exact<{
  inputs: Array<AbortPrintJobInput> | AbortPrintJobInput;
}>;


export type AbortPrintJobsBareMutation = { abortPrintJobs:
    | { __typename: 'AbortPrintJobsSuccess', results: Array<
        | { __typename: 'AbortPrintJobSuccess' }
        | { __typename: 'CallBudgetExceededError', maxCallsPerRequest: number, requestedCalls: number, remainingCalls: number, code: string, message: string }
        | { __typename: 'ConflictError', requestId: string | null, code: string, message: string }
        | { __typename: 'ForbiddenError', code: string, message: string }
        | { __typename: 'InvalidInputError', requestId: string | null, code: string, message: string, issues: Array<{ path: Array<string>, message: string }> }
        | { __typename: 'NotFoundError', requestId: string | null, code: string, message: string }
        | { __typename: 'PermissionDeniedError', requestId: string | null, code: string, message: string }
        | { __typename: 'RateLimitedError', code: string, message: string }
        | { __typename: 'ThrottledError', requestId: string | null, retryAfterSeconds: number, code: string, message: string }
        | { __typename: 'UpstreamUnavailableError', requestId: string | null, outcomeUnknown: boolean, suggestedRetryAfterSeconds: number | null, code: string, message: string }
      > }
    | { __typename: 'CallBudgetExceededError', maxCallsPerRequest: number, requestedCalls: number, remainingCalls: number, code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'IdempotencyKeyInProgressError', code: string, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: string, message: string }
    | { __typename: 'IdempotencyUnavailableError', code: string, message: string }
    | { __typename: 'InvalidInputError', requestId: string | null, code: string, message: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type UpdatePrintTasksBareMutationVariables = Exact<{
  inputs: Array<UpdatePrintTaskInput> | UpdatePrintTaskInput;
}>;


export type UpdatePrintTasksBareMutation = { updatePrintTasks:
    | { __typename: 'CallBudgetExceededError', maxCallsPerRequest: number, requestedCalls: number, remainingCalls: number, code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'IdempotencyKeyInProgressError', code: string, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: string, message: string }
    | { __typename: 'IdempotencyUnavailableError', code: string, message: string }
    | { __typename: 'InvalidInputError', requestId: string | null, code: string, message: string, issues: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'UpdatePrintTasksSuccess', results: Array<
        | { __typename: 'CallBudgetExceededError', maxCallsPerRequest: number, requestedCalls: number, remainingCalls: number, code: string, message: string }
        | { __typename: 'ConflictError', requestId: string | null, code: string, message: string }
        | { __typename: 'ForbiddenError', code: string, message: string }
        | { __typename: 'InvalidInputError', requestId: string | null, code: string, message: string, issues: Array<{ path: Array<string>, message: string }> }
        | { __typename: 'NotFoundError', requestId: string | null, code: string, message: string }
        | { __typename: 'PermissionDeniedError', requestId: string | null, code: string, message: string }
        | { __typename: 'RateLimitedError', code: string, message: string }
        | { __typename: 'ThrottledError', requestId: string | null, retryAfterSeconds: number, code: string, message: string }
        | { __typename: 'UpdatePrintTaskSuccess' }
        | { __typename: 'UpstreamUnavailableError', requestId: string | null, outcomeUnknown: boolean, suggestedRetryAfterSeconds: number | null, code: string, message: string }
      > }
   };

type ErrorFields_CallBudgetExceededError_Fragment = { __typename: 'CallBudgetExceededError', maxCallsPerRequest: number, requestedCalls: number, remainingCalls: number, code: string, message: string };

type ErrorFields_ConflictError_Fragment = { __typename: 'ConflictError', requestId: string | null, code: string, message: string };

type ErrorFields_ConsentRequiredError_Fragment = { __typename: 'ConsentRequiredError', code: string, message: string };

type ErrorFields_ForbiddenError_Fragment = { __typename: 'ForbiddenError', code: string, message: string };

type ErrorFields_IdempotencyKeyInProgressError_Fragment = { __typename: 'IdempotencyKeyInProgressError', code: string, message: string };

type ErrorFields_IdempotencyKeyReusedError_Fragment = { __typename: 'IdempotencyKeyReusedError', code: string, message: string };

type ErrorFields_IdempotencyUnavailableError_Fragment = { __typename: 'IdempotencyUnavailableError', code: string, message: string };

type ErrorFields_InteractionRequiredError_Fragment = { __typename: 'InteractionRequiredError', code: string, message: string };

type ErrorFields_InvalidInputError_Fragment = { __typename: 'InvalidInputError', requestId: string | null, code: string, message: string, issues: Array<{ path: Array<string>, message: string }> };

type ErrorFields_NotFoundError_Fragment = { __typename: 'NotFoundError', requestId: string | null, code: string, message: string };

type ErrorFields_PermissionDeniedError_Fragment = { __typename: 'PermissionDeniedError', requestId: string | null, code: string, message: string };

type ErrorFields_RateLimitedError_Fragment = { __typename: 'RateLimitedError', code: string, message: string };

type ErrorFields_ThrottledError_Fragment = { __typename: 'ThrottledError', requestId: string | null, retryAfterSeconds: number, code: string, message: string };

type ErrorFields_UploadIncompleteError_Fragment = { __typename: 'UploadIncompleteError', requestId: string | null, code: string, message: string };

type ErrorFields_UpstreamUnavailableError_Fragment = { __typename: 'UpstreamUnavailableError', requestId: string | null, outcomeUnknown: boolean, suggestedRetryAfterSeconds: number | null, code: string, message: string };

export type ErrorFieldsFragment =
  | ErrorFields_CallBudgetExceededError_Fragment
  | ErrorFields_ConflictError_Fragment
  | ErrorFields_ConsentRequiredError_Fragment
  | ErrorFields_ForbiddenError_Fragment
  | ErrorFields_IdempotencyKeyInProgressError_Fragment
  | ErrorFields_IdempotencyKeyReusedError_Fragment
  | ErrorFields_IdempotencyUnavailableError_Fragment
  | ErrorFields_InteractionRequiredError_Fragment
  | ErrorFields_InvalidInputError_Fragment
  | ErrorFields_NotFoundError_Fragment
  | ErrorFields_PermissionDeniedError_Fragment
  | ErrorFields_RateLimitedError_Fragment
  | ErrorFields_ThrottledError_Fragment
  | ErrorFields_UploadIncompleteError_Fragment
  | ErrorFields_UpstreamUnavailableError_Fragment
;

export type TaskFieldsFragment = { id: string, taskDefinitionId: string, parentUrl: string | null, status: { state: PrintTaskState, description: string | null } };

export type JobFieldsFragment = { id: string, printerId: string, createdDateTime: string | null, createdBy: { id: string | null, userPrincipalName: string | null } | null, status: { state: PrintJobState, description: string | null, details: Array<PrintJobStateDetail>, isAcquiredByPrinter: boolean | null } };

export type AbortPrintJobOnceMutationVariables = Exact<{
  input: AbortPrintJobInput;
  idempotencyKey?: string | null | undefined;
}>;


export type AbortPrintJobOnceMutation = { abortPrintJob:
    | { __typename: 'AbortPrintJobSuccess', printerId: string, printJobId: string }
    | { __typename: 'CallBudgetExceededError', maxCallsPerRequest: number, requestedCalls: number, remainingCalls: number, code: string, message: string }
    | { __typename: 'ConflictError', requestId: string | null, code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'IdempotencyKeyInProgressError', code: string, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: string, message: string }
    | { __typename: 'IdempotencyUnavailableError', code: string, message: string }
    | { __typename: 'InvalidInputError', requestId: string | null, code: string, message: string, issues: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', requestId: string | null, code: string, message: string }
    | { __typename: 'PermissionDeniedError', requestId: string | null, code: string, message: string }
    | { __typename: 'RateLimitedError', code: string, message: string }
    | { __typename: 'ThrottledError', requestId: string | null, retryAfterSeconds: number, code: string, message: string }
    | { __typename: 'UpstreamUnavailableError', requestId: string | null, outcomeUnknown: boolean, suggestedRetryAfterSeconds: number | null, code: string, message: string }
   };

export type UpdatePrintTaskOnceMutationVariables = Exact<{
  input: UpdatePrintTaskInput;
  idempotencyKey?: string | null | undefined;
}>;


export type UpdatePrintTaskOnceMutation = { updatePrintTask:
    | { __typename: 'CallBudgetExceededError', maxCallsPerRequest: number, requestedCalls: number, remainingCalls: number, code: string, message: string }
    | { __typename: 'ConflictError', requestId: string | null, code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'IdempotencyKeyInProgressError', code: string, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: string, message: string }
    | { __typename: 'IdempotencyUnavailableError', code: string, message: string }
    | { __typename: 'InvalidInputError', requestId: string | null, code: string, message: string, issues: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', requestId: string | null, code: string, message: string }
    | { __typename: 'PermissionDeniedError', requestId: string | null, code: string, message: string }
    | { __typename: 'RateLimitedError', code: string, message: string }
    | { __typename: 'ThrottledError', requestId: string | null, retryAfterSeconds: number, code: string, message: string }
    | { __typename: 'UpdatePrintTaskSuccess', printTask: { id: string, status: { state: PrintTaskState, description: string | null } } }
    | { __typename: 'UpstreamUnavailableError', requestId: string | null, outcomeUnknown: boolean, suggestedRetryAfterSeconds: number | null, code: string, message: string }
   };

export type RedirectPrintJobOnceMutationVariables = Exact<{
  input: RedirectPrintJobInput;
  idempotencyKey?: string | null | undefined;
}>;


export type RedirectPrintJobOnceMutation = { redirectPrintJob:
    | { __typename: 'CallBudgetExceededError', maxCallsPerRequest: number, requestedCalls: number, remainingCalls: number, code: string, message: string }
    | { __typename: 'ConflictError', requestId: string | null, code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'IdempotencyKeyInProgressError', code: string, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: string, message: string }
    | { __typename: 'IdempotencyUnavailableError', code: string, message: string }
    | { __typename: 'InvalidInputError', requestId: string | null, code: string, message: string, issues: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', requestId: string | null, code: string, message: string }
    | { __typename: 'PermissionDeniedError', requestId: string | null, code: string, message: string }
    | { __typename: 'RateLimitedError', code: string, message: string }
    | { __typename: 'RedirectPrintJobSuccess', printJob: { id: string, printerId: string, redirectedFrom: string | null } }
    | { __typename: 'ThrottledError', requestId: string | null, retryAfterSeconds: number, code: string, message: string }
    | { __typename: 'UpstreamUnavailableError', requestId: string | null, outcomeUnknown: boolean, suggestedRetryAfterSeconds: number | null, code: string, message: string }
   };

export type UpdatePrintTaskMutationVariables = Exact<{
  input: UpdatePrintTaskInput;
}>;


export type UpdatePrintTaskMutation = { updatePrintTask:
    | { __typename: 'CallBudgetExceededError', maxCallsPerRequest: number, requestedCalls: number, remainingCalls: number, code: string, message: string }
    | { __typename: 'ConflictError', requestId: string | null, code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'IdempotencyKeyInProgressError', code: string, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: string, message: string }
    | { __typename: 'IdempotencyUnavailableError', code: string, message: string }
    | { __typename: 'InvalidInputError', requestId: string | null, code: string, message: string, issues: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', requestId: string | null, code: string, message: string }
    | { __typename: 'PermissionDeniedError', requestId: string | null, code: string, message: string }
    | { __typename: 'RateLimitedError', code: string, message: string }
    | { __typename: 'ThrottledError', requestId: string | null, retryAfterSeconds: number, code: string, message: string }
    | { __typename: 'UpdatePrintTaskSuccess', printTask: { id: string, taskDefinitionId: string, parentUrl: string | null, printJob: { id: string, printerId: string, createdDateTime: string | null, createdBy: { id: string | null, userPrincipalName: string | null } | null, status: { state: PrintJobState, description: string | null, details: Array<PrintJobStateDetail>, isAcquiredByPrinter: boolean | null } } | null, status: { state: PrintTaskState, description: string | null } } }
    | { __typename: 'UpstreamUnavailableError', requestId: string | null, outcomeUnknown: boolean, suggestedRetryAfterSeconds: number | null, code: string, message: string }
   };

export type AbortPrintJobMutationVariables = Exact<{
  input: AbortPrintJobInput;
}>;


export type AbortPrintJobMutation = { abortPrintJob:
    | { __typename: 'AbortPrintJobSuccess', printerId: string, printJobId: string, printJob: { id: string, printerId: string, createdDateTime: string | null, tasks: Array<{ id: string, taskDefinitionId: string, parentUrl: string | null, status: { state: PrintTaskState, description: string | null } }>, createdBy: { id: string | null, userPrincipalName: string | null } | null, status: { state: PrintJobState, description: string | null, details: Array<PrintJobStateDetail>, isAcquiredByPrinter: boolean | null } } | null }
    | { __typename: 'CallBudgetExceededError', maxCallsPerRequest: number, requestedCalls: number, remainingCalls: number, code: string, message: string }
    | { __typename: 'ConflictError', requestId: string | null, code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'IdempotencyKeyInProgressError', code: string, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: string, message: string }
    | { __typename: 'IdempotencyUnavailableError', code: string, message: string }
    | { __typename: 'InvalidInputError', requestId: string | null, code: string, message: string, issues: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', requestId: string | null, code: string, message: string }
    | { __typename: 'PermissionDeniedError', requestId: string | null, code: string, message: string }
    | { __typename: 'RateLimitedError', code: string, message: string }
    | { __typename: 'ThrottledError', requestId: string | null, retryAfterSeconds: number, code: string, message: string }
    | { __typename: 'UpstreamUnavailableError', requestId: string | null, outcomeUnknown: boolean, suggestedRetryAfterSeconds: number | null, code: string, message: string }
   };

export type UpdatePrintTasksMutationVariables = Exact<{
  inputs: Array<UpdatePrintTaskInput> | UpdatePrintTaskInput;
  idempotencyKey?: string | null | undefined;
}>;


export type UpdatePrintTasksMutation = { updatePrintTasks:
    | { __typename: 'CallBudgetExceededError', maxCallsPerRequest: number, requestedCalls: number, remainingCalls: number, code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'IdempotencyKeyInProgressError', code: string, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: string, message: string }
    | { __typename: 'IdempotencyUnavailableError', code: string, message: string }
    | { __typename: 'InvalidInputError', requestId: string | null, code: string, message: string, issues: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'UpdatePrintTasksSuccess', results: Array<
        | { __typename: 'CallBudgetExceededError', maxCallsPerRequest: number, requestedCalls: number, remainingCalls: number, code: string, message: string }
        | { __typename: 'ConflictError', requestId: string | null, code: string, message: string }
        | { __typename: 'ForbiddenError', code: string, message: string }
        | { __typename: 'InvalidInputError', requestId: string | null, code: string, message: string, issues: Array<{ path: Array<string>, message: string }> }
        | { __typename: 'NotFoundError', requestId: string | null, code: string, message: string }
        | { __typename: 'PermissionDeniedError', requestId: string | null, code: string, message: string }
        | { __typename: 'RateLimitedError', code: string, message: string }
        | { __typename: 'ThrottledError', requestId: string | null, retryAfterSeconds: number, code: string, message: string }
        | { __typename: 'UpdatePrintTaskSuccess', printTask: { id: string, status: { state: PrintTaskState } } }
        | { __typename: 'UpstreamUnavailableError', requestId: string | null, outcomeUnknown: boolean, suggestedRetryAfterSeconds: number | null, code: string, message: string }
      > }
   };

export type AbortPrintJobsMutationVariables = Exact<{
  inputs: Array<AbortPrintJobInput> | AbortPrintJobInput;
  idempotencyKey?: string | null | undefined;
}>;


export type AbortPrintJobsMutation = { abortPrintJobs:
    | { __typename: 'AbortPrintJobsSuccess', results: Array<
        | { __typename: 'AbortPrintJobSuccess', printJobId: string, printJob: { status: { state: PrintJobState } } | null }
        | { __typename: 'CallBudgetExceededError', maxCallsPerRequest: number, requestedCalls: number, remainingCalls: number, code: string, message: string }
        | { __typename: 'ConflictError', requestId: string | null, code: string, message: string }
        | { __typename: 'ForbiddenError', code: string, message: string }
        | { __typename: 'InvalidInputError', requestId: string | null, code: string, message: string, issues: Array<{ path: Array<string>, message: string }> }
        | { __typename: 'NotFoundError', requestId: string | null, code: string, message: string }
        | { __typename: 'PermissionDeniedError', requestId: string | null, code: string, message: string }
        | { __typename: 'RateLimitedError', code: string, message: string }
        | { __typename: 'ThrottledError', requestId: string | null, retryAfterSeconds: number, code: string, message: string }
        | { __typename: 'UpstreamUnavailableError', requestId: string | null, outcomeUnknown: boolean, suggestedRetryAfterSeconds: number | null, code: string, message: string }
      > }
    | { __typename: 'CallBudgetExceededError', maxCallsPerRequest: number, requestedCalls: number, remainingCalls: number, code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'IdempotencyKeyInProgressError', code: string, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: string, message: string }
    | { __typename: 'IdempotencyUnavailableError', code: string, message: string }
    | { __typename: 'InvalidInputError', requestId: string | null, code: string, message: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type ReleaseScreenQueryVariables = Exact<{ [key: string]: never; }>;


export type ReleaseScreenQuery = { printTaskDefinitions: Array<{ id: string, displayName: string | null, createdBy: { appId: string | null, displayName: string | null } | null, tasks:
      | { __typename: 'CallBudgetExceededError' }
      | { __typename: 'ForbiddenError' }
      | { __typename: 'InvalidInputError' }
      | { __typename: 'NotFoundError' }
      | { __typename: 'PermissionDeniedError' }
      | { __typename: 'PrintTaskConnection', pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, taskDefinitionId: string, parentUrl: string | null, printJob: { id: string, printerId: string, createdDateTime: string | null, printer: { id: string, displayName: string | null } | null, createdBy: { id: string | null, userPrincipalName: string | null } | null, status: { state: PrintJobState, description: string | null, details: Array<PrintJobStateDetail>, isAcquiredByPrinter: boolean | null } } | null, status: { state: PrintTaskState, description: string | null } } }> }
      | { __typename: 'RateLimitedError' }
      | { __typename: 'ThrottledError' }
      | { __typename: 'UpstreamUnavailableError' }
     }> };

export type PrintTaskQueryVariables = Exact<{
  taskDefinitionId: string | number;
  id: string | number;
}>;


export type PrintTaskQuery = { printTask:
    | { __typename: 'CallBudgetExceededError', maxCallsPerRequest: number, requestedCalls: number, remainingCalls: number, code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidInputError', requestId: string | null, code: string, message: string, issues: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', requestId: string | null, code: string, message: string }
    | { __typename: 'PermissionDeniedError', requestId: string | null, code: string, message: string }
    | { __typename: 'PrintTask', id: string, taskDefinitionId: string, parentUrl: string | null, definition: { id: string, displayName: string | null } | null, status: { state: PrintTaskState, description: string | null } }
    | { __typename: 'RateLimitedError', code: string, message: string }
    | { __typename: 'ThrottledError', requestId: string | null, retryAfterSeconds: number, code: string, message: string }
    | { __typename: 'UpstreamUnavailableError', requestId: string | null, outcomeUnknown: boolean, suggestedRetryAfterSeconds: number | null, code: string, message: string }
   };

export type PrintJobQueryVariables = Exact<{
  printerId: string | number;
  id: string | number;
}>;


export type PrintJobQuery = { printJob:
    | { __typename: 'CallBudgetExceededError', maxCallsPerRequest: number, requestedCalls: number, remainingCalls: number, code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidInputError', requestId: string | null, code: string, message: string, issues: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', requestId: string | null, code: string, message: string }
    | { __typename: 'PermissionDeniedError', requestId: string | null, code: string, message: string }
    | { __typename: 'PrintJob', id: string, printerId: string, createdDateTime: string | null, tasks: Array<{ id: string, taskDefinitionId: string, parentUrl: string | null, status: { state: PrintTaskState, description: string | null } }>, createdBy: { id: string | null, userPrincipalName: string | null } | null, status: { state: PrintJobState, description: string | null, details: Array<PrintJobStateDetail>, isAcquiredByPrinter: boolean | null } }
    | { __typename: 'RateLimitedError', code: string, message: string }
    | { __typename: 'ThrottledError', requestId: string | null, retryAfterSeconds: number, code: string, message: string }
    | { __typename: 'UpstreamUnavailableError', requestId: string | null, outcomeUnknown: boolean, suggestedRetryAfterSeconds: number | null, code: string, message: string }
   };

export type PrintJobsQueryVariables = Exact<{
  printerId: string | number;
  a: string | number;
  b: string | number;
}>;


export type PrintJobsQuery = { a:
    | { __typename: 'CallBudgetExceededError' }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'InvalidInputError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'PermissionDeniedError' }
    | { __typename: 'PrintJob', id: string }
    | { __typename: 'RateLimitedError' }
    | { __typename: 'ThrottledError' }
    | { __typename: 'UpstreamUnavailableError' }
  , b:
    | { __typename: 'CallBudgetExceededError' }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'InvalidInputError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'PermissionDeniedError' }
    | { __typename: 'PrintJob', id: string }
    | { __typename: 'RateLimitedError' }
    | { __typename: 'ThrottledError' }
    | { __typename: 'UpstreamUnavailableError' }
   };

export type PrinterQueryVariables = Exact<{
  id: string | number;
}>;


export type PrinterQuery = { printer:
    | { __typename: 'CallBudgetExceededError', maxCallsPerRequest: number, requestedCalls: number, remainingCalls: number, code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidInputError', requestId: string | null, code: string, message: string, issues: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', requestId: string | null, code: string, message: string }
    | { __typename: 'PermissionDeniedError', requestId: string | null, code: string, message: string }
    | { __typename: 'Printer', id: string, displayName: string | null, isAcceptingJobs: boolean | null, hasPhysicalDevice: boolean | null, status: { state: PrinterState, details: Array<string> }, jobs:
        | { __typename: 'CallBudgetExceededError' }
        | { __typename: 'ForbiddenError' }
        | { __typename: 'InvalidInputError' }
        | { __typename: 'NotFoundError' }
        | { __typename: 'PermissionDeniedError' }
        | { __typename: 'PrintJobConnection', pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, printerId: string, createdDateTime: string | null, tasks: Array<{ id: string, taskDefinitionId: string, parentUrl: string | null, status: { state: PrintTaskState, description: string | null } }>, createdBy: { id: string | null, userPrincipalName: string | null } | null, status: { state: PrintJobState, description: string | null, details: Array<PrintJobStateDetail>, isAcquiredByPrinter: boolean | null } } }> }
        | { __typename: 'RateLimitedError' }
        | { __typename: 'ThrottledError' }
        | { __typename: 'UpstreamUnavailableError' }
       }
    | { __typename: 'RateLimitedError', code: string, message: string }
    | { __typename: 'ThrottledError', requestId: string | null, retryAfterSeconds: number, code: string, message: string }
    | { __typename: 'UpstreamUnavailableError', requestId: string | null, outcomeUnknown: boolean, suggestedRetryAfterSeconds: number | null, code: string, message: string }
   };

export type PrintTaskDefinitionQueryVariables = Exact<{
  id: string | number;
}>;


export type PrintTaskDefinitionQuery = { printTaskDefinition:
    | { __typename: 'CallBudgetExceededError', maxCallsPerRequest: number, requestedCalls: number, remainingCalls: number, code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'InvalidInputError', requestId: string | null, code: string, message: string, issues: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', requestId: string | null, code: string, message: string }
    | { __typename: 'PermissionDeniedError', requestId: string | null, code: string, message: string }
    | { __typename: 'PrintTaskDefinition', id: string, displayName: string | null, tasks:
        | { __typename: 'CallBudgetExceededError' }
        | { __typename: 'ForbiddenError' }
        | { __typename: 'InvalidInputError' }
        | { __typename: 'NotFoundError' }
        | { __typename: 'PermissionDeniedError' }
        | { __typename: 'PrintTaskConnection', pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string } }> }
        | { __typename: 'RateLimitedError' }
        | { __typename: 'ThrottledError' }
        | { __typename: 'UpstreamUnavailableError' }
       }
    | { __typename: 'RateLimitedError', code: string, message: string }
    | { __typename: 'ThrottledError', requestId: string | null, retryAfterSeconds: number, code: string, message: string }
    | { __typename: 'UpstreamUnavailableError', requestId: string | null, outcomeUnknown: boolean, suggestedRetryAfterSeconds: number | null, code: string, message: string }
   };

export type RedirectPrintJobMutationVariables = Exact<{
  input: RedirectPrintJobInput;
}>;


export type RedirectPrintJobMutation = { redirectPrintJob:
    | { __typename: 'CallBudgetExceededError', maxCallsPerRequest: number, requestedCalls: number, remainingCalls: number, code: string, message: string }
    | { __typename: 'ConflictError', requestId: string | null, code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'IdempotencyKeyInProgressError', code: string, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: string, message: string }
    | { __typename: 'IdempotencyUnavailableError', code: string, message: string }
    | { __typename: 'InvalidInputError', requestId: string | null, code: string, message: string, issues: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', requestId: string | null, code: string, message: string }
    | { __typename: 'PermissionDeniedError', requestId: string | null, code: string, message: string }
    | { __typename: 'RateLimitedError', code: string, message: string }
    | { __typename: 'RedirectPrintJobSuccess', printJob: { redirectedFrom: string | null, redirectedTo: string | null, id: string, printerId: string, createdDateTime: string | null, createdBy: { id: string | null, userPrincipalName: string | null } | null, status: { state: PrintJobState, description: string | null, details: Array<PrintJobStateDetail>, isAcquiredByPrinter: boolean | null } } }
    | { __typename: 'ThrottledError', requestId: string | null, retryAfterSeconds: number, code: string, message: string }
    | { __typename: 'UpstreamUnavailableError', requestId: string | null, outcomeUnknown: boolean, suggestedRetryAfterSeconds: number | null, code: string, message: string }
   };

export type ReleasePrintJobsMutationVariables = Exact<{
  input: ReleasePrintJobsInput;
  idempotencyKey?: string | null | undefined;
}>;


export type ReleasePrintJobsMutation = { releasePrintJobs:
    | { __typename: 'CallBudgetExceededError', maxCallsPerRequest: number, requestedCalls: number, remainingCalls: number, code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'IdempotencyKeyInProgressError', code: string, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: string, message: string }
    | { __typename: 'IdempotencyUnavailableError', code: string, message: string }
    | { __typename: 'InvalidInputError', requestId: string | null, code: string, message: string, issues: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'NotFoundError', requestId: string | null, code: string, message: string }
    | { __typename: 'PermissionDeniedError', requestId: string | null, code: string, message: string }
    | { __typename: 'RateLimitedError', code: string, message: string }
    | { __typename: 'ReleasePrintJobsSuccess', results: Array<{ printerId: string, printJobId: string, result:
          | { __typename: 'CallBudgetExceededError', code: string, message: string }
          | { __typename: 'ConflictError', code: string, message: string, requestId: string | null }
          | { __typename: 'ForbiddenError', code: string, message: string }
          | { __typename: 'InvalidInputError', code: string, message: string }
          | { __typename: 'NotFoundError', code: string, message: string, requestId: string | null }
          | { __typename: 'PermissionDeniedError', code: string, message: string, requestId: string | null }
          | { __typename: 'RateLimitedError', code: string, message: string }
          | { __typename: 'RedirectPrintJobSuccess', printJob: { id: string, printerId: string, redirectedFrom: string | null } }
          | { __typename: 'ThrottledError', code: string, message: string, requestId: string | null }
          | { __typename: 'UpstreamUnavailableError', code: string, message: string, requestId: string | null, outcomeUnknown: boolean }
         }> }
    | { __typename: 'ThrottledError', requestId: string | null, retryAfterSeconds: number, code: string, message: string }
    | { __typename: 'UpstreamUnavailableError', requestId: string | null, outcomeUnknown: boolean, suggestedRetryAfterSeconds: number | null, code: string, message: string }
   };

export const ErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ThrottledError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedRetryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallBudgetExceededError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxCallsPerRequest"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCalls"}},{"kind":"Field","name":{"kind":"Name","value":"remainingCalls"}}]}}]}}]} as unknown as DocumentNode<ErrorFieldsFragment, unknown>;
export const TaskFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintTask"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"taskDefinitionId"}},{"kind":"Field","name":{"kind":"Name","value":"parentUrl"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]} as unknown as DocumentNode<TaskFieldsFragment, unknown>;
export const JobFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"printerId"}},{"kind":"Field","name":{"kind":"Name","value":"createdDateTime"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userPrincipalName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"isAcquiredByPrinter"}}]}}]}}]} as unknown as DocumentNode<JobFieldsFragment, unknown>;
export const PrinterJobsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PrinterJobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"printer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Printer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintJobConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ThrottledError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedRetryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallBudgetExceededError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxCallsPerRequest"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCalls"}},{"kind":"Field","name":{"kind":"Name","value":"remainingCalls"}}]}}]}}]} as unknown as DocumentNode<PrinterJobsQuery, PrinterJobsQueryVariables>;
export const ReleaseTasksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReleaseTasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"printTaskDefinitions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintTaskConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"printJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReleaseTasksQuery, ReleaseTasksQueryVariables>;
export const AbortPrintJobsBareDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AbortPrintJobsBare"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AbortPrintJobInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"abortPrintJobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inputs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AbortPrintJobsSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ThrottledError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedRetryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallBudgetExceededError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxCallsPerRequest"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCalls"}},{"kind":"Field","name":{"kind":"Name","value":"remainingCalls"}}]}}]}}]} as unknown as DocumentNode<AbortPrintJobsBareMutation, AbortPrintJobsBareMutationVariables>;
export const UpdatePrintTasksBareDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePrintTasksBare"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePrintTaskInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePrintTasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inputs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePrintTasksSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ThrottledError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedRetryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallBudgetExceededError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxCallsPerRequest"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCalls"}},{"kind":"Field","name":{"kind":"Name","value":"remainingCalls"}}]}}]}}]} as unknown as DocumentNode<UpdatePrintTasksBareMutation, UpdatePrintTasksBareMutationVariables>;
export const AbortPrintJobOnceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AbortPrintJobOnce"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AbortPrintJobInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"abortPrintJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AbortPrintJobSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"printerId"}},{"kind":"Field","name":{"kind":"Name","value":"printJobId"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ThrottledError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedRetryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallBudgetExceededError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxCallsPerRequest"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCalls"}},{"kind":"Field","name":{"kind":"Name","value":"remainingCalls"}}]}}]}}]} as unknown as DocumentNode<AbortPrintJobOnceMutation, AbortPrintJobOnceMutationVariables>;
export const UpdatePrintTaskOnceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePrintTaskOnce"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePrintTaskInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePrintTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePrintTaskSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"printTask"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ThrottledError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedRetryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallBudgetExceededError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxCallsPerRequest"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCalls"}},{"kind":"Field","name":{"kind":"Name","value":"remainingCalls"}}]}}]}}]} as unknown as DocumentNode<UpdatePrintTaskOnceMutation, UpdatePrintTaskOnceMutationVariables>;
export const RedirectPrintJobOnceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RedirectPrintJobOnce"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RedirectPrintJobInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redirectPrintJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RedirectPrintJobSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"printJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"printerId"}},{"kind":"Field","name":{"kind":"Name","value":"redirectedFrom"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ThrottledError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedRetryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallBudgetExceededError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxCallsPerRequest"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCalls"}},{"kind":"Field","name":{"kind":"Name","value":"remainingCalls"}}]}}]}}]} as unknown as DocumentNode<RedirectPrintJobOnceMutation, RedirectPrintJobOnceMutationVariables>;
export const UpdatePrintTaskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePrintTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePrintTaskInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePrintTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePrintTaskSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"printTask"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskFields"}},{"kind":"Field","name":{"kind":"Name","value":"printJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobFields"}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintTask"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"taskDefinitionId"}},{"kind":"Field","name":{"kind":"Name","value":"parentUrl"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"printerId"}},{"kind":"Field","name":{"kind":"Name","value":"createdDateTime"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userPrincipalName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"isAcquiredByPrinter"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ThrottledError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedRetryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallBudgetExceededError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxCallsPerRequest"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCalls"}},{"kind":"Field","name":{"kind":"Name","value":"remainingCalls"}}]}}]}}]} as unknown as DocumentNode<UpdatePrintTaskMutation, UpdatePrintTaskMutationVariables>;
export const AbortPrintJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AbortPrintJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AbortPrintJobInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"abortPrintJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AbortPrintJobSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"printerId"}},{"kind":"Field","name":{"kind":"Name","value":"printJobId"}},{"kind":"Field","name":{"kind":"Name","value":"printJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobFields"}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskFields"}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"printerId"}},{"kind":"Field","name":{"kind":"Name","value":"createdDateTime"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userPrincipalName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"isAcquiredByPrinter"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintTask"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"taskDefinitionId"}},{"kind":"Field","name":{"kind":"Name","value":"parentUrl"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ThrottledError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedRetryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallBudgetExceededError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxCallsPerRequest"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCalls"}},{"kind":"Field","name":{"kind":"Name","value":"remainingCalls"}}]}}]}}]} as unknown as DocumentNode<AbortPrintJobMutation, AbortPrintJobMutationVariables>;
export const UpdatePrintTasksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePrintTasks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePrintTaskInput"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePrintTasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inputs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePrintTasksSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePrintTaskSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"printTask"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ThrottledError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedRetryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallBudgetExceededError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxCallsPerRequest"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCalls"}},{"kind":"Field","name":{"kind":"Name","value":"remainingCalls"}}]}}]}}]} as unknown as DocumentNode<UpdatePrintTasksMutation, UpdatePrintTasksMutationVariables>;
export const AbortPrintJobsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AbortPrintJobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AbortPrintJobInput"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"abortPrintJobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inputs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AbortPrintJobsSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AbortPrintJobSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"printJobId"}},{"kind":"Field","name":{"kind":"Name","value":"printJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ThrottledError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedRetryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallBudgetExceededError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxCallsPerRequest"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCalls"}},{"kind":"Field","name":{"kind":"Name","value":"remainingCalls"}}]}}]}}]} as unknown as DocumentNode<AbortPrintJobsMutation, AbortPrintJobsMutationVariables>;
export const ReleaseScreenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReleaseScreen"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"printTaskDefinitions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appId"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintTaskConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskFields"}},{"kind":"Field","name":{"kind":"Name","value":"printJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobFields"}},{"kind":"Field","name":{"kind":"Name","value":"printer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintTask"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"taskDefinitionId"}},{"kind":"Field","name":{"kind":"Name","value":"parentUrl"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"printerId"}},{"kind":"Field","name":{"kind":"Name","value":"createdDateTime"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userPrincipalName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"isAcquiredByPrinter"}}]}}]}}]} as unknown as DocumentNode<ReleaseScreenQuery, ReleaseScreenQueryVariables>;
export const PrintTaskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PrintTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"taskDefinitionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"printTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"taskDefinitionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"taskDefinitionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintTask"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskFields"}},{"kind":"Field","name":{"kind":"Name","value":"definition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintTask"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"taskDefinitionId"}},{"kind":"Field","name":{"kind":"Name","value":"parentUrl"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ThrottledError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedRetryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallBudgetExceededError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxCallsPerRequest"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCalls"}},{"kind":"Field","name":{"kind":"Name","value":"remainingCalls"}}]}}]}}]} as unknown as DocumentNode<PrintTaskQuery, PrintTaskQueryVariables>;
export const PrintJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PrintJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"printerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"printJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"printerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"printerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobFields"}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskFields"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"printerId"}},{"kind":"Field","name":{"kind":"Name","value":"createdDateTime"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userPrincipalName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"isAcquiredByPrinter"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintTask"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"taskDefinitionId"}},{"kind":"Field","name":{"kind":"Name","value":"parentUrl"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ThrottledError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedRetryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallBudgetExceededError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxCallsPerRequest"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCalls"}},{"kind":"Field","name":{"kind":"Name","value":"remainingCalls"}}]}}]}}]} as unknown as DocumentNode<PrintJobQuery, PrintJobQueryVariables>;
export const PrintJobsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PrintJobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"printerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"b"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"a"},"name":{"kind":"Name","value":"printJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"printerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"printerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"b"},"name":{"kind":"Name","value":"printJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"printerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"printerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"b"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<PrintJobsQuery, PrintJobsQueryVariables>;
export const PrinterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Printer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"printer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Printer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"isAcceptingJobs"}},{"kind":"Field","name":{"kind":"Name","value":"hasPhysicalDevice"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintJobConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobFields"}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskFields"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"printerId"}},{"kind":"Field","name":{"kind":"Name","value":"createdDateTime"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userPrincipalName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"isAcquiredByPrinter"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintTask"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"taskDefinitionId"}},{"kind":"Field","name":{"kind":"Name","value":"parentUrl"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ThrottledError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedRetryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallBudgetExceededError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxCallsPerRequest"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCalls"}},{"kind":"Field","name":{"kind":"Name","value":"remainingCalls"}}]}}]}}]} as unknown as DocumentNode<PrinterQuery, PrinterQueryVariables>;
export const PrintTaskDefinitionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PrintTaskDefinition"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"printTaskDefinition"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintTaskDefinition"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintTaskConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ThrottledError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedRetryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallBudgetExceededError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxCallsPerRequest"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCalls"}},{"kind":"Field","name":{"kind":"Name","value":"remainingCalls"}}]}}]}}]} as unknown as DocumentNode<PrintTaskDefinitionQuery, PrintTaskDefinitionQueryVariables>;
export const RedirectPrintJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RedirectPrintJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RedirectPrintJobInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redirectPrintJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RedirectPrintJobSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"printJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobFields"}},{"kind":"Field","name":{"kind":"Name","value":"redirectedFrom"}},{"kind":"Field","name":{"kind":"Name","value":"redirectedTo"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PrintJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"printerId"}},{"kind":"Field","name":{"kind":"Name","value":"createdDateTime"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userPrincipalName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"isAcquiredByPrinter"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ThrottledError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedRetryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallBudgetExceededError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxCallsPerRequest"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCalls"}},{"kind":"Field","name":{"kind":"Name","value":"remainingCalls"}}]}}]}}]} as unknown as DocumentNode<RedirectPrintJobMutation, RedirectPrintJobMutationVariables>;
export const ReleasePrintJobsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReleasePrintJobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReleasePrintJobsInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"releasePrintJobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReleasePrintJobsSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"printerId"}},{"kind":"Field","name":{"kind":"Name","value":"printJobId"}},{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RedirectPrintJobSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"printJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"printerId"}},{"kind":"Field","name":{"kind":"Name","value":"redirectedFrom"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}}]}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidInputError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ThrottledError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcomeUnknown"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedRetryAfterSeconds"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallBudgetExceededError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxCallsPerRequest"}},{"kind":"Field","name":{"kind":"Name","value":"requestedCalls"}},{"kind":"Field","name":{"kind":"Name","value":"remainingCalls"}}]}}]}}]} as unknown as DocumentNode<ReleasePrintJobsMutation, ReleasePrintJobsMutationVariables>;