/**
 * What the gateway knows of its Redis, for a process with REDIS_URL: read at scrape time from
 * src/redis/data-loss-watch.ts, which this module does not import (main.ts hands it
 * over as the small interface below).
 */
import { Counter, type Registry } from 'prom-client';

export interface RedisDataLosses {
  readonly lossesSeen: number;
}

export function registerRedisMetrics(registry: Registry, losses: RedisDataLosses): void {
  new Counter({
    name: 'redis_data_losses_total',
    help:
      'Times this replica found, on reconnecting, that Redis had lost its data: idempotency ' +
      'keys stored before were forgotten',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(losses.lossesSeen);
    },
  });
}
