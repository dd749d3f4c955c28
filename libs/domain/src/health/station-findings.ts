import { ELEMENTS } from '../telemetry/element';
import { checkHardLimits } from '../telemetry/quality-check';
import type { ClockDrift } from './clock-drift-samples';
import { describeDuration } from './describe-duration';
import type { HealthPolicy } from './health-policy';
import type { NeighbourMovement } from './neighbour-movement';
import type { QualityFinding } from './quality-finding';
import type { BatteryHealth } from './station-health-snapshot';
import type { StationTelemetry } from './station-telemetry';
import { levelStuckFinding, rainfallStuckFinding } from './stuck-sensor';

/** Every quality finding of one station at `now`, in a fixed order: stuck, spike, limits, battery, clock. */
export function stationFindings(
  telemetry: StationTelemetry,
  battery: BatteryHealth | undefined,
  drift: ClockDrift | undefined,
  neighbours: NeighbourMovement,
  now: number,
  policy: HealthPolicy,
): QualityFinding[] {
  const findings: QualityFinding[] = [];
  const add = (finding: QualityFinding | undefined): void => {
    if (finding) findings.push(finding);
  };
  if (telemetry.level) add(levelStuckFinding(telemetry.level.run, neighbours, now, policy.levelStuck));
  if (telemetry.rainfallRun) add(rainfallStuckFinding(telemetry.rainfallRun, policy.rainfallStuck));
  if (telemetry.level) add(spikeFinding(telemetry, now, policy));
  for (const element of ELEMENTS) add(outOfLimitsFinding(telemetry, element));
  if (battery) {
    add(batteryLowFinding(telemetry, battery, policy));
    add(batteryFallingFinding(telemetry, battery, policy));
  }
  if (drift) add(clockDriftFinding(telemetry, drift, policy));
  return findings;
}

function spikeFinding(telemetry: StationTelemetry, now: number, policy: HealthPolicy): QualityFinding | undefined {
  const spikes = telemetry.level?.spikes.spikesSince(now - policy.spike.rememberMs) ?? [];
  const latest = spikes[spikes.length - 1];
  if (latest === undefined) return undefined;
  const count = spikes.length === 1 ? 'a spike' : `${spikes.length} spikes`;
  const shape = `${latest.before} → ${latest.peak} → ${latest.after} m`;
  return {
    kind: 'spike',
    element: 'water_level',
    since: spikes[0]!.at,
    reason: `${count} in the last ${describeDuration(policy.spike.rememberMs)}, latest ${shape}`,
  };
}

function outOfLimitsFinding(telemetry: StationTelemetry, element: (typeof ELEMENTS)[number]): QualityFinding | undefined {
  const since = telemetry.outOfLimitsSince[element];
  const latest = telemetry.latest[element];
  if (since === undefined || latest === undefined) return undefined;
  // Ingestion already flagged the reading suspect with a note; say the same thing.
  const reason = latest.qualityNote ?? checkHardLimits(telemetry.station, element, latest.value).note ?? `${element} outside its hard limits`;
  return { kind: 'out_of_limits', element, since, reason };
}

function batteryLowFinding(telemetry: StationTelemetry, battery: BatteryHealth, policy: HealthPolicy): QualityFinding | undefined {
  const since = telemetry.battery?.lowSince;
  if (since === undefined) return undefined;
  return {
    kind: 'battery_low',
    element: 'battery_voltage',
    since,
    reason: `battery ${battery.latestVolts} V, below ${policy.battery.lowVolts} V`,
  };
}

function batteryFallingFinding(telemetry: StationTelemetry, battery: BatteryHealth, policy: HealthPolicy): QualityFinding | undefined {
  const slope = battery.trendVoltsPerHour;
  const recent = telemetry.battery?.recent;
  if (slope === undefined || recent === undefined || !(slope < policy.battery.fallingVoltsPerHour)) return undefined;
  const from = recent.timeAt(0);
  return {
    kind: 'battery_falling',
    element: 'battery_voltage',
    since: from,
    reason: `battery falling ${Math.abs(slope).toFixed(3)} V/h over the last ${describeDuration(battery.latestAt - from)} (${recent.valueAt(0)} V to ${battery.latestVolts} V)`,
  };
}

function clockDriftFinding(telemetry: StationTelemetry, drift: ClockDrift, policy: HealthPolicy): QualityFinding | undefined {
  const limit = policy.clockDrift.limitMs;
  if (Math.abs(drift.medianMs) <= limit) return undefined;
  const side = drift.medianMs > 0 ? 'behind (or its reports delayed)' : 'ahead';
  return {
    kind: 'clock_drift',
    since: telemetry.drift.beyondSince(limit, drift.medianMs) ?? telemetry.lastObservedAt ?? 0,
    reason: `station clock ${describeDuration(drift.medianMs)} ${side}: median receipt − observation time of ${drift.samples} cellular messages, limit ${describeDuration(limit)}`,
  };
}
