import type { AlertEvent } from '@hydro/domain';
import type { Log } from '@hydro/ingestion';
import type { Webhook } from '../webhook';

export const T0 = Date.parse('2024-09-15T08:30:00+08:00');

/** A log that keeps every line, so specs can check that each delivery attempt was logged. */
export function recordingLog(): Log & { lines: Array<{ level: string; message: string }> } {
  const lines: Array<{ level: string; message: string }> = [];
  return {
    lines,
    log: (message) => lines.push({ level: 'log', message }),
    warn: (message) => lines.push({ level: 'warn', message }),
    error: (message) => lines.push({ level: 'error', message }),
  };
}

export function webhook(overrides: Partial<Webhook> & Pick<Webhook, 'id' | 'url'>): Webhook {
  return {
    severities: ['blue', 'yellow', 'orange', 'red'],
    kinds: ['water_level', 'rate_of_rise', 'venue_band', 'mountain_torrent'],
    locale: 'zh-CN',
    ...overrides,
  };
}

const LEVEL = { stationId: '70600002', value: 4.35, level: 4.2, thresholdCode: 'warning', thresholdName: '警戒水位', direction: 'rising', unit: 'm' };

/** A water-level alert's transition; override what a spec is about. */
export function levelEvent(overrides: Partial<AlertEvent> = {}): AlertEvent {
  return {
    alertId: '20240915T003000Z-0123456789abcdef',
    type: 'raised',
    at: T0 + 20_000,
    observedAt: T0,
    severity: 'yellow',
    state: 'active',
    acknowledged: false,
    ruleId: 'water-level-wenzhou',
    kind: 'water_level',
    subjectId: '70600002',
    stationIds: ['70600002'],
    district: 'lucheng',
    basin: 'ou',
    details: LEVEL,
    ...overrides,
  };
}
