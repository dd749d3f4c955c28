import { channelHealth } from './channel-health';
import type { HealthPolicy } from './health-policy';
import type { MaintenancePredicate } from './maintenance';
import type { NeighbourMovement } from './neighbour-movement';
import { stationFindings } from './station-findings';
import type { BatteryHealth, StationHealthSnapshot } from './station-health-snapshot';
import { stationStatus } from './station-status';
import type { StationTelemetry } from './station-telemetry';

/** One station's snapshot at `now`, from what it has sent and the movement of its neighbours. */
export function assessStation(
  telemetry: StationTelemetry,
  now: number,
  underMaintenance: MaintenancePredicate,
  neighbours: NeighbourMovement,
  policy: HealthPolicy,
): StationHealthSnapshot {
  const { station } = telemetry;
  const intervalMs = station.reportingIntervalMinutes * 60_000;
  const wholeStation = underMaintenance(station.id, undefined, now);
  const channels = station.channels.map((channel) =>
    channelHealth(channel, telemetry.channels[channel], intervalMs, now, wholeStation || underMaintenance(station.id, channel, now), policy),
  );
  const { status, since, degradedChannels } = stationStatus(channels, wholeStation);
  let lastReceivedAt: number | undefined;
  for (const c of channels) {
    if (c.lastReceivedAt !== undefined && (lastReceivedAt === undefined || c.lastReceivedAt > lastReceivedAt)) lastReceivedAt = c.lastReceivedAt;
  }
  const battery = batteryHealth(telemetry, policy);
  const clockDrift = telemetry.drift.drift(policy.clockDrift.minSamples);
  return {
    stationId: station.id,
    kind: station.kind,
    district: station.district,
    basin: station.basin,
    at: now,
    status,
    since,
    neverReported: channels.every((c) => c.neverReported),
    channels,
    degradedChannels,
    lastReceivedAt,
    lastObservedAt: telemetry.lastObservedAt,
    clockDrift,
    battery,
    latest: { ...telemetry.latest },
    findings: stationFindings(telemetry, battery, clockDrift, neighbours, now, policy),
  };
}

function batteryHealth(telemetry: StationTelemetry, policy: HealthPolicy): BatteryHealth | undefined {
  const latest = telemetry.latest.battery_voltage;
  const { recent, trend } = telemetry.battery ?? {};
  if (latest === undefined || recent === undefined || trend === undefined) return undefined;
  const { trendMinPoints, trendMinSpanMs } = policy.battery;
  const enough = recent.size >= trendMinPoints && recent.size >= 2 && recent.timeAt(recent.size - 1) - recent.timeAt(0) >= trendMinSpanMs;
  return {
    latestVolts: latest.value,
    latestAt: latest.observedAt,
    trendVoltsPerHour: enough ? trend.slopePerHour() : undefined,
    trendPoints: recent.size,
  };
}
