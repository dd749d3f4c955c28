import { describe, expect, it } from '@jest/globals';
import type { CeilingAResult } from './ceiling-a';
import type { EndToEndResult } from './end-to-end';
import type { StoreKind } from './landed-store';
import { ceilings, ratio, type Round } from './report-table';
import type { WorkloadTotals } from './workload';

/** 2 readings per message, so 3 points per message: every ceiling in points/s divides by 3. */
const TOTALS: WorkloadTotals = { messages: 1000, readings: 2000, readingsPerMessage: 2, pointsPerMessage: 3 };

function ceilingA(deliveredPerSecond: number): CeilingAResult {
  return { deliveredPerSecond, acceptedPerSecond: deliveredPerSecond, pubackP50Ms: 1, pubackP99Ms: 2, cpu: {} };
}

function round(a: readonly number[], bPoints: number, cPoints: number): Round {
  return {
    ceilingA: Object.fromEntries(a.map((rate, i) => [`setup ${i}`, ceilingA(rate)])),
    ceilingB: { pointsPerSecond: bPoints, points: 2000, requestP50Ms: 1, requestP99Ms: 2, cpu: {} },
    ceilingC: { pointsPerSecond: cPoints, points: 2000, batchP50Ms: 1, batchP99Ms: 2, bytesPerReading: 100, writtenBytesPerReading: 1000, cpu: {}, thread: { onCpu: 0.5, waitingForCpu: 0.1, offCpu: 0.4 } },
    endToEnd: {},
    paced: {},
  };
}

function endToEnd(store: StoreKind, messagesPerSecond: number): EndToEndResult {
  return {
    store,
    messagesPerSecond,
    readingsPerSecond: messagesPerSecond * TOTALS.readingsPerMessage,
    steadyReadingsPerSecond: messagesPerSecond * TOTALS.readingsPerMessage,
    publishSeconds: 1,
    totalSeconds: TOTALS.messages / messagesPerSecond,
    pubackP50Ms: 1,
    pubackP99Ms: 2,
    landedP50Ms: 10,
    landedP99Ms: 20,
    samplesSeen: 10,
    samplesMissing: 0,
    peakRssMiB: 100,
    countPollP50Ms: 1,
    samplePollP50Ms: 1,
    cpuPublishing: {},
    cpuDraining: {},
    cpuWhole: {},
    ingestorThread: { onCpu: 0.5, waitingForCpu: 0.1, offCpu: 0.4 },
    ingestorWrittenBytesPerReading: 500,
    intakeSeconds: 1,
    acknowledgedSeconds: 1,
    storeWrites: 1,
    storeWriteSeconds: 0.1,
    trace: [],
    longestMetricsGapMs: 0,
    totals: TOTALS,
    problems: [],
  };
}

describe('ceilings', () => {
  it('takes the best ceiling A setup and turns B and C from points/s into messages/s', () => {
    expect(ceilings(round([900, 1200], 30_000, 6_000), TOTALS)).toEqual({ a: 1200, b: 10_000, c: 2_000 });
  });
});

describe('ratio', () => {
  // Ceiling A 3,000 msg/s; B 9,000 points/s = 3,000 msg/s; C varies around them.
  it.each<[string, StoreKind, number, number]>([
    ['SQLite below ceiling A, against C', 'SQLite', 1_500, 1_000 / 500],
    ['SQLite exactly at ceiling A', 'SQLite', 9_000, 1_000 / 3_000],
    ['SQLite above ceiling A, against A', 'SQLite', 30_000, 1_000 / 3_000],
    ['InfluxDB ignores a lower C', 'InfluxDB', 1_500, 1_000 / 3_000],
  ])('divides end to end by the lower of A and its own store’s ceiling: %s', (_what, store, cPoints, expected) => {
    expect(ratio(round([3_000], 9_000, cPoints), endToEnd(store, 1_000))).toBeCloseTo(expected, 10);
  });

  it('uses ceiling B for InfluxDB when B is the lower', () => {
    expect(ratio(round([3_000], 3_000, 90_000), endToEnd('InfluxDB', 500))).toBeCloseTo(500 / 1_000, 10);
  });
});
