/**
 * OwnershipMemory: what Graph said of jobs and tasks, by exact ids, for a while, bounded.
 */
import { describe, expect, it } from 'vitest';
import { OwnershipMemory } from '../../packages/gateway/src/domain/ownership-memory.js';
import type { PrintJob, PrintTask } from '../../packages/graph-client/src/resources/types.js';

const ROOT = 'https://graph.microsoft.com/v1.0';
const job = (printerId: string, id: string, creator?: string, tasks?: PrintTask[]): PrintJob => ({
  printerId,
  id,
  ...(creator ? { createdBy: { id: creator } } : {}),
  ...(tasks ? { tasks } : {}),
});
const task = (
  taskDefinitionId: string,
  id: string,
  printerId: string,
  jobId: string,
): PrintTask => ({
  taskDefinitionId,
  id,
  parentUrl: `${ROOT}/print/printers/${printerId}/jobs/${jobId}`,
});

function clock(start = 1_000) {
  const now = { ms: start };
  return { now, read: () => now.ms };
}

describe('OwnershipMemory', () => {
  it("remembers a job's creator, and the tasks that came with it", () => {
    const memory = new OwnershipMemory();
    memory.learnJob(job('p1', '5182', 'adele', [task('d1', 't1', 'p1', '5182')]));

    expect(memory.ownerOf({ printerId: 'p1', printJobId: '5182' })).toBe('adele');
    expect(memory.jobOf('d1', 't1')).toEqual({ printerId: 'p1', printJobId: '5182' });
    expect(memory.ownerOf({ printerId: 'p1', printJobId: '5183' })).toBeUndefined();
    expect(memory.jobOf('d2', 't1')).toBeUndefined();
  });

  it('keeps ids apart that would run together', () => {
    const memory = new OwnershipMemory();
    memory.learnJob(job('a/b', 'c', 'adele'));

    expect(memory.ownerOf({ printerId: 'a', printJobId: 'b/c' })).toBeUndefined();
    expect(memory.ownerOf({ printerId: 'a/b', printJobId: 'c' })).toBe('adele');
  });

  it('states nothing for a job without a creator, ids, or a task without a parent', () => {
    const memory = new OwnershipMemory();
    memory.learnJob(job('p1', '5182'));
    memory.learnJob({ printerId: 'p1' } as PrintJob);
    memory.learnTask({ taskDefinitionId: 'd1', id: 't1' });
    memory.learnTask({ taskDefinitionId: 'd1', id: 't2', parentUrl: `${ROOT}/print/printers` });

    expect(memory.size).toEqual({ owners: 0, parents: 0 });
  });

  it('forgets a fact once it is older than the ttl', () => {
    const time = clock();
    const memory = new OwnershipMemory({ maxEntries: 10, ttlMs: 100 }, time.read);
    memory.learnJob(job('p1', '5182', 'adele'));
    memory.learnTask(task('d1', 't1', 'p1', '5182'));

    time.now.ms += 99;
    expect(memory.ownerOf({ printerId: 'p1', printJobId: '5182' })).toBe('adele');
    time.now.ms += 1;
    expect(memory.ownerOf({ printerId: 'p1', printJobId: '5182' })).toBeUndefined();
    expect(memory.jobOf('d1', 't1')).toBeUndefined();
    expect(memory.size).toEqual({ owners: 0, parents: 0 });
  });

  it('holds at most maxEntries of each kind, the oldest going first', () => {
    const memory = new OwnershipMemory({ maxEntries: 2, ttlMs: 60_000 });
    for (const id of ['1', '2', '3']) memory.learnJob(job('p1', id, `owner-${id}`));

    expect(memory.size.owners).toBe(2);
    expect(memory.ownerOf({ printerId: 'p1', printJobId: '1' })).toBeUndefined();
    expect(memory.ownerOf({ printerId: 'p1', printJobId: '3' })).toBe('owner-3');
  });

  it('keeps nothing with maxEntries 0', () => {
    const memory = new OwnershipMemory({ maxEntries: 0, ttlMs: 60_000 });
    memory.learnJob(job('p1', '5182', 'adele', [task('d1', 't1', 'p1', '5182')]));

    expect(memory.size).toEqual({ owners: 0, parents: 0 });
  });
});
