/**
 * Reference server 1, the floor of the CPU benchmark: a bare `node:http` proxy. It parses the
 * JSON body, makes the same Graph calls as the gateway with the global `fetch`, and writes the
 * JSON answer. No GraphQL, no authentication, no limits, no logs: what forwarding alone costs.
 *
 * Environment: PORT, GRAPH_VERSION_ROOT (e.g. http://127.0.0.1:4010/v1.0), GRAPH_ACCESS_TOKEN:
 * the gateway's app token for a release, a person's delegated Graph token for `createPrintJob`
 * (Graph creates jobs for people only; the benchmark exchanges it once, on-behalf-of, before the
 * load, as the gateway's warm calls find theirs cached).
 */
import { createServer } from 'node:http';
import {
  createShareJobCall,
  createUploadSessionCall,
  firstItems,
  graphClient,
  printerCall,
  printerJobsCall,
  releaseCall,
} from './upstream-calls.mjs';

const root = process.env.GRAPH_VERSION_ROOT;
const graph = graphClient(process.env.GRAPH_ACCESS_TOKEN);

/**
 * `createPrintJob` carries an `input` with a `printerShareId`, a release another `input`; a read
 * of the release screen `printerId` and `first`.
 */
async function answer({ variables }) {
  if (variables.input?.printerShareId)
    return { createPrintJob: await createPrintJob(variables.input) };
  if (variables.input) return { updatePrintTask: await graph(releaseCall(root, variables.input)) };
  const printer = await graph(printerCall(root, variables.printerId));
  const jobs = await firstItems(graph, printerJobsCall(root, variables.printerId), variables.first);
  return { printer: { ...printer, jobs } };
}

/** The job with its document, then the document's upload session: `createPrintJob`'s two calls. */
async function createPrintJob(input) {
  const job = await graph(createShareJobCall(root, input));
  const upload = await graph(createUploadSessionCall(root, input, job));
  return { printJob: { id: job.id }, upload };
}

createServer((request, response) => {
  let text = '';
  request.setEncoding('utf8');
  request.on('data', (chunk) => {
    text += chunk;
  });
  request.on('end', () => {
    Promise.resolve()
      .then(() => answer(JSON.parse(text)))
      .then(
        (data) => {
          const json = JSON.stringify({ data });
          response.writeHead(200, {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(json),
          });
          response.end(json);
        },
        () => response.writeHead(502).end(),
      );
  });
}).listen(Number(process.env.PORT), '127.0.0.1');
