import type { MountainTorrentRule, WarningArea } from '../../rule-set';

/**
 * A village in Yongjia under two gauges, with the county example's critical rainfall turned into the
 * two village levels (准备转移 / 立即转移); specs state what they change.
 */
export function warningArea(overrides: Partial<WarningArea> = {}): WarningArea {
  return {
    id: 'yj-yantou-lishui',
    name: '岩头镇丽水街村',
    villages: ['丽水街村', '岩头村'],
    town: '岩头镇',
    district: 'yongjia',
    basin: 'ou',
    population: 312,
    gaugeIds: ['70110001', '70110002'],
    aggregation: 'max',
    thresholds: [
      { windowHours: 1, prepare: 35, evacuate: 45 },
      { windowHours: 3, prepare: 55, evacuate: 75 },
      { windowHours: 6, prepare: 70, evacuate: 95 },
      { windowHours: 24, prepare: 100, evacuate: 130 },
    ],
    contacts: {
      town: [{ role: '镇防汛责任人', name: '陈建国', phone: '13800000001' }],
      village: [{ role: '村防汛责任人', name: '周小红', phone: '13800000002' }],
    },
    ...overrides,
  };
}

export function torrentRule(area: WarningArea = warningArea(), overrides: Partial<MountainTorrentRule> = {}): MountainTorrentRule {
  return {
    id: `mt-${area.id}`,
    kind: 'mountain_torrent',
    area,
    severities: { prepare: 'orange', evacuate: 'red' },
    clearingDelayMs: 0,
    staleAfterMs: 30 * 60_000,
    ...overrides,
  };
}
