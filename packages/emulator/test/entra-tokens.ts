import { ENTRA, GATEWAY_API } from '../src/entra/entra-seed.js';

// Tokens from the emulator's Entra as the gateway meets them: a person's token for the gateway's
// API (ROPC through the public release app), and the on-behalf-of exchange for Graph.

export type Person = keyof typeof ENTRA.people;

export interface TokenReply {
  status: number;
  body: Record<string, unknown>;
}

export async function tokenRequest(
  origin: string,
  form: Record<string, string>,
): Promise<TokenReply> {
  const response = await fetch(`${origin}/${ENTRA.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The person's access token for the gateway's API: what the gateway receives as a bearer. */
export async function personToken(origin: string, person: Person): Promise<string> {
  const reply = await tokenRequest(origin, {
    grant_type: 'password',
    client_id: ENTRA.apps.releaseApp.appId,
    username: ENTRA.people[person].userPrincipalName,
    password: ENTRA.people[person].password,
    scope: `${GATEWAY_API.appIdUri}/Print.Release`,
  });
  if (reply.status !== 200) throw new Error(`ROPC failed: ${JSON.stringify(reply.body)}`);
  return String(reply.body['access_token']);
}

/** The form the gateway posts for an on-behalf-of exchange, with `assertion`. */
export const oboForm = (assertion: string): Record<string, string> => ({
  grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
  requested_token_use: 'on_behalf_of',
  client_id: ENTRA.apps.gateway.appId,
  client_secret: ENTRA.apps.gateway.secret,
  scope: 'https://graph.microsoft.com/.default',
  assertion,
});

/** The person's delegated Graph token, through the on-behalf-of exchange. */
export async function graphTokenFor(origin: string, person: Person): Promise<string> {
  const reply = await tokenRequest(origin, oboForm(await personToken(origin, person)));
  if (reply.status !== 200) throw new Error(`OBO failed: ${JSON.stringify(reply.body)}`);
  return String(reply.body['access_token']);
}
