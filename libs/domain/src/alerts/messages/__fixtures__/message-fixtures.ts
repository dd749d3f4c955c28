import type { Alert } from '../../alert';
import type { AlertEvent } from '../../alert-event';
import type { AlertDetails } from '../../alert-outcome';
import type { StationNames } from '../message-locale';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** 2024-09-15 08:30 Beijing time: observation time of every fixture. */
export const OBSERVED = Date.UTC(2024, 8, 15, 0, 30);
/** Detection lags observation by 20 s. */
export const DETECTED = OBSERVED + 20_000;

const NAMES: Readonly<Record<string, string>> = {
  '70500001': '岩坦站',
  '70500002': '溪下站',
  '70600002': '温州站',
  '71000001': '会展中心站',
  '71000002': '三垟站',
};
export const names: StationNames = (id) => NAMES[id];

export const TORRENT_DETAILS: AlertDetails = {
  areaId: 'yj-xikou',
  areaName: '溪口村',
  villages: ['溪口村'],
  town: '岩坦镇',
  district: 'yongjia',
  population: 23,
  level: 'evacuate',
  windowHours: 3,
  rainfall: 112.5,
  threshold: 100,
  gaugeId: '70500001',
  aggregation: 'max',
  incomplete: false,
  silentGauges: [],
  contacts: {
    town: [{ role: '镇长', name: '张三', phone: '+86 000 0000 0001' }],
    village: [{ role: '村主任', name: '李四', phone: '+86 000 0000 0002' }],
  },
};

export const LEVEL_DETAILS: AlertDetails = {
  stationId: '70600002',
  value: 4.35,
  level: 4.2,
  thresholdCode: 'warning',
  thresholdName: '警戒水位',
  direction: 'rising',
  unit: 'm',
};

export const RISE_DETAILS: AlertDetails = { stationId: '70600002', rise: 0.45, windowMinutes: 60, ratePerHour: 0.45, limit: 0.3, unit: 'm' };

export const VENUE_DETAILS: AlertDetails = {
  venueId: 'dragon-boat',
  venueName: '温州龙舟运动中心',
  state: 'approaching',
  min: 3.0,
  max: 3.5,
  worstStationId: '71000001',
  value: 3.45,
  distance: -0.05,
  trendCmPerHour: 4,
  leavesInMinutes: 75,
  gauges: [
    { stationId: '71000001', value: 3.45 },
    { stationId: '71000002', value: 3.41 },
  ],
  window: '龙舟竞速',
};

/** A raised event; override what a spec is about. */
export function event(overrides: Partial<AlertEvent> & Pick<AlertEvent, 'kind' | 'details'>): AlertEvent {
  return {
    alertId: '20240915T003000Z-0123456789abcdef',
    type: 'raised',
    at: DETECTED,
    observedAt: OBSERVED,
    severity: 'yellow',
    state: 'active',
    acknowledged: false,
    ruleId: 'rule',
    subjectId: '70600002',
    stationIds: ['70600002'],
    district: 'lucheng',
    ...overrides,
  };
}

export const TORRENT_RAISED: AlertEvent = event({
  kind: 'mountain_torrent',
  severity: 'red',
  ruleId: 'torrent-yj-xikou',
  subjectId: 'yj-xikou',
  stationIds: ['70500001', '70500002'],
  district: 'yongjia',
  basin: 'ou',
  details: TORRENT_DETAILS,
});

/** An open alert; override what a spec is about. */
export function alert(overrides: Partial<Alert> & Pick<Alert, 'kind' | 'details'>): Alert {
  return {
    id: '20240915T003000Z-0123456789abcdef',
    ruleId: 'rule',
    subjectId: '70600002',
    stationIds: ['70600002'],
    district: 'lucheng',
    state: 'active',
    acknowledged: false,
    severity: 'yellow',
    peakSeverity: 'yellow',
    raisedAt: DETECTED,
    raisedObservedAt: OBSERVED,
    lastObservedAt: OBSERVED,
    version: 1,
    ...overrides,
  };
}
