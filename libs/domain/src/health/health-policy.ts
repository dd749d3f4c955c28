import type { Channel } from '../telemetry/channel';
import type { EquipmentConditionKind, EquipmentSeverity } from './equipment-condition';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface ClockDriftPolicy {
  /** Cellular messages the median is taken over. */
  readonly samples: number;
  /** Fewer messages than this give no drift at all. */
  readonly minSamples: number;
  /** |median| above this is a finding. */
  readonly limitMs: number;
}

export interface BatteryPolicy {
  /** Latest voltage below this is low (12 V systems). */
  readonly lowVolts: number;
  /** A trend below this slope (V/h) is falling. */
  readonly fallingVoltsPerHour: number;
  /** The trend is fitted over this much observation time before the newest battery reading. */
  readonly trendWindowMs: number;
  readonly trendMinPoints: number;
  /** First to last point of the fit must span this much; a short span follows the solar cycle, not the battery. */
  readonly trendMinSpanMs: number;
}

export interface LevelStuckPolicy {
  /** A flat run needs at least this many identical readings to be looked at. */
  readonly minReadings: number;
  /** Flat this long is stuck unless the neighbours are flat too. */
  readonly flatMs: number;
  /** Flat this long is stuck whatever the neighbours do. */
  readonly quietFlatMs: number;
  /** The recent window neighbours' ranges are taken over; flat across it while they moved is stuck. */
  readonly neighbourWindowMs: number;
  /** Neighbours moved when the median of their ranges over the window exceeds this (m). */
  readonly neighbourChange: number;
  /** Fewer neighbours with data than this say nothing about the weather. */
  readonly minNeighbours: number;
}

export interface RainfallStuckPolicy {
  readonly minReadings: number;
  /** The same non-zero rainfall this long is stuck. Zero never is. */
  readonly flatMs: number;
}

export interface SpikePolicy {
  /** Both steps of a spike exceed this (m). */
  readonly jump: number;
  /** The third value lies within this of the first (m). */
  readonly returnWithin: number;
  /** A spike stays a finding this long after it was observed. */
  readonly rememberMs: number;
}

/** Every threshold of station health, in one place. */
export interface HealthPolicy {
  /** This many missed reports in a row make a channel offline (fewer, at least one: late). */
  readonly offlineAfterMissed: number;
  /** Normal delay of each channel before a report counts as missed. */
  readonly allowanceMs: Readonly<Record<Channel, number>>;
  readonly clockDrift: ClockDriftPolicy;
  readonly battery: BatteryPolicy;
  readonly levelStuck: LevelStuckPolicy;
  readonly rainfallStuck: RainfallStuckPolicy;
  readonly spike: SpikePolicy;
  /** Most points any one series keeps, whatever its window: bounds memory under a flood of added reports. */
  readonly maxPointsPerSeries: number;
  readonly severities: Readonly<Record<EquipmentConditionKind, EquipmentSeverity>>;
}

export const DEFAULT_HEALTH_POLICY: HealthPolicy = {
  offlineAfterMissed: 3,
  allowanceMs: { cellular: 2 * MINUTE, beidou: 30 * MINUTE },
  clockDrift: { samples: 12, minSamples: 3, limitMs: 10 * MINUTE },
  battery: { lowVolts: 11.5, fallingVoltsPerHour: -0.05, trendWindowMs: 24 * HOUR, trendMinPoints: 6, trendMinSpanMs: 6 * HOUR },
  levelStuck: {
    minReadings: 12,
    flatMs: 6 * HOUR,
    quietFlatMs: 72 * HOUR,
    neighbourWindowMs: 2 * HOUR,
    neighbourChange: 0.1,
    minNeighbours: 2,
  },
  rainfallStuck: { minReadings: 12, flatMs: 3 * HOUR },
  spike: { jump: 0.5, returnWithin: 0.1, rememberMs: 24 * HOUR },
  maxPointsPerSeries: 2048,
  severities: {
    station_offline: 'yellow',
    channel_down: 'blue',
    battery_low: 'yellow',
    stuck_sensor: 'yellow',
    clock_drift: 'blue',
  },
};

/** What is wrong with a policy, for a boot-time error; empty when it is usable. */
export function healthPolicyProblems(policy: HealthPolicy): string[] {
  const problems: string[] = [];
  const positive = (name: string, value: number): void => {
    if (!(Number.isFinite(value) && value > 0)) problems.push(`${name} must be a positive number (got ${value})`);
  };
  const count = (name: string, value: number, min: number): void => {
    if (!(Number.isInteger(value) && value >= min)) problems.push(`${name} must be an integer of at least ${min} (got ${value})`);
  };
  count('offlineAfterMissed', policy.offlineAfterMissed, 1);
  for (const [channel, ms] of Object.entries(policy.allowanceMs)) {
    if (!(Number.isFinite(ms) && ms >= 0)) problems.push(`allowanceMs.${channel} must be zero or more (got ${ms})`);
  }
  count('clockDrift.samples', policy.clockDrift.samples, 1);
  count('clockDrift.minSamples', policy.clockDrift.minSamples, 1);
  if (policy.clockDrift.minSamples > policy.clockDrift.samples) problems.push('clockDrift.minSamples must not exceed clockDrift.samples');
  positive('clockDrift.limitMs', policy.clockDrift.limitMs);
  positive('battery.trendWindowMs', policy.battery.trendWindowMs);
  count('battery.trendMinPoints', policy.battery.trendMinPoints, 2);
  count('levelStuck.minReadings', policy.levelStuck.minReadings, 2);
  positive('levelStuck.neighbourWindowMs', policy.levelStuck.neighbourWindowMs);
  if (policy.levelStuck.quietFlatMs < policy.levelStuck.flatMs) problems.push('levelStuck.quietFlatMs must not be shorter than levelStuck.flatMs');
  count('levelStuck.minNeighbours', policy.levelStuck.minNeighbours, 1);
  count('rainfallStuck.minReadings', policy.rainfallStuck.minReadings, 2);
  positive('spike.jump', policy.spike.jump);
  count('maxPointsPerSeries', policy.maxPointsPerSeries, 3);
  return problems;
}
