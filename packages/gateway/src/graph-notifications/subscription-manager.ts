/**
 * Keeps one Graph `created` subscription on `print/taskDefinitions/{id}/tasks` for each of the
 * app's task definitions, while this replica holds the `graph-subscriptions` lease:
 *
 * - creates what is missing (after adopting, once, the subscriptions Graph already lists for our
 *   notification URL: a previous leader's, since nothing is deleted on shutdown);
 * - renews each at `renewAtFraction` of its lifetime with a PATCH of `expirationDateTime` (print
 *   subscriptions last at most 4,230 minutes), and recreates one whose renewal answers 404;
 * - asks for an expiry a margin short of Graph's maximum, and for a shorter one when Graph refuses
 *   it (a clock ahead of Graph's: subscription-lifetime.ts);
 * - on `reauthorizationRequired`, POSTs `/subscriptions/{id}/reauthorize`, or renews if that fails.
 *
 * Every Graph call goes through a fresh session of the batcher (deadline, retries, budget).
 */

import {
  type GraphCall,
  type GraphService,
  GraphSession,
  graphPath,
  listTaskDefinitions,
} from '@universal-print-gateway/graph-client';
import type { Logger } from 'pino';
import { NotFoundError } from '../errors.js';
import type { Leadership } from '../shared-state/contracts.js';
import { startLeasedPeriodic } from './leased-periodic.js';
import type { LifecycleHandler } from './notification-processor.js';
import type { Periodic } from './periodic.js';
import { refusesExpiry, SubscriptionLifetime } from './subscription-lifetime.js';

export const SUBSCRIPTIONS_LEASE = 'graph-subscriptions';

export interface SubscriptionManagerSettings {
  /** Where Graph delivers notifications (and lifecycle notifications): our webhook. */
  notificationUrl: string;
  clientState: string;
  /** Asked of Graph; halved from then on when Graph refuses the expiry. @default 4,200 minutes */
  lifetimeMs: number;
  /** Renew when this fraction of the lifetime has passed. @default 0.75 */
  renewAtFraction: number;
  /** How often subscriptions are checked (and the lease renewed). @default 60 s */
  checkIntervalMs: number;
}

interface GraphSubscription {
  id: string;
  resource?: string;
  notificationUrl?: string;
  expirationDateTime?: string;
}

interface Held {
  id: string;
  renewAt: number;
}

const tasksResource = (definitionId: string) => `print/taskDefinitions/${definitionId}/tasks`;

export class SubscriptionManager implements LifecycleHandler {
  private readonly held = new Map<string, Held>();
  private adopted = false;
  private loop: Periodic | undefined;
  private readonly lifetime: SubscriptionLifetime;

  constructor(
    private readonly graph: GraphService,
    private readonly leadership: Leadership,
    private readonly settings: SubscriptionManagerSettings,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.lifetime = new SubscriptionLifetime(settings.lifetimeMs);
  }

  /** Subscription ids by task definition, as this replica holds them (tests, metrics). */
  get subscriptions(): ReadonlyMap<string, string> {
    return new Map([...this.held].map(([definition, { id }]) => [definition, id]));
  }

  start(): void {
    this.loop ??= startLeasedPeriodic(
      () => this.check(),
      this.settings.checkIntervalMs,
      this.leadership,
    );
  }

  /** Stops the timer. Deletes nothing: another replica may take the lease over and adopt them. */
  async stop(): Promise<void> {
    await this.loop?.stop();
    await this.leadership.release(SUBSCRIPTIONS_LEASE);
  }

  /** One pass: leader check, then create or renew what needs it. Never rejects. */
  async check(): Promise<void> {
    try {
      const leaseMs = this.settings.checkIntervalMs * 3;
      if (!(await this.leadership.holdOrAcquire(SUBSCRIPTIONS_LEASE, leaseMs))) {
        // Another replica manages them; what we knew may be stale when we lead again.
        this.held.clear();
        this.adopted = false;
        return;
      }
      const graph = this.graph.session();
      if (!this.adopted) await this.adopt(graph);
      const definitions = await listTaskDefinitions(graph);
      await Promise.all(
        definitions.map(async ({ id }) => {
          const held = this.held.get(id);
          if (!held) await this.create(graph, id);
          else if (this.now() >= held.renewAt) await this.renew(graph, id, held.id);
        }),
      );
    } catch (error) {
      this.logger.warn(
        {
          code: 'GRAPH_SUBSCRIPTIONS_FAILED',
          error: String(error),
        },
        'Managing Graph subscriptions failed; will try again',
      );
    }
  }

  async reauthorize(subscriptionId: string): Promise<void> {
    const definition = [...this.held].find(([, held]) => held.id === subscriptionId)?.[0];
    if (definition === undefined) {
      this.logger.info(
        {
          subscriptionId,
        },
        'reauthorizationRequired for a subscription this replica does not hold',
      );
      return;
    }
    const graph = this.graph.session();
    try {
      await graph.call({
        method: 'POST',
        url: graphPath`/subscriptions/${subscriptionId}/reauthorize`,
      });
      this.logger.info({ subscriptionId }, 'Graph subscription reauthorized');
    } catch {
      // Renewing is the other way Graph accepts; it recreates on 404.
      await this.renew(graph, definition, subscriptionId);
    }
  }

  private expiry(): { iso: string; renewAt: number } {
    const now = this.now();
    const lifetimeMs = this.lifetime.ms;
    return {
      iso: new Date(now + lifetimeMs).toISOString(),
      renewAt: now + Math.floor(lifetimeMs * this.settings.renewAtFraction),
    };
  }

  /**
   * Sends a creation or renewal with an expiry from the lifetime asked now. When Graph refuses
   * the expiry, asks for less from then on and sends it once more: a further refusal rejects,
   * and the next check asks for less again.
   */
  private async withExpiry<T>(
    graph: GraphSession,
    request: (expirationDateTime: string) => GraphCall,
  ): Promise<{ body: T; iso: string; renewAt: number }> {
    const askedMs = this.lifetime.ms;
    let expiry = this.expiry();
    let call = request(expiry.iso);
    let reply = await graph.reply(call);
    if (refusesExpiry(reply)) {
      const askedMinutes = askedMs / 60_000;
      const shortened = this.lifetime.shorten(askedMs);
      this.logger.warn(
        {
          code: 'GRAPH_SUBSCRIPTION_EXPIRY_REFUSED',
          askedMinutes,
          nextMinutes: this.lifetime.ms / 60_000,
        },
        "Graph refused the subscription's expiry: this clock may run ahead of Graph's; " +
          'asking for a shorter lifetime from now on',
      );
      if (shortened) {
        expiry = this.expiry();
        call = request(expiry.iso);
        reply = await graph.reply(call);
      }
    }
    return { body: GraphSession.success<T>(reply, call).body, ...expiry };
  }

  private async adopt(graph: GraphSession): Promise<void> {
    try {
      const listed = await graph.call<{ value: GraphSubscription[] }>({
        method: 'GET',
        url: '/subscriptions',
      });
      for (const subscription of listed.value) {
        const definition = /^\/?print\/taskDefinitions\/([^/]+)\/tasks$/i.exec(
          subscription.resource ?? '',
        )?.[1];
        if (!definition || subscription.notificationUrl !== this.settings.notificationUrl) continue;
        // Its clientState is not listed: renew it at once, so its lifetime is ours to know.
        this.held.set(definition, { id: subscription.id, renewAt: 0 });
      }
    } catch (error) {
      this.logger.warn(
        {
          error: String(error),
        },
        'Could not list existing Graph subscriptions; creating new ones',
      );
    }
    this.adopted = true;
  }

  private async create(graph: GraphSession, definitionId: string): Promise<void> {
    const {
      body: created,
      iso,
      renewAt,
    } = await this.withExpiry<GraphSubscription>(graph, (expirationDateTime) => ({
      method: 'POST',
      url: '/subscriptions',
      body: {
        changeType: 'created',
        resource: tasksResource(definitionId),
        notificationUrl: this.settings.notificationUrl,
        lifecycleNotificationUrl: this.settings.notificationUrl,
        expirationDateTime,
        clientState: this.settings.clientState,
      },
    }));
    this.held.set(definitionId, { id: created.id, renewAt });
    this.logger.info(
      {
        subscriptionId: created.id,
        resource: tasksResource(definitionId),
        expirationDateTime: iso,
      },
      'Graph subscription created',
    );
  }

  private async renew(graph: GraphSession, definitionId: string, id: string): Promise<void> {
    try {
      const { iso, renewAt } = await this.withExpiry(graph, (expirationDateTime) => ({
        method: 'PATCH',
        url: graphPath`/subscriptions/${id}`,
        body: { expirationDateTime },
      }));
      this.held.set(definitionId, { id, renewAt });
      this.logger.info(
        {
          subscriptionId: id,
          expirationDateTime: iso,
        },
        'Graph subscription renewed',
      );
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      // Expired or removed (print sends no subscriptionRemoved): make a new one.
      this.held.delete(definitionId);
      await this.create(graph, definitionId);
    }
  }
}
