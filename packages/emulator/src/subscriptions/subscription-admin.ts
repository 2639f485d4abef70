import type { AdminAnswer } from '../admin.js';
import { GraphFailure } from '../graph-errors.js';
import { isJsonObject } from '../json-object.js';
import type { SubscriptionService } from './subscription-service.js';
import { toGraphSubscription } from './subscription-shape.js';

// /_emulator/subscriptions…: what tests and demos use to watch deliveries and to make them go
// wrong on purpose. Plain JSON, no auth, like the other admin endpoints.

export const ADMIN_SUBSCRIPTIONS_PREFIX = '/_emulator/subscriptions';

/** Enough to lose or double a whole backlog; small enough to be a deliberate number. */
const MAX_KNOB_COUNT = 1000;

/** A week either way: far past Graph's 4,230-minute lifetime, still a deliberate number. */
const MAX_CLOCK_SKEW_MS = 7 * 24 * 60 * 60_000;

class KnobError extends Error {}

function parseBody(rawBody: string | undefined): Record<string, unknown> {
  if (rawBody === undefined || rawBody.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw new KnobError('The request body must be JSON.');
  }
  if (!isJsonObject(body)) throw new KnobError('The request body must be a JSON object.');
  return body;
}

function parseCount(rawBody: string | undefined): number {
  const count = parseBody(rawBody)['count'] ?? 1;
  if (
    typeof count !== 'number' ||
    !Number.isInteger(count) ||
    count < 0 ||
    count > MAX_KNOB_COUNT
  ) {
    throw new KnobError(`count must be an integer from 0 to ${MAX_KNOB_COUNT}.`);
  }
  return count;
}

function parseSkew(rawBody: string | undefined): number {
  const skew = parseBody(rawBody)['skewMs'];
  if (typeof skew !== 'number' || !Number.isInteger(skew) || Math.abs(skew) > MAX_CLOCK_SKEW_MS) {
    throw new KnobError(
      `skewMs must be an integer from -${MAX_CLOCK_SKEW_MS} to ${MAX_CLOCK_SKEW_MS}.`,
    );
  }
  return skew;
}

function error(status: number, code: string, message: string): AdminAnswer {
  return { status, body: { error: { code, message } } };
}

type Action = (rawBody: string | undefined, id: string) => AdminAnswer;

function routesFor(service: SubscriptionService): Record<string, Partial<Record<string, Action>>> {
  return {
    '': {
      GET: () => ({
        status: 200,
        body: {
          subscriptions: service.statuses().map(({ subscription, counts }) => ({
            ...toGraphSubscription(subscription),
            counts,
          })),
          knobs: service.knobs(),
          pendingDeliveries: service.pendingDeliveries(),
        },
      }),
    },
    '/drop': {
      POST: (rawBody) => ({
        status: 200,
        body: service.adjustKnobs({ dropNext: parseCount(rawBody) }),
      }),
    },
    '/duplicate': {
      POST: (rawBody) => ({
        status: 200,
        body: service.adjustKnobs({ duplicateNext: parseCount(rawBody) }),
      }),
    },
    '/clock': {
      POST: (rawBody) => {
        service.setClockSkew(parseSkew(rawBody));
        return { status: 200, body: { skewMs: service.clockSkewMs } };
      },
    },
    '/:id/expire': {
      POST: (_rawBody, id) => {
        service.expireNow(id);
        return { status: 204 };
      },
    },
    '/:id/lifecycle': {
      POST: (rawBody, id) => {
        const event = parseBody(rawBody)['lifecycleEvent'];
        if (typeof event !== 'string' || event === '') {
          throw new KnobError('Expected {"lifecycleEvent": "reauthorizationRequired"}.');
        }
        service.sendLifecycle(id, event);
        return { status: 202 };
      },
    },
  };
}

/** Answers paths under ADMIN_SUBSCRIPTIONS_PREFIX. */
export function createSubscriptionAdmin(
  service: SubscriptionService,
): (method: string, path: string, rawBody: string | undefined) => AdminAnswer {
  const routes = routesFor(service);
  return (method, path, rawBody) => {
    const rest = path.slice(ADMIN_SUBSCRIPTIONS_PREFIX.length).replace(/\/+$/, '');
    const withId = /^\/([^/]+)(\/(?:expire|lifecycle))$/.exec(rest);
    const isKnob = ['', '/drop', '/duplicate', '/clock'].includes(rest);
    const key = isKnob ? rest : withId ? `/:id${withId[2]}` : undefined;
    const methods = key === undefined ? undefined : routes[key];
    if (methods === undefined) {
      return error(404, 'notFound', `No admin endpoint ${path}.`);
    }
    const action = methods[method];
    if (action === undefined) {
      return {
        ...error(405, 'methodNotAllowed', `${method} is not allowed on ${path}.`),
        headers: { Allow: Object.keys(methods).join(', ') },
      };
    }
    try {
      return action(rawBody, decodeURIComponent(withId?.[1] ?? ''));
    } catch (caught) {
      if (caught instanceof KnobError || caught instanceof URIError) {
        return error(400, 'badRequest', caught.message);
      }
      if (caught instanceof GraphFailure) return error(caught.status, caught.code, caught.message);
      throw caught;
    }
  };
}
