import { describe, expect, it } from '@jest/globals';
import { type LoopStallRecord, stalledWithin, summariseStalls } from './loop-stalls';

const T = 1_800_000_000_000;
/** Stalls ending at T+1000 (20 ms), T+2000 (49.9), T+3000 (50), T+4000 (99.9), T+5000 (100), T+6000 (250). */
const record: LoopStallRecord = {
  stalls: [
    [T + 1000, 20, 18],
    [T + 2000, 49.9, 10],
    [T + 3000, 50, 50],
    [T + 4000, 99.9, 2],
    [T + 5000, 100, 90],
    [T + 6000, 250, 5],
  ],
};

describe('summariseStalls', () => {
  it('counts stalls by length, 50 and 100 ms each opening the next class', () => {
    expect(summariseStalls(record, T, T + 6000)).toEqual({
      count: 6,
      byLength: [2, 2, 2],
      longest: [250, 100, 99.9, 50, 49.9],
      totalMs: 570,
      cpuMs: 175,
    });
  });

  it.each([
    [1000, 1000, 1],
    [1001, 2999, 1],
    [1001, 1999, 0],
    [6001, 9000, 0],
  ])('takes the stalls that ended from T+%d to T+%d ms inclusive: %d', (from, to, count) => {
    expect(summariseStalls(record, T + from, T + to).count).toBe(count);
  });

  it('says nothing of a load without stalls', () => {
    expect(summariseStalls({ stalls: [] }, T, T + 1000)).toEqual({ count: 0, byLength: [0, 0, 0], longest: [], totalMs: 0, cpuMs: 0 });
  });
});

describe('stalledWithin', () => {
  it.each([
    ['the whole stall inside the window', T + 5000 - 100, T + 5000, 100],
    ['the window ends in the middle of the stall', T + 4900, T + 4950, 50],
    ['the window starts in the middle of it', T + 4950, T + 5100, 50],
    ['the window ends exactly where the stall begins', T + 4000, T + 4900, 0],
    ['two stalls partly', T + 3990, T + 4920, 10 + 20],
  ])('counts the stalled time that overlaps the window: %s', (_, from, to, stalled) => {
    expect(stalledWithin(record, from, to)).toBeCloseTo(stalled, 5);
  });
});
