import type { Station } from '@hydro/domain';
import { SeededRandom } from '../random/seeded-random';
import { HOUR_MS, MINUTE_MS } from '../time/sim-time';

/*
 * Which stations fail, how and when, in the outages scenario. Drawn once from the seed and the
 * registry; times are fixed offsets from the simulated start so that a short run sees them.
 */

/** The districts whose cellular network may fail: hill country where BeiDou backs up most RTUs. */
const OUTAGE_DISTRICTS: readonly string[] = ['wencheng', 'taishun', 'yongjia'];
export const OUTAGE_START_HOURS = 1;
export const OUTAGE_END_HOURS = 7;
const POWER_FAILURES = 12;
const DRAINING_BATTERIES = 8;
const STUCK_GAUGES = 2;

/** Linear drain of an RTU whose solar charging has failed, V/h, down to a floor. */
export const DRAIN_START_VOLTS = 12.3;
export const DRAIN_VOLTS_PER_HOUR = 0.15;
export const DRAIN_FLOOR_VOLTS = 10.8;
/** The drifting RTU clock gains a minute an hour, up to 8 minutes (inside the centre's 10-minute tolerance). */
export const DRIFT_PER_HOUR_MS = MINUTE_MS;
export const DRIFT_MAX_MS = 8 * MINUTE_MS;

export interface OutagePlan {
  /** The district whose cellular network is down during [outageFrom, outageTo). */
  readonly district: string;
  readonly outageFrom: number;
  readonly outageTo: number;
  /** Dual-channel stations of that district: they go on over BeiDou, in batches. */
  readonly beidouOnly: ReadonlySet<string>;
  /** Cellular-only stations of that district: silent during the outage. */
  readonly cutOff: ReadonlySet<string>;
  /** Stations elsewhere that lose power for good, from the given time. */
  readonly silentFrom: ReadonlyMap<string, number>;
  readonly draining: ReadonlySet<string>;
  /** Level gauges whose sensor sticks at the value it read at the given time. */
  readonly stuckFrom: ReadonlyMap<string, number>;
  /** A cellular-only RTU whose clock runs ahead. */
  readonly drifting?: string;
}

export function outagePlan(stations: readonly Station[], seed: number, start: number): OutagePlan {
  const random = new SeededRandom((seed ^ 0x0a7a9e) >>> 0);
  const present = OUTAGE_DISTRICTS.filter((d) => stations.some((s) => s.district === d));
  const district = present.length > 0 ? random.pick(present) : '';
  const inDistrict = stations.filter((s) => s.district === district);
  const elsewhere = stations.filter((s) => s.district !== district);

  const failed = random.sample(elsewhere, POWER_FAILURES);
  const taken = new Set(failed.map((s) => s.id));
  const free = (s: Station): boolean => !taken.has(s.id);
  const draining = random.sample(elsewhere.filter(free), DRAINING_BATTERIES);
  draining.forEach((s) => taken.add(s.id));
  // River and plain-network gauges on 5-minute reports: a stuck value stands out against their usual wander.
  const stuck = random.sample(
    elsewhere.filter((s) => free(s) && (s.kind === 'river' || s.kind === 'plain_network') && s.reportingIntervalMinutes === 5),
    STUCK_GAUGES,
  );
  stuck.forEach((s) => taken.add(s.id));
  const drifting = random.sample(elsewhere.filter((s) => free(s) && s.channels.length === 1 && s.reportingIntervalMinutes === 5), 1)[0];

  return {
    district,
    outageFrom: start + OUTAGE_START_HOURS * HOUR_MS,
    outageTo: start + OUTAGE_END_HOURS * HOUR_MS,
    beidouOnly: new Set(inDistrict.filter((s) => s.channels.includes('beidou')).map((s) => s.id)),
    cutOff: new Set(inDistrict.filter((s) => !s.channels.includes('beidou')).map((s) => s.id)),
    silentFrom: new Map(failed.map((s, i) => [s.id, start + 30 * MINUTE_MS + (i % 6) * 15 * MINUTE_MS])),
    draining: new Set(draining.map((s) => s.id)),
    stuckFrom: new Map(stuck.map((s) => [s.id, start + HOUR_MS])),
    ...(drifting === undefined ? {} : { drifting: drifting.id }),
  };
}
