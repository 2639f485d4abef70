/**
 * MemoryIdempotencyStore's bounds: per caller, and over all callers as a memory backstop that
 * takes from whoever holds the most, so that no caller's flood drops another's records.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { MemoryIdempotencyStore } from '../../packages/gateway/src/idempotency/memory-store.js';
import type { ClaimTerms, ScopedKey } from '../../packages/gateway/src/idempotency/store.js';

const TERMS: ClaimTerms = { pendingMs: 60_000, windowMs: 60_000, maxKeysPerCaller: 100 };
const of = (key: string, caller = 'adele'): ScopedKey => ({ caller, key });

/** Claims and completes `key` with `outcome`. */
async function store(
  memory: MemoryIdempotencyStore,
  key: ScopedKey,
  outcome: string,
  terms: ClaimTerms = TERMS,
): Promise<void> {
  const claim = await memory.claim(key, 'f', terms);
  if (claim.kind !== 'claimed') throw new Error(`${key.key} was not claimed`);
  await memory.complete(key, claim.token, 'f', outcome, terms);
}

const kindOf = async (memory: MemoryIdempotencyStore, key: ScopedKey) =>
  (await memory.claim(key, 'f', TERMS)).kind;

describe('MemoryIdempotencyStore, all callers together', () => {
  it('stays within its bound, dropping the oldest keys first', async () => {
    const memory = new MemoryIdempotencyStore(3);
    for (const k of ['a', 'b', 'c', 'd']) await memory.claim(of(k), 'f', TERMS);
    expect(memory.size).toBe(3);
    expect(await kindOf(memory, of('a'))).toBe('claimed');
    expect(await kindOf(memory, of('d'))).toBe('in-progress');
  });

  it('drops stored outcomes before writes still running', async () => {
    const memory = new MemoryIdempotencyStore(2);
    await memory.claim(of('running'), 'f', TERMS);
    await store(memory, of('done'), 'outcome');

    await memory.claim(of('new'), 'f', TERMS);

    expect(await kindOf(memory, of('running'))).toBe('in-progress');
    expect(await kindOf(memory, of('done'))).toBe('claimed');
  });
});

describe('MemoryIdempotencyStore outcome bound', () => {
  it('drops the oldest outcomes once their length passes the bound', async () => {
    const memory = new MemoryIdempotencyStore(100, 10);
    for (const k of ['a', 'b', 'c']) await store(memory, of(k), '12345');
    // 15 characters held is over 10: the oldest went.
    expect(memory.size).toBe(2);
    expect(memory.heldOutcomeChars).toBe(10);
    expect(await kindOf(memory, of('a'))).toBe('claimed');
    expect(await kindOf(memory, of('c'))).toBe('done');
  });

  it('does not keep an outcome longer than the whole bound', async () => {
    const memory = new MemoryIdempotencyStore(100, 10);
    await store(memory, of('big'), 'x'.repeat(11));
    expect(memory.size).toBe(0);
    expect(memory.heldOutcomeChars).toBe(0);
  });

  it('drops nothing else for an outcome longer than the whole bound', async () => {
    const memory = new MemoryIdempotencyStore(100, 10);
    await store(memory, of('small'), '12345');
    await store(memory, of('big'), 'x'.repeat(11));

    expect(await kindOf(memory, of('small'))).toBe('done');
    expect(await kindOf(memory, of('big'))).toBe('claimed');
  });

  it('keeps pending claims when outcomes pass the length bound', async () => {
    const memory = new MemoryIdempotencyStore(100, 10);
    await memory.claim(of('running'), 'f', TERMS);
    for (const k of ['a', 'b', 'c']) await store(memory, of(k), '12345');

    expect(await kindOf(memory, of('running'))).toBe('in-progress');
    expect(await kindOf(memory, of('a'))).toBe('claimed');
  });
});

describe('MemoryIdempotencyStore per caller', () => {
  const bound: ClaimTerms = { ...TERMS, maxKeysPerCaller: 3 };

  it('keeps at most maxKeysPerCaller of one caller, dropping its own oldest first', async () => {
    const memory = new MemoryIdempotencyStore();
    for (const k of ['a', 'b', 'c', 'd', 'e']) await store(memory, of(k), 'x', bound);

    expect(memory.sizeOf('adele')).toBe(3);
    expect(await kindOf(memory, of('b'))).toBe('claimed');
    expect(await kindOf(memory, of('e'))).toBe('done');
  });

  it("never drops another caller's outcome for a caller past its bound", async () => {
    const memory = new MemoryIdempotencyStore();
    await store(memory, of('station-abort', 'station'), 'aborted', bound);
    for (let i = 0; i < 50; i += 1) await store(memory, of(`flood-${i}`), 'x', bound);

    expect(await kindOf(memory, of('station-abort', 'station'))).toBe('done');
  });

  it("drops the flooding caller's keys, not another's, when all callers fill the key bound", async () => {
    const memory = new MemoryIdempotencyStore(4);
    await store(memory, of('station-abort', 'station'), 'aborted');
    for (let i = 0; i < 50; i += 1) await store(memory, of(`flood-${i}`), 'x');

    expect(memory.size).toBe(4);
    expect(memory.sizeOf('adele')).toBe(3);
    expect(await kindOf(memory, of('station-abort', 'station'))).toBe('done');
  });

  it("drops the flooding caller's outcomes, not another's, when all fill the length bound", async () => {
    const memory = new MemoryIdempotencyStore(100, 20);
    await store(memory, of('station-abort', 'station'), '12345');
    for (let i = 0; i < 10; i += 1) await store(memory, of(`flood-${i}`), '12345');

    expect(memory.heldOutcomeChars).toBe(20);
    expect(await kindOf(memory, of('station-abort', 'station'))).toBe('done');
  });

  it('takes from the caller holding the most, even when another caller overflows the store', async () => {
    const memory = new MemoryIdempotencyStore(4);
    for (const k of ['a', 'b', 'c']) await store(memory, of(k), 'x');
    await store(memory, of('first', 'megan'), 'x');

    await store(memory, of('second', 'megan'), 'x');

    expect(memory.sizeOf('megan')).toBe(2);
    expect(memory.sizeOf('adele')).toBe(2);
    expect(await kindOf(memory, of('a'))).toBe('claimed');
  });

  it('keeps a new caller’s key in a store full of one key per caller, dropping the oldest', async () => {
    const memory = new MemoryIdempotencyStore(3);
    for (const caller of ['adele', 'megan', 'station']) await store(memory, of('k', caller), 'x');

    await store(memory, of('k', 'alex'), 'x');

    expect(await kindOf(memory, of('k', 'alex'))).toBe('done');
    expect(await kindOf(memory, of('k', 'megan'))).toBe('done');
    expect(await kindOf(memory, of('k', 'adele'))).toBe('claimed');
  });

  it('drops expired records before any live one when the store is full', async () => {
    const memory = new MemoryIdempotencyStore(3);
    // A claim whose replica died mid-write: it lapses after its pendingMs.
    await memory.claim(of('lapsed', 'megan'), 'f', { ...TERMS, pendingMs: 1 });
    for (const k of ['a', 'b']) await store(memory, of(k), 'x');
    await sleep(5);

    await store(memory, of('k', 'station'), 'x');

    expect(memory.sizeOf('megan')).toBe(0);
    expect(await kindOf(memory, of('a'))).toBe('done');
    expect(await kindOf(memory, of('b'))).toBe('done');
  });
});
