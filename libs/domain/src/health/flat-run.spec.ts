import { describe, expect, it } from '@jest/globals';
import { FlatRun } from './flat-run';

function fed(points: [number, number][]): FlatRun {
  const run = new FlatRun();
  for (const [t, v] of points) run.extend(t, v);
  return run;
}

describe('FlatRun', () => {
  it('follows the newest run of identical values', () => {
    const run = fed([[0, 1], [10, 2], [20, 2], [30, 2]]);
    expect([run.value, run.firstAt, run.lastAt, run.count, run.durationMs]).toEqual([2, 10, 30, 3, 20]);
  });

  it('starts again when the value changes, however slightly', () => {
    const run = fed([[0, 2], [10, 2], [20, 2.001]]);
    expect([run.value, run.firstAt, run.count, run.durationMs]).toEqual([2.001, 20, 1, 0]);
  });

  it('is empty before any reading', () => {
    expect([new FlatRun().count, new FlatRun().durationMs]).toEqual([0, 0]);
  });
});
