import { TailCache } from './tail-cache';

const record = (seq: number, bytes = 100) => ({ seq, payload: Buffer.alloc(bytes), offset: seq * 1000 });

describe('TailCache', () => {
  it('serves contiguous records by seq', () => {
    const cache = new TailCache(1024 * 1024);
    for (let seq = 5; seq <= 9; seq++) cache.push(record(seq));
    expect(cache.firstSeq).toBe(5);
    expect(cache.get(7)?.offset).toBe(7000);
    expect(cache.get(4)).toBeUndefined();
    expect(cache.get(10)).toBeUndefined();
  });

  it('stays within its byte bound by dropping the oldest', () => {
    const cache = new TailCache(10_000);
    for (let seq = 1; seq <= 10_000; seq++) cache.push(record(seq, 1000));
    expect(cache.usedBytes).toBeLessThanOrEqual(10_000);
    expect(cache.size).toBeGreaterThan(0);
    expect(cache.get(10_000)).toBeDefined();
    expect(cache.firstSeq).toBe(10_000 - cache.size + 1);
  });

  it('forgets checkpointed records', () => {
    const cache = new TailCache(1024 * 1024);
    for (let seq = 1; seq <= 10_000; seq++) cache.push(record(seq, 1));
    cache.dropThrough(9_000);
    expect(cache.firstSeq).toBe(9_001);
    expect(cache.get(9_500)?.seq).toBe(9_500);
    cache.dropThrough(20_000);
    expect(cache.size).toBe(0);
    expect(cache.usedBytes).toBe(0);
  });

  it('restarts rather than keep a gap', () => {
    const cache = new TailCache(1024 * 1024);
    cache.push(record(1));
    cache.push(record(3));
    expect(cache.firstSeq).toBe(3);
    expect(cache.size).toBe(1);
  });
});
