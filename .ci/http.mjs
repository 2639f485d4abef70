// HTTP helpers for .ci/prod-smoke.sh, on node's own fetch (no curl needed):
//   node .ci/http.mjs free-port                 a free loopback TCP port
//   node .ci/http.mjs wait URL [TRIES] [MS]     until URL answers 2xx (default 50 × 200 ms)
//   node .ci/http.mjs gateway-smoke URL KEY     GraphQL checks against a production gateway
import { createServer } from 'node:net';

const [command, ...args] = process.argv.slice(2);

const fail = (message) => {
  console.error(`http.mjs: ${message}`);
  process.exit(1);
};

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  console.log(port);
}

async function wait(url, tries = 50, intervalMs = 200) {
  let last = 'no answer';
  for (let attempt = 1; attempt <= tries; attempt++) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) {
        console.log(`${url} answered ${response.status} after ${attempt} attempt(s)`);
        return;
      }
      last = `status ${response.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  fail(`${url} did not answer 2xx after ${tries} × ${intervalMs} ms (last: ${last})`);
}

async function graphql(url, query, key) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    fail(`${url} answered ${response.status} with non-JSON: ${text.slice(0, 500)}`);
  }
  return { status: response.status, body, text };
}

async function gatewaySmoke(url, key) {
  const query = '{ printTaskDefinitions { id displayName } }';

  // The gateway acts with its own Graph credentials: without an API key it must refuse.
  const anonymous = await graphql(url, query);
  if (
    anonymous.status !== 401 ||
    anonymous.body.errors?.[0]?.extensions?.code !== 'UNAUTHENTICATED'
  ) {
    fail(
      `without an API key: expected 401 UNAUTHENTICATED, got ${anonymous.status} ${anonymous.text}`,
    );
  }
  console.log('without an API key: 401 UNAUTHENTICATED');

  const { status, body, text } = await graphql(url, query, key);
  const definitions = body.data?.printTaskDefinitions;
  if (status !== 200 || body.errors || !Array.isArray(definitions) || definitions.length < 1) {
    fail(
      `${query}: expected 200 with at least one definition and no errors, got ${status} ${text}`,
    );
  }
  for (const definition of definitions) {
    if (typeof definition?.id !== 'string' || typeof definition.displayName !== 'string') {
      fail(`malformed task definition: ${JSON.stringify(definition)}`);
    }
  }
  const names = definitions.map((d) => d.displayName).join(', ');
  console.log(`${query}: ${definitions.length} definition(s): ${names}`);
}

switch (command) {
  case 'free-port':
    await freePort();
    break;
  case 'wait':
    await wait(args[0], Number(args[1] ?? 50), Number(args[2] ?? 200));
    break;
  case 'gateway-smoke':
    await gatewaySmoke(args[0], args[1]);
    break;
  default:
    fail(`unknown command '${command}'`);
}
