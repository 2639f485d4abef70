/**
 * The Graph calls both reference servers make, byte for byte the ones the gateway sends for the
 * same operations (bench/scenarios/cpu-per-operation.ts checks this against the replaying
 * Graph's log), so that every server parses the same recorded answers.
 */

/** `PATCH …/tasks/{id}`: the release. */
export function releaseCall(versionRoot, { taskDefinitionId, taskId, status }) {
  return {
    method: 'PATCH',
    url: `${versionRoot}/print/taskDefinitions/${encodeURIComponent(taskDefinitionId)}/tasks/${encodeURIComponent(taskId)}`,
    body: JSON.stringify({ status: { state: status.state.toLowerCase() } }),
  };
}

/** The release screen: the printer, then its jobs with tasks and documents. */
export function printerCall(versionRoot, printerId) {
  return { method: 'GET', url: `${versionRoot}/print/printers/${encodeURIComponent(printerId)}` };
}

/**
 * The first page of a printer's jobs. Graph takes no `$top` here, so a screen of `first` jobs
 * follows `@odata.nextLink` verbatim, page by page, as the gateway does.
 */
export function printerJobsCall(versionRoot, printerId) {
  return {
    method: 'GET',
    url: `${versionRoot}/print/printers/${encodeURIComponent(printerId)}/jobs?$expand=tasks($expand=definition),documents`,
  };
}

/** The first `first` items of a paged collection, read with `graph` from `call` on. */
export async function firstItems(graph, call, first) {
  const items = [];
  let page = await graph(call);
  items.push(...page.value);
  while (items.length < first && page['@odata.nextLink']) {
    page = await graph({ method: 'GET', url: page['@odata.nextLink'] });
    items.push(...page.value);
  }
  return items.slice(0, first);
}

/**
 * Sends one call with the global `fetch` and the gateway's token, resolving with the JSON answer:
 * the whole of a reference server's Graph client.
 */
export function graphClient(token) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  return async ({ method, url, body }) => {
    const response = await fetch(url, { method, headers, body });
    if (!response.ok) throw new Error(`Graph answered ${response.status}`);
    return response.json();
  };
}

/** `POST /print/shares/{id}/jobs`: `createPrintJob`'s job with its one document. */
export function createShareJobCall(versionRoot, { printerShareId, displayName, document }) {
  return {
    method: 'POST',
    url: `${versionRoot}/print/shares/${encodeURIComponent(printerShareId)}/jobs`,
    body: JSON.stringify({
      displayName,
      documents: [
        { displayName: document.name, contentType: document.contentType, size: document.size },
      ],
    }),
  };
}

/** `POST …/documents/{id}/createUploadSession`: where the client will PUT the bytes. */
export function createUploadSessionCall(versionRoot, { printerShareId, document }, job) {
  const ids = [printerShareId, job.id, job.documents[0].id].map(encodeURIComponent);
  return {
    method: 'POST',
    url: `${versionRoot}/print/shares/${ids[0]}/jobs/${ids[1]}/documents/${ids[2]}/createUploadSession`,
    body: JSON.stringify({
      properties: {
        documentName: document.name,
        contentType: document.contentType,
        size: document.size,
      },
    }),
  };
}
