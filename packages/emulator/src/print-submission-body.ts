import { invalidRequest } from './graph-errors.js';
import { isJsonObject, type JsonObject } from './json-object.js';
import { type ConfigurationPatch, parseConfigurationPatch } from './print-job-configuration.js';
import { MAX_DOCUMENT_BYTES } from './upload-sessions.js';

// Body binding of the two submission calls: a job on a share (printershare-post-jobs.md) and an
// upload session for its document (printdocument-createuploadsession.md).

export interface ShareJobBody {
  displayName: string | undefined;
  configuration: ConfigurationPatch | undefined;
  document: { displayName: string; contentType: string; size: number };
}

export interface UploadProperties {
  documentName: string;
  contentType: string;
  size: number;
}

function text(object: JsonObject, name: string, where: string): string {
  const value = object[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidRequest(`${where}.${name} must be a non-empty string.`);
  }
  return value;
}

function byteSize(value: unknown, where: string, minimum: number): number {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < minimum ||
    value > MAX_DOCUMENT_BYTES
  ) {
    throw invalidRequest(
      `${where} must be an integer from ${minimum} to ${MAX_DOCUMENT_BYTES} bytes (1 GiB).`,
    );
  }
  return value;
}

/** Graph: "Universal Print supports only one printDocument per printJob". */
export function parseShareJob(body: JsonObject): ShareJobBody {
  const documents = body['documents'];
  if (!Array.isArray(documents) || documents.length !== 1 || !isJsonObject(documents[0])) {
    throw invalidRequest(
      'documents must hold exactly one printDocument: Universal Print allows one per job.',
    );
  }
  const document = documents[0];
  const displayName = body['displayName'];
  if (displayName !== undefined && displayName !== null && typeof displayName !== 'string') {
    throw invalidRequest('displayName must be a string.');
  }
  const configuration = body['configuration'];
  return {
    displayName: typeof displayName === 'string' ? displayName : undefined,
    configuration:
      configuration === undefined || configuration === null
        ? undefined
        : parseConfigurationPatch(configuration),
    document: {
      displayName: text(document, 'displayName', 'documents[0]'),
      contentType: text(document, 'contentType', 'documents[0]'),
      size: document['size'] === undefined ? 0 : byteSize(document['size'], 'documents[0].size', 0),
    },
  };
}

export function parseUploadProperties(body: JsonObject): UploadProperties {
  const properties = body['properties'];
  if (!isJsonObject(properties)) {
    throw invalidRequest('properties must be a printDocumentUploadProperties object.');
  }
  return {
    documentName: text(properties, 'documentName', 'properties'),
    contentType: text(properties, 'contentType', 'properties'),
    size: byteSize(properties['size'], 'properties.size', 1),
  };
}
