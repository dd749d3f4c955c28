import { describe, expect, it } from '@jest/globals';
import { deadlineVerdict, reportSpans, tsmSummary } from './influx-report';

describe('reportSpans', () => {
  it.each([
    [31, [1, 7, 31]],
    [8, [1, 7, 8]],
    [7, [1, 7]],
    [6, [1, 6]],
    [2, [1, 2]],
    [1, [1]],
  ])('a %i-day month is timed over %j days', (days, spans) => {
    expect(reportSpans(days)).toEqual(spans);
  });

  it.each([0, -1, 2.5, Number.NaN])('refuses a month of %p days', (days) => {
    expect(() => reportSpans(days)).toThrow(RangeError);
  });
});

describe('deadlineVerdict', () => {
  it.each([
    ['one ms short of the deadline fits', [9_999], /^yes, all 1 runs inside \(slowest 9999 ms, 100 % of the deadline\)$/],
    ['exactly at the deadline is over: the request is aborted then', [10_000], /^NO, all 1 runs over \(median 10000 ms, 1\.0 × the deadline\)$/],
    ['one ms past the deadline is over', [10_001], /^NO, all 1 runs over/],
    ['every run inside fits', [4_000, 5_000, 6_000], /^yes, all 3 runs inside \(slowest 6000 ms, 60 % of the deadline\)$/],
    ['some runs over is not reliable', [9_999, 10_000, 5_000], /^NO, not reliably: 1 of 3 runs over \(slowest 10000 ms, 100 % of the deadline\)$/],
    ['every run over gives the median as a multiple of the deadline', [25_000, 30_000, 20_000], /^NO, all 3 runs over \(median 25000 ms, 2\.5 × the deadline\)$/],
  ])('%s', (_, times, verdict) => {
    expect(deadlineVerdict(times, 10_000)).toMatch(verdict);
  });

  it('refuses to judge no runs at all', () => {
    expect(() => deadlineVerdict([], 10_000)).toThrow(RangeError);
  });
});

describe('tsmSummary', () => {
  it('counts TSM files and the shard directories that hold them, ignoring other files', () => {
    const paths = [
      'hydro_bench/autogen/2/000000005-000000003.tsm',
      'hydro_bench/autogen/2/fields.idx',
      'hydro_bench/autogen/3/000000004-000000002.tsm',
      'hydro_bench/autogen/3/000000006-000000001.tsm',
      'hydro_bench/autogen/4/000000007-000000001.tsm.tmp',
    ];
    expect(tsmSummary(paths)).toEqual({ tsmFiles: 3, shards: 2 });
  });

  it('finds nothing in a data directory without TSM files', () => {
    expect(tsmSummary(['_series/00/0000'])).toEqual({ tsmFiles: 0, shards: 0 });
  });
});
