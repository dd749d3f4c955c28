import type { ChannelHealth } from './channel-health';
import { describeDuration } from './describe-duration';
import type { EquipmentCondition, EquipmentConditionKind, EquipmentDetails } from './equipment-condition';
import type { HealthPolicy } from './health-policy';
import type { QualityFinding, QualityFindingKind } from './quality-finding';
import type { StationHealthSnapshot } from './station-health-snapshot';

/**
 * The equipment conditions one snapshot evaluates, breached or normal, for the alert lifecycle.
 * Being offline is itself the fault here: offline is a breach, reporting again is normal.
 *
 * Left out, because there is nothing to say: everything while the station is under maintenance;
 * channel_down for single-channel stations (station_offline says it), for a channel under
 * maintenance, and while the whole station is offline (station_offline speaks for it);
 * battery_low before any battery reading; stuck_sensor before any level or rainfall reading;
 * clock_drift before enough cellular messages.
 */
export function equipmentConditions(snapshot: StationHealthSnapshot, policy: HealthPolicy): EquipmentCondition[] {
  if (snapshot.status === 'maintenance') return [];
  const conditions: EquipmentCondition[] = [];
  const { stationId, at } = snapshot;
  const add = (kind: EquipmentConditionKind, subjectId: string, since: number | undefined, details: EquipmentDetails, breach: boolean): void => {
    conditions.push({
      kind,
      subjectId,
      stationIds: [stationId],
      outcome: breach ? 'breach' : 'normal',
      severity: policy.severities[kind],
      observedAt: at,
      since: breach ? since : undefined,
      details,
    });
  };

  const offline = snapshot.status === 'offline';
  add('station_offline', stationId, snapshot.since, offlineDetails(snapshot), offline);

  if (snapshot.channels.length > 1 && !offline) {
    for (const channel of snapshot.channels) {
      if (channel.status === 'maintenance') continue;
      add('channel_down', `${stationId}:${channel.channel}`, channel.since, channelDetails(channel, at), channel.status === 'offline');
    }
  }

  const { battery, clockDrift } = snapshot;
  if (battery) {
    const faults = findingsOf(snapshot, 'battery_low', 'battery_falling');
    const details = {
      reason: faults.length > 0 ? reasons(faults) : `battery ${battery.latestVolts} V`,
      latestVolts: battery.latestVolts,
      trendVoltsPerHour: battery.trendVoltsPerHour ?? null,
      low: faults.some((f) => f.kind === 'battery_low'),
      falling: faults.some((f) => f.kind === 'battery_falling'),
    };
    add('battery_low', stationId, earliest(faults), details, faults.length > 0);
  }

  if (snapshot.latest.water_level !== undefined || snapshot.latest.rainfall !== undefined) {
    const stuck = findingsOf(snapshot, 'stuck');
    const details = { reason: stuck.length > 0 ? reasons(stuck) : 'readings vary', elements: stuck.map((f) => f.element).join(',') };
    add('stuck_sensor', stationId, earliest(stuck), details, stuck.length > 0);
  }

  if (clockDrift) {
    const drift = findingsOf(snapshot, 'clock_drift');
    const within = `clock within limits (median ${describeDuration(clockDrift.medianMs)})`;
    const details = { reason: drift.length > 0 ? reasons(drift) : within, medianMs: clockDrift.medianMs, samples: clockDrift.samples };
    add('clock_drift', stationId, earliest(drift), details, drift.length > 0);
  }
  return conditions;
}

function offlineDetails(snapshot: StationHealthSnapshot): EquipmentDetails {
  const last = snapshot.lastReceivedAt;
  let reason = `reporting (${snapshot.status})`;
  if (snapshot.status === 'offline') {
    reason = last === undefined ? 'never reported on any channel' : `no report on any channel for ${describeDuration(snapshot.at - last)}`;
  }
  return { reason, status: snapshot.status, lastReceivedAt: last ?? null, neverReported: snapshot.neverReported };
}

function channelDetails(channel: ChannelHealth, at: number): EquipmentDetails {
  const last = channel.lastReceivedAt;
  let reason = `${channel.channel} reporting (${channel.status})`;
  if (channel.status === 'offline') {
    const silent = last === undefined ? `nothing ever received over ${channel.channel}` : `no report over ${channel.channel} for ${describeDuration(at - last)}`;
    reason = `${silent}; the station reports over its other channel`;
  }
  return { reason, channel: channel.channel, status: channel.status, lastReceivedAt: last ?? null };
}

function findingsOf(snapshot: StationHealthSnapshot, ...kinds: QualityFindingKind[]): QualityFinding[] {
  return snapshot.findings.filter((f) => kinds.includes(f.kind));
}

function earliest(findings: readonly QualityFinding[]): number | undefined {
  return findings.length === 0 ? undefined : Math.min(...findings.map((f) => f.since));
}

function reasons(findings: readonly QualityFinding[]): string {
  return findings.map((f) => f.reason).join('; ');
}
