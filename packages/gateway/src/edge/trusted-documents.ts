/**
 * Trusted documents (persisted operations): the documents the release app sends, known in
 * advance by their SHA-256 (clients/release-app/__generated__/persisted-documents.json, written
 * by `npm run codegen`). A client sends only the hash; the gateway runs the document it maps to.
 * With `only`, people and anonymous callers may send nothing else, while apps and service keys
 * (routers acting as themselves, release stations, tools, all configured by operators) may
 * still send any document. docs/trusted-documents.md explains the choice.
 *
 * A hash arrives either way (both hex SHA-256 of the document text):
 * - `extensions.persistedQuery: { version: 1, sha256Hash: "<hex>" }`: Apollo's APQ shape;
 * - `documentId: "sha256:<hex>"`: the GraphQL-over-HTTP persisted-documents shape.
 * Unknown or malformed ids are refused with a stable code before anything is parsed or run, so
 * they never reach Graph.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Caller } from '../auth/caller.js';

export const TRUSTED_DOCUMENT_CODES = {
  /** A well-formed id that the manifest does not have. */
  unknown: 'PERSISTED_QUERY_NOT_IN_LIST',
  /** An id that is not a SHA-256 in either accepted shape. */
  malformed: 'PERSISTED_QUERY_ID_INVALID',
  /** Neither a document nor an id. */
  missing: 'PERSISTED_QUERY_ID_REQUIRED',
  /** A document sent by a caller who may send only trusted ones. */
  required: 'TRUSTED_DOCUMENT_REQUIRED',
} as const;

/** `sha256:<hex>` → document text, as the client preset writes it. */
export type TrustedDocumentManifest = ReadonlyMap<string, string>;

const HEX_SHA256 = /^[0-9a-f]{64}$/;
const DOCUMENT_ID = /^sha256:[0-9a-f]{64}$/;

export class TrustedDocumentsFileError extends Error {
  override readonly name = 'TrustedDocumentsFileError';
}

/**
 * Reads and checks a manifest: a JSON object of `sha256:<hex>` → document, each key the hash of
 * its document (a hand-edited or truncated file fails here, at start-up, not at a client).
 */
export function loadTrustedDocuments(path: string): TrustedDocumentManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new TrustedDocumentsFileError(`cannot read ${path} as JSON: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new TrustedDocumentsFileError(`${path} is not a JSON object of id → document`);
  }
  const manifest = new Map<string, string>();
  for (const [id, document] of Object.entries(parsed)) {
    if (!DOCUMENT_ID.test(id) || typeof document !== 'string') {
      throw new TrustedDocumentsFileError(`${path}: "${id}" is not sha256:<hex> → a document`);
    }
    if (`sha256:${sha256(document)}` !== id) {
      throw new TrustedDocumentsFileError(`${path}: "${id}" is not the SHA-256 of its document`);
    }
    manifest.set(id, document);
  }
  return manifest;
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function refusal(code: string, message: string): GraphQLError {
  // spec: false: the status holds whatever the client accepts; nothing was executed.
  const status = code === TRUSTED_DOCUMENT_CODES.required ? 403 : 400;
  return new GraphQLError(message, { extensions: { code, http: { status, spec: false } } });
}

/** The refusals of a request's document, the same over HTTP and WebSocket. */
const refusals = {
  unknown: () => refusal(TRUSTED_DOCUMENT_CODES.unknown, 'No trusted document has this id'),
  missing: () =>
    refusal(
      TRUSTED_DOCUMENT_CODES.missing,
      'Send a query, or the id of a trusted document (documentId or extensions.persistedQuery)',
    ),
  required: () =>
    refusal(
      TRUSTED_DOCUMENT_CODES.required,
      'This gateway runs only trusted documents for this caller: send the document id',
    ),
};

/** What of a request's parameters names its document. */
interface DocumentParams {
  readonly query?: unknown;
  readonly extensions?: unknown;
  readonly documentId?: unknown;
}

/** The document id the request names, `sha256:<hex>`; null when it names none. */
export function documentIdOf(params: DocumentParams): string | null {
  const { documentId } = params;
  const persistedQuery = (params.extensions as Record<string, unknown> | undefined)?.[
    'persistedQuery'
  ];
  if (documentId !== undefined && documentId !== null) {
    if (typeof documentId !== 'string' || !DOCUMENT_ID.test(documentId)) {
      throw refusal(
        TRUSTED_DOCUMENT_CODES.malformed,
        'documentId must be "sha256:" followed by 64 lower-case hex digits',
      );
    }
    return documentId;
  }
  if (persistedQuery === undefined || persistedQuery === null) return null;
  const { version, sha256Hash } = persistedQuery as Record<string, unknown>;
  if (version !== 1 || typeof sha256Hash !== 'string' || !HEX_SHA256.test(sha256Hash)) {
    throw refusal(
      TRUSTED_DOCUMENT_CODES.malformed,
      'extensions.persistedQuery must be { "version": 1, "sha256Hash": <64 lower-case hex digits> }',
    );
  }
  return `sha256:${sha256Hash}`;
}

/** Whom `only` leaves free to send any document: callers an operator configured. */
export const maySendAnyDocument = (caller: Caller): boolean =>
  caller.kind === 'app' || caller.kind === 'service-key';

export interface TrustedDocumentsOptions {
  manifest: TrustedDocumentManifest;
  /** People and anonymous callers may send only trusted documents. */
  only: boolean;
  /** The caller the authentication plugin established for this request. */
  callerOf(request: Request): Caller;
}

export function useTrustedDocuments({ manifest, only, callerOf }: TrustedDocumentsOptions): Plugin {
  return usePersistedOperations({
    getPersistedOperation: (id) => manifest.get(id) ?? null,
    extractPersistedOperationId: (params) => documentIdOf(params),
    allowArbitraryOperations: only ? (request) => maySendAnyDocument(callerOf(request)) : true,
    customErrors: {
      notFound: refusals.unknown,
      keyNotFound: refusals.missing,
      persistedQueryOnly: refusals.required,
    },
  });
}

/**
 * The document `params` run, as the plugin decides it, for operations that do not go through
 * yoga's HTTP pipeline (WebSocket, src/server/websocket-subscriptions.ts): the trusted document
 * its id names, or the query it sends if this caller may send one. Throws the plugin's refusals.
 * graphql-ws requires a `query` string, so a client that sends only an id sends `""` with it.
 */
export function trustedDocumentFor(
  params: DocumentParams,
  caller: Caller,
  { manifest, only }: Omit<TrustedDocumentsOptions, 'callerOf'>,
): string {
  const id = documentIdOf(params);
  if (id !== null) {
    const document = manifest.get(id);
    if (document === undefined) throw refusals.unknown();
    return document;
  }
  if (typeof params.query !== 'string' || params.query === '') throw refusals.missing();
  if (only && !maySendAnyDocument(caller)) throw refusals.required();
  return params.query;
}
