/**
 * What Graph POSTs to a notification URL, validated before anything acts on it: a `value` array
 * of change notifications (`changeType`, `resource`) or lifecycle notifications
 * (`lifecycleEvent`), each naming its subscription and carrying our `clientState`. Anything else
 * is garbage: refused whole with 400, nothing read from Graph.
 */
import { z } from 'zod';

/** Most notifications accepted in one POST; Graph batches, but not by thousands. */
export const MAX_NOTIFICATIONS_PER_POST = 100;
/** Largest body read, in bytes; beyond it the POST is refused without reading the rest. */
export const MAX_NOTIFICATION_BODY_BYTES = 256 * 1024;

const text = (max: number) => z.string().min(1).max(max);

const notification = z.object({
  subscriptionId: text(128),
  // Graph sends the clientState it was given: at most 128 characters (subscription.md).
  clientState: z.string().max(128).nullish(),
  changeType: text(64).optional(),
  resource: text(1_024).optional(),
  resourceData: z
    .object({ id: text(128).optional() })
    .passthrough()
    .nullish(),
  lifecycleEvent: text(64).optional(),
  tenantId: z.string().max(64).nullish(),
});

export type GraphNotification = z.infer<typeof notification>;

const body = z.object({ value: z.array(notification).min(1).max(MAX_NOTIFICATIONS_PER_POST) });

/** The notifications of a POST body, or null for garbage. */
export function parseNotifications(raw: string): GraphNotification[] | null {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = body.safeParse(json);
  return parsed.success ? parsed.data.value : null;
}

/** `print/taskDefinitions/{definition}/tasks/{task}`, with or without a leading slash. */
const TASK_RESOURCE =
  /^\/?print\/taskDefinitions\/([A-Za-z0-9._~:@+=-]{1,128})\/tasks\/([A-Za-z0-9._~:@+=-]{1,128})$/i;

/** The task a `created` notification names, or null when the resource is not one. */
export function notifiedTask(
  item: GraphNotification,
): { taskDefinitionId: string; taskId: string } | null {
  const match = TASK_RESOURCE.exec(item.resource ?? '');
  if (match?.[1] && match[2]) return { taskDefinitionId: match[1], taskId: match[2] };
  return null;
}
