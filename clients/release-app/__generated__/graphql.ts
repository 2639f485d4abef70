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

export type AbortMutationVariables = Exact<{
  input: AbortPrintJobInput;
}>;


export type AbortMutation = { abortPrintJob:
    | { __typename: 'AbortPrintJobSuccess', printJobId: string, printJob: { status: { state: PrintJobState }, tasks: Array<{ status: { state: PrintTaskState } }> } | null }
    | { __typename: 'CallBudgetExceededError', code: string, message: string }
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'IdempotencyKeyInProgressError', code: string, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: string, message: string }
    | { __typename: 'IdempotencyUnavailableError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'PermissionDeniedError', code: string, message: string }
    | { __typename: 'RateLimitedError', code: string, message: string }
    | { __typename: 'ThrottledError', code: string, message: string }
    | { __typename: 'UpstreamUnavailableError', code: string, message: string }
   };

export type MyWaitingJobsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  printerId?: string | number | null | undefined;
}>;


export type MyWaitingJobsQuery = { myPrintJobs:
    | { code: string, message: string }
    | { code: string, message: string }
    | { code: string, message: string }
    | { code: string, message: string }
    | { code: string, message: string }
    | { code: string, message: string }
    | { code: string, message: string }
    | { code: string, message: string }
    | { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, printerId: string, document: { displayName: string | null } | null, status: { state: PrintJobState, details: Array<PrintJobStateDetail> } } }> }
   };

export type RedirectMutationVariables = Exact<{
  input: RedirectPrintJobInput;
}>;


export type RedirectMutation = { redirectPrintJob:
    | { __typename: 'CallBudgetExceededError', code: string, message: string }
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'IdempotencyKeyInProgressError', code: string, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: string, message: string }
    | { __typename: 'IdempotencyUnavailableError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'PermissionDeniedError', code: string, message: string }
    | { __typename: 'RateLimitedError', code: string, message: string }
    | { __typename: 'RedirectPrintJobSuccess', printJob: { id: string, printerId: string, redirectedFrom: string | null, status: { state: PrintJobState } } }
    | { __typename: 'ThrottledError', code: string, message: string }
    | { __typename: 'UpstreamUnavailableError', code: string, message: string }
   };

export type ReleaseAllHereMutationVariables = Exact<{
  input: ReleasePrintJobsInput;
  idempotencyKey?: string | null | undefined;
}>;


export type ReleaseAllHereMutation = { releasePrintJobs:
    | { __typename: 'CallBudgetExceededError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'IdempotencyKeyInProgressError', code: string, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: string, message: string }
    | { __typename: 'IdempotencyUnavailableError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'PermissionDeniedError', code: string, message: string }
    | { __typename: 'RateLimitedError', code: string, message: string }
    | { __typename: 'ReleasePrintJobsSuccess', results: Array<{ printerId: string, printJobId: string, result:
          | { __typename: 'CallBudgetExceededError', code: string, message: string }
          | { __typename: 'ConflictError', code: string, message: string }
          | { __typename: 'ForbiddenError', code: string, message: string }
          | { __typename: 'InvalidInputError', code: string, message: string }
          | { __typename: 'NotFoundError', code: string, message: string }
          | { __typename: 'PermissionDeniedError', code: string, message: string }
          | { __typename: 'RateLimitedError', code: string, message: string }
          | { __typename: 'RedirectPrintJobSuccess', printJob: { id: string, printerId: string, status: { state: PrintJobState } } }
          | { __typename: 'ThrottledError', code: string, message: string }
          | { __typename: 'UpstreamUnavailableError', code: string, message: string }
         }> }
    | { __typename: 'ThrottledError', code: string, message: string }
    | { __typename: 'UpstreamUnavailableError', code: string, message: string }
   };

export type ReleaseScreenQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ReleaseScreenQuery = { printTaskDefinitions: Array<{ id: string, displayName: string | null, tasks:
      | { code: string, message: string }
      | { code: string, message: string }
      | { code: string, message: string }
      | { code: string, message: string }
      | { code: string, message: string }
      | { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, taskDefinitionId: string, status: { state: PrintTaskState }, printJob: { id: string, printerId: string, createdBy: { userPrincipalName: string | null } | null, status: { state: PrintJobState, details: Array<PrintJobStateDetail> }, document: { displayName: string | null } | null, printer: { displayName: string | null } | null } | null } }> }
      | { code: string, message: string }
      | { code: string, message: string }
      | { code: string, message: string }
     }> };

export type ReleaseMutationVariables = Exact<{
  input: UpdatePrintTaskInput;
}>;


export type ReleaseMutation = { updatePrintTask:
    | { __typename: 'CallBudgetExceededError', code: string, message: string }
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'IdempotencyKeyInProgressError', code: string, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: string, message: string }
    | { __typename: 'IdempotencyUnavailableError', code: string, message: string }
    | { __typename: 'InvalidInputError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'PermissionDeniedError', code: string, message: string }
    | { __typename: 'RateLimitedError', code: string, message: string }
    | { __typename: 'ThrottledError', code: string, message: string }
    | { __typename: 'UpdatePrintTaskSuccess', printTask: { id: string, status: { state: PrintTaskState }, printJob: { id: string, status: { state: PrintJobState, details: Array<PrintJobStateDetail> } } | null } }
    | { __typename: 'UpstreamUnavailableError', code: string, message: string }
   };


export const AbortDocument = {"__meta__":{"hash":"sha256:6b8f19b2ceaf79cc8927052fc1bea082927b5bacdf0b6e172dd1ce59c705ac43"}} as unknown as DocumentNode<AbortMutation, AbortMutationVariables>;
export const MyWaitingJobsDocument = {"__meta__":{"hash":"sha256:40290fedac60dbfe8205163318cd9756df7061685e7de8f684627fc33f70e9a7"}} as unknown as DocumentNode<MyWaitingJobsQuery, MyWaitingJobsQueryVariables>;
export const RedirectDocument = {"__meta__":{"hash":"sha256:9d643cfdce0b88267e722cb582f39236fb1be1d16deac6fb6dcc4e49567fa102"}} as unknown as DocumentNode<RedirectMutation, RedirectMutationVariables>;
export const ReleaseAllHereDocument = {"__meta__":{"hash":"sha256:7bf6e79091186529218ac2aa1bc267503246e0f5df30889e5920a7b68ff9add6"}} as unknown as DocumentNode<ReleaseAllHereMutation, ReleaseAllHereMutationVariables>;
export const ReleaseScreenDocument = {"__meta__":{"hash":"sha256:af1ca6d676ac82df03c906cfdd762320d1b3ef9dd79faccd9797b361a8f18977"}} as unknown as DocumentNode<ReleaseScreenQuery, ReleaseScreenQueryVariables>;
export const ReleaseDocument = {"__meta__":{"hash":"sha256:258891d02512b7a1c7ada1568b2756cb8be1137c0afcb1b858dced1f2a74d090"}} as unknown as DocumentNode<ReleaseMutation, ReleaseMutationVariables>;