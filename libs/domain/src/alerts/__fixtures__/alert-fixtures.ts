import type { AlertDetails, BreachOutcome, NoDataOutcome, NormalOutcome } from '../alert-outcome';
import type { AlertPolicy } from '../alert-policy';
import type { AlertSubject } from '../alert-subject';
import type { Severity } from '../severity';

export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

/** 2024-09-15 08:00 Beijing time, as UTC epoch ms: a typhoon morning. */
export const T0 = Date.UTC(2024, 8, 15, 0, 0, 0);

/** Detection lags observation (cellular seconds, BeiDou minutes); a fixed lag keeps the arithmetic readable. */
export const LAG = 20 * SECOND;

export const OU_RIVER_LEVEL: AlertSubject = {
  ruleId: 'water-level-ou-lower',
  kind: 'water_level',
  subjectId: '70600002',
  stationIds: ['70600002'],
  district: 'lucheng',
  basin: 'ou',
};

export const SILENT_RAIN_GAUGE: AlertSubject = {
  ruleId: 'station-offline',
  kind: 'station_offline',
  subjectId: '70500001',
  stationIds: ['70500001'],
  district: 'yongjia',
  basin: 'ou',
};

export const THIRTY_MINUTE_CLEARING: AlertPolicy = { clearingDelayMs: 30 * MINUTE, renotifyAfterMs: 15 * MINUTE };

export function breach(severity: Severity, observedAt: number, details: AlertDetails = { value: 4.2, threshold: 3.8, gauge: 'Z' }): BreachOutcome {
  return { type: 'breach', severity, observedAt, details };
}

export function normal(observedAt: number, details?: AlertDetails): NormalOutcome {
  return details === undefined ? { type: 'normal', observedAt } : { type: 'normal', observedAt, details };
}

export function noData(since: number): NoDataOutcome {
  return { type: 'no_data', since };
}

/** A small seeded generator (mulberry32) so the randomised specs replay the same sequence everywhere. */
export class SpecRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  index(count: number): number {
    return Math.floor(this.next() * count);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.index(items.length)]!;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}
