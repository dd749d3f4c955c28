import { telemetryTopic } from '@hydro/domain';
import type { ReplayRecord } from './replay-record';

export interface ReplayReport {
  readonly observedAt: number;
  readonly topic: string;
  readonly payload: string;
}

/**
 * Groups records into the reports a station would have sent (one per station, channel and
 * observation time, carrying all its elements), in observation-time order, in the message
 * contract's form, so a replay takes exactly the path live telemetry takes.
 */
export function replayReports(records: readonly ReplayRecord[]): ReplayReport[] {
  const groups = new Map<string, { record: ReplayRecord; readings: Record<string, number> }>();
  for (const record of records) {
    const key = `${record.stationId}|${record.channel}|${record.observedAt}`;
    const group = groups.get(key) ?? { record, readings: {} };
    group.readings[record.element] = record.value;
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => a.record.observedAt - b.record.observedAt || a.record.stationId.localeCompare(b.record.stationId))
    .map(({ record, readings }) => ({
      observedAt: record.observedAt,
      topic: telemetryTopic(record.stationId),
      payload: JSON.stringify({
        stationId: record.stationId,
        observedAt: record.observedAt,
        channel: record.channel,
        readings,
      }),
    }));
}
