/** While the shared store is down, callers are limited by this process's buckets instead. */
import { describe, expect, it } from 'vitest';
import type { TokenBucketStore } from '../../packages/gateway/src/rate-limit/bucket-store.js';
import { InMemoryBucketStore } from '../../packages/gateway/src/rate-limit/in-memory-bucket-store.js';
import { SharedOrLocalBucketStore } from '../../packages/gateway/src/rate-limit/shared-or-local-bucket-store.js';

const LIMIT = { ratePerSecond: 1, burst: 2 };

describe('SharedOrLocalBucketStore', () => {
  it('takes from the shared buckets while they are up, and from its own while they are down', async () => {
    const shared = new InMemoryBucketStore();
    let up = true;
    const store = new SharedOrLocalBucketStore(shared, new InMemoryBucketStore(), () => up);
    expect(await store.take('adele', 2, LIMIT)).toMatchObject({ allowed: true });
    // The shared bucket is empty now.
    expect(await store.take('adele', 1, LIMIT)).toMatchObject({ allowed: false });
    up = false;
    // Down: a bucket of this process's own, full, and still a limit.
    expect(await store.take('adele', 2, LIMIT)).toMatchObject({ allowed: true });
    expect(await store.take('adele', 1, LIMIT)).toMatchObject({ allowed: false });
  });

  it('falls back when the shared store fails between the check and the command', async () => {
    const failing: TokenBucketStore = { take: () => Promise.reject(new Error('connection lost')) };
    const store = new SharedOrLocalBucketStore(failing, new InMemoryBucketStore(), () => true);
    expect(await store.take('megan', 2, LIMIT)).toMatchObject({ allowed: true });
    expect(await store.take('megan', 1, LIMIT)).toMatchObject({ allowed: false });
  });
});
