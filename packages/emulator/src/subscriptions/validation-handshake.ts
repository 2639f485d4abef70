import { randomUUID } from 'node:crypto';
import { GraphFailure } from '../graph-errors.js';
import { OutboundTimeoutError, postOutbound } from './outbound-post.js';

// Graph's endpoint validation: before it creates a subscription it POSTs
// `{url}?validationToken=…` and wants, within 10 seconds, 200 text/plain with the decoded token.

/** Graph's documented handshake deadline. */
export const DEFAULT_HANDSHAKE_TIMEOUT_MS = 10_000;

/**
 * Real tokens are readable text with spaces and a colon, so an endpoint that forgets to decode the
 * query parameter fails here as it would against Graph.
 */
function newValidationToken(): string {
  return `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
}

// Graph's own codes and messages for the three ways a handshake fails.
const NOT_200 =
  'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.';
const WRONG_ECHO =
  'Subscription validation request failed. Response must exactly match validationToken query parameter.';
const TIMED_OUT = 'Subscription validation request timed out.';

function isTextPlain(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'text/plain';
}

/** Resolves when `endpoint` passes; throws the 400 Graph answers the create request with. */
export async function validateEndpoint(
  endpoint: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<void> {
  const token = newValidationToken();
  const url = new URL(endpoint);
  url.searchParams.set('validationToken', token);
  let answer: Awaited<ReturnType<typeof postOutbound>>;
  try {
    answer = await postOutbound({
      url,
      body: undefined,
      contentType: 'text/plain',
      timeoutMs,
      signal,
    });
  } catch (error) {
    if (error instanceof OutboundTimeoutError) {
      throw new GraphFailure(400, 'InvalidRequest', TIMED_OUT);
    }
    // Unreachable (refused, DNS, reset): Graph reports it like any endpoint that did not say 200.
    throw new GraphFailure(400, 'ValidationError', NOT_200);
  }
  if (answer.status !== 200) {
    throw new GraphFailure(400, 'ValidationError', NOT_200);
  }
  if (!isTextPlain(answer.contentType) || answer.text !== token) {
    throw new GraphFailure(400, 'ValidationError', WRONG_ECHO);
  }
}
