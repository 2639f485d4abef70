/**
 * Notices a Redis that lost its data, which would otherwise pass for an outage: the connection
 * comes back, and every idempotency key stored before is gone, so a client's retry is written to
 * Graph again. On every (re)connect it reads a marker key that has no expiry and that the first
 * replica to find it missing writes with a random value: a marker missing, or not the one this
 * replica saw last, means Redis lost what it held (a restart without persistence, a failover to
 * a replica that lacked it, a flush, eviction). `run_id` (INFO server) says whether Redis was
 * restarted; persistence is read from INFO persistence and CONFIG GET save, which managed Redis
 * services often refuse (then it is `unknown`).
 *
 * A loss is an error-level line with a stable code and message, and counted for
 * `redis_data_losses_total` (src/metrics/redis-metrics.ts). Losses while this replica stays
 * connected (a FLUSHALL) are noticed at its next reconnect.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { RedisConnection } from './connection.js';

export type RedisPersistence = 'aof' | 'rdb' | 'off' | 'unknown';

export const REDIS_DATA_LOST = {
  code: 'REDIS_DATA_LOST',
  message:
    'Redis lost its data: idempotency keys stored before are forgotten, and a retry with one ' +
    'is written to Microsoft Graph again (docs/replicas.md)',
} as const;

export const REDIS_PERSISTENCE_OFF = {
  code: 'REDIS_PERSISTENCE_OFF',
  message:
    'Redis persistence is off: a restart of Redis forgets every idempotency key, and a retry ' +
    'with one is written to Microsoft Graph again (docs/replicas.md)',
} as const;

/** One `name:value` line of an INFO section. */
function infoField(info: string, name: string): string | undefined {
  return new RegExp(`^${name}:(.*)$`, 'm').exec(info)?.[1]?.trim();
}

/** `saveConfig`: CONFIG GET save's value, or null when CONFIG is not allowed. */
export function persistenceOf(
  infoPersistence: string,
  saveConfig: string | null,
): RedisPersistence {
  if (infoField(infoPersistence, 'aof_enabled') === '1') return 'aof';
  if (saveConfig === null) return 'unknown';
  return saveConfig.trim() === '' ? 'off' : 'rdb';
}

export class RedisDataLossWatch {
  private readonly markerKey: string;
  /** The marker as this replica last read it, and the server it read it from. */
  private marker: string | undefined;
  private runId: string | undefined;
  private losses = 0;
  private checks = 0;

  constructor(
    private readonly redis: RedisConnection,
    private readonly logger: Logger,
  ) {
    this.markerKey = redis.key('state:marker');
    redis.onReady(() => void this.check());
  }

  /** Losses noticed since the process started. */
  get lossesSeen(): number {
    return this.losses;
  }

  /** Checks finished since the process started (for tests). */
  get checksDone(): number {
    return this.checks;
  }

  /** Never rejects: a connection lost again mid-check is checked at the next `ready`. */
  async check(): Promise<void> {
    try {
      const client = this.redis.client;
      await client.set(this.markerKey, randomUUID(), 'NX');
      const marker = await client.get(this.markerKey);
      const runId = infoField(await client.info('server'), 'run_id');
      const persistence = persistenceOf(await client.info('persistence'), await this.saveConfig());
      const fields = { runId, previousRunId: this.runId ?? null, persistence };
      if (this.marker !== undefined && marker !== this.marker) {
        this.losses += 1;
        this.logger.error({ code: REDIS_DATA_LOST.code, ...fields }, REDIS_DATA_LOST.message);
      } else if (this.runId !== undefined && runId !== this.runId) {
        this.logger.info(fields, 'Redis restarted and kept its data');
      }
      if (runId !== this.runId && persistence === 'off') {
        this.logger.warn(
          { code: REDIS_PERSISTENCE_OFF.code, runId },
          REDIS_PERSISTENCE_OFF.message,
        );
      }
      this.marker = marker ?? undefined;
      this.runId = runId;
      this.checks += 1;
    } catch {
      // Redis went away again; the next `ready` checks.
    }
  }

  private async saveConfig(): Promise<string | null> {
    try {
      const [, value] = (await this.redis.client.config('GET', 'save')) as [string, string];
      return value ?? null;
    } catch {
      return null;
    }
  }
}
