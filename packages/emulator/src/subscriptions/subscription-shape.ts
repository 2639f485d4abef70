import { GRAPH_ROOT } from '../graph-urls.js';
import type { SubscriptionRecord } from './subscription-record.js';

// Graph's wire form of a subscription entity.

export const SUBSCRIPTION_CONTEXT = `${GRAPH_ROOT}/$metadata#subscriptions`;

export function toGraphSubscription(record: SubscriptionRecord): Record<string, unknown> {
  return {
    id: record.id,
    resource: record.resource,
    applicationId: record.applicationId,
    changeType: record.changeType,
    clientState: record.clientState,
    notificationUrl: record.notificationUrl,
    notificationQueryOptions: record.notificationQueryOptions,
    lifecycleNotificationUrl: record.lifecycleNotificationUrl,
    expirationDateTime: new Date(record.expiresAt).toISOString(),
    creatorId: record.creatorId,
    includeResourceData: null,
    latestSupportedTlsVersion: record.latestSupportedTlsVersion,
    encryptionCertificate: null,
    encryptionCertificateId: null,
    notificationUrlAppId: null,
  };
}

export function subscriptionEntity(record: SubscriptionRecord): Record<string, unknown> {
  return { '@odata.context': `${SUBSCRIPTION_CONTEXT}/$entity`, ...toGraphSubscription(record) };
}
