import { jsonResult, noContentResult } from '../graph-result.js';
import { collection } from '../graph-shapes.js';
import { readJsonObject } from '../request-body.js';
import type { Route } from '../router.js';
import type { SubscriptionService } from './subscription-service.js';
import {
  SUBSCRIPTION_CONTEXT,
  subscriptionEntity,
  toGraphSubscription,
} from './subscription-shape.js';

/** `/subscriptions` under /v1.0: create (with the handshake), list, get, renew, delete, reauthorize. */
export function subscriptionRoutes(service: SubscriptionService): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/subscriptions',
      handle: async (context) => {
        const body = readJsonObject(context.call, true) ?? {};
        const record = await service.create(context.caller, body);
        return jsonResult(201, subscriptionEntity(record));
      },
    },
    {
      method: 'GET',
      pattern: '/subscriptions',
      handle: (context) => {
        const value = service.list(context.caller).map(toGraphSubscription);
        return jsonResult(200, collection(SUBSCRIPTION_CONTEXT, { value }));
      },
    },
    {
      method: 'GET',
      pattern: '/subscriptions/:id',
      handle: (context) =>
        jsonResult(200, subscriptionEntity(service.get(context.caller, context.param('id')))),
    },
    {
      method: 'PATCH',
      pattern: '/subscriptions/:id',
      handle: (context) => {
        const body = readJsonObject(context.call, true) ?? {};
        const record = service.renew(context.caller, context.param('id'), body);
        return jsonResult(200, subscriptionEntity(record));
      },
    },
    {
      method: 'DELETE',
      pattern: '/subscriptions/:id',
      handle: (context) => {
        service.delete(context.caller, context.param('id'));
        return noContentResult();
      },
    },
    {
      method: 'POST',
      pattern: '/subscriptions/:id/reauthorize',
      handle: (context) => {
        service.reauthorize(context.caller, context.param('id'));
        return noContentResult();
      },
    },
  ];
}
