import { ENTRA, GATEWAY_API } from './entra/entra-seed.js';
import { DEMO, EMULATOR_TOKENS } from './seed.js';
import { startEmulator } from './server.js';

// `npm run emulator`: the only emulator file that reads the environment or has side effects.

function readPort(value: string | undefined): number {
  const port = Number(value ?? '4010');
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`EMULATOR_PORT must be an integer between 0 and 65535, got '${value}'.`);
  }
  return port;
}

function readDuration(value: string | undefined): number {
  const duration = Number(value ?? '0');
  if (!Number.isFinite(duration) || duration < 0) {
    throw new Error(`EMULATOR_PRINT_DURATION_MS must be a non-negative number, got '${value}'.`);
  }
  return duration;
}

function readPageSize(value: string | undefined): number {
  const size = Number(value ?? '10');
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`EMULATOR_PAGE_SIZE must be a positive integer, got '${value}'.`);
  }
  return size;
}

function readDuplicateRate(value: string | undefined): number {
  const rate = Number(value ?? '0');
  if (value?.trim() === '' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
    throw new Error(
      `EMULATOR_NOTIFICATION_DUPLICATE_RATE must be a number from 0 to 1, got '${value}'.`,
    );
  }
  return rate;
}

const emulator = await startEmulator({
  host: process.env['EMULATOR_HOST'] ?? '127.0.0.1',
  port: readPort(process.env['EMULATOR_PORT']),
  printDurationMs: readDuration(process.env['EMULATOR_PRINT_DURATION_MS']),
  pageSize: readPageSize(process.env['EMULATOR_PAGE_SIZE']),
  subscriptions: {
    duplicateRate: readDuplicateRate(process.env['EMULATOR_NOTIFICATION_DUPLICATE_RATE']),
  },
});

const graph = `${emulator.url}/v1.0`;
const tokenEndpoint = `${emulator.url}/${ENTRA.tenantId}/oauth2/v2.0/token`;
console.log(`Universal Print emulator listening on ${emulator.url} (Graph root ${graph})

Bearer tokens:
  gateway app (app-only)  ${EMULATOR_TOKENS.gatewayApp}
  other app (app-only)    ${EMULATOR_TOKENS.otherApp}
  Adele Vance (delegated) ${EMULATOR_TOKENS.user}

Try:
  curl -H 'Authorization: Bearer ${EMULATOR_TOKENS.gatewayApp}' \\
    ${graph}/print/taskDefinitions/${DEMO.taskDefinitionId}/tasks
  curl -X POST -H 'Content-Type: application/json' \\
    -d '{"printerId":"${DEMO.printers.floor1}"}' ${emulator.url}/_emulator/jobs
  # 25 more waiting jobs for Adele, so her list spans several pages:
  curl -X POST -H 'Content-Type: application/json' \
    -d '{"printerId":"${DEMO.printers.floor1}","userId":"${DEMO.users.adele.id}","count":25}' \
    ${emulator.url}/_emulator/jobs

Entra ID tokens for the gateway (AZURE_AUTHORITY_HOST=${emulator.url}; every identity, and how
to call the gateway with one: README.md#tokens-for-curl):
  # Adele, a person (ROPC through the public release app); Megan: username=${ENTRA.people.megan.userPrincipalName} password=${ENTRA.people.megan.password}
  curl ${tokenEndpoint} -d grant_type=password \\
    -d client_id=${ENTRA.apps.releaseApp.appId} -d username=${ENTRA.people.adele.userPrincipalName} \\
    -d password=${ENTRA.people.adele.password} -d scope=${GATEWAY_API.appIdUri}/Print.Release
  # The release station, an app (client credentials)
  curl ${tokenEndpoint} -d grant_type=client_credentials \\
    -d client_id=${ENTRA.apps.releaseStation.appId} -d client_secret=${ENTRA.apps.releaseStation.secret} \\
    -d scope=${GATEWAY_API.appIdUri}/.default
  # Adele's Graph token, as the gateway gets it on her behalf (ASSERTION = her token above)
  curl ${tokenEndpoint} -d grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer \\
    -d requested_token_use=on_behalf_of -d client_id=${ENTRA.apps.gateway.appId} \\
    -d client_secret=${ENTRA.apps.gateway.secret} -d scope=https://graph.microsoft.com/.default \\
    -d assertion=$ASSERTION

Printer shares (delegated only: a person's Graph token from the exchange above):
  follow-me ${DEMO.shares.followMe}   reception ${DEMO.shares.reception}
`);

let stopping = false;
const stop = (signal: NodeJS.Signals): void => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} received, closing the emulator.`);
  emulator.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
