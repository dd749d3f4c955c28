import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { AlertEvent } from '../alert-event';
import { ALERT_KINDS } from '../alert-kind';
import type { AlertDetails, JsonValue } from '../alert-outcome';
import { SEVERITIES } from '../severity';
import {
  alert,
  event,
  HOUR,
  LEVEL_DETAILS,
  MINUTE,
  names,
  OBSERVED,
  RISE_DETAILS,
  TORRENT_DETAILS,
  TORRENT_RAISED,
  VENUE_DETAILS,
} from './__fixtures__/message-fixtures';
import { alertMessage, messageLine } from './alert-message';
import type { MessageLocale } from './message-locale';

const line = (source: Parameters<typeof alertMessage>[0], locale: MessageLocale): string => messageLine(alertMessage(source, locale, { names }), locale);

describe('alertMessage', () => {
  describe('flash flood (山洪)', () => {
    it('words an evacuate-now warning in Chinese with the rainfall, the gauge, the people at risk and whom to call', () => {
      expect(line(TORRENT_RAISED, 'zh-CN')).toBe(
        '【山洪 立即转移·红色】永嘉县岩坦镇溪口村：3小时雨量 112.5 mm，超过立即转移阈值 100 mm（岩坦站）。观测时间 2024-09-15 08:30。' +
          '危险区 23 人。请联系：镇 张三 +86 000 0000 0001；村 李四 +86 000 0000 0002。',
      );
    });

    it('words the same warning in English, with the colour and its level numeral', () => {
      expect(line(TORRENT_RAISED, 'en')).toBe(
        '[Flash flood — evacuate now, red (I)] 溪口村, 岩坦镇, Yongjia: 112.5 mm of rain in 3 h at 岩坦站 gauge, above the 100 mm evacuate-now threshold. ' +
          'Observed 2024-09-15 08:30 Beijing time. 23 people in the risk zone. Call: town 张三 +86 000 0000 0001; village 李四 +86 000 0000 0002.',
      );
    });

    it.each<[string, MessageLocale, AlertDetails, string]>([
      ['prepare to evacuate', 'zh-CN', { ...TORRENT_DETAILS, level: 'prepare', threshold: 75, rainfall: 80 }, '3小时雨量 80 mm，超过准备转移阈值 75 mm（岩坦站）。'],
      ['prepare to evacuate', 'en', { ...TORRENT_DETAILS, level: 'prepare', threshold: 75, rainfall: 80 }, '80 mm of rain in 3 h at 岩坦站 gauge, above the 75 mm prepare-to-evacuate threshold.'],
      ['areal mean rainfall', 'zh-CN', { ...TORRENT_DETAILS, gaugeId: null, aggregation: 'mean' }, '3小时面雨量 112.5 mm，超过立即转移阈值 100 mm（面平均）。'],
      ['areal mean rainfall', 'en', { ...TORRENT_DETAILS, gaugeId: null, aggregation: 'mean' }, '112.5 mm of rain in 3 h (areal mean of the gauges), above the 100 mm evacuate-now threshold.'],
      ['a silent gauge', 'zh-CN', { ...TORRENT_DETAILS, incomplete: true, silentGauges: ['70500002'] }, '数据不完整：溪下站无数据，实际雨量可能更大。'],
      ['a silent gauge', 'en', { ...TORRENT_DETAILS, incomplete: true, silentGauges: ['70500002'] }, 'Incomplete: no data from 溪下站; the real rainfall may be higher.'],
      ['one person at risk', 'en', { ...TORRENT_DETAILS, population: 1 }, '1 person in the risk zone.'],
    ])('says %s (%s)', (_case, locale, details, expected) => {
      expect(alertMessage({ ...TORRENT_RAISED, details }, locale, { names }).body).toContain(expected);
    });

    it('leaves out whom to call when the area has no contacts, and reports a complete window as such', () => {
      const { body } = alertMessage({ ...TORRENT_RAISED, details: { ...TORRENT_DETAILS, contacts: { town: [], village: [] } } }, 'zh-CN', { names });
      expect(body).not.toContain('请联系');
      expect(body).not.toContain('数据不完整');
    });

    it('names the level in the title only while the warning holds', () => {
      const resolved = alertMessage({ ...TORRENT_RAISED, type: 'resolved', state: 'resolved', details: { ...TORRENT_DETAILS, rainfall: 40 } }, 'zh-CN', { names });
      expect(resolved.title).toBe('【山洪·红色·解除】永嘉县岩坦镇溪口村');
      expect(resolved.body).toContain('3小时雨量 40 mm（岩坦站），立即转移阈值 100 mm。');
    });
  });

  describe('water level', () => {
    const level = (details: AlertDetails) => event({ kind: 'water_level', details });

    it.each<[string, AlertDetails, string, string]>([
      ['one centimetre above', { ...LEVEL_DETAILS, value: 4.21 }, '水位 4.21 m，超过警戒水位 4.20 m（超 0.01 m）。', 'Level 4.21 m, 0.01 m above the warning level (4.20 m).'],
      ['exactly at the level', { ...LEVEL_DETAILS, value: 4.2 }, '水位 4.20 m，达到警戒水位。', 'Level 4.20 m, at the warning level.'],
      ['a falling rule below its level', { ...LEVEL_DETAILS, direction: 'falling', value: 2.1, level: 2.2, thresholdCode: 'minimum_navigation', thresholdName: '最低通航水位' }, '水位 2.10 m，低于最低通航水位 2.20 m（低 0.10 m）。', 'Level 2.10 m, 0.10 m below the minimum navigation level (2.20 m).'],
      ['a level without threshold', { stationId: '70600002', value: 4.35 }, '水位 4.35 m。', 'Level 4.35 m.'],
    ])('words %s', (_case, details, zh, en) => {
      expect(alertMessage(level(details), 'zh-CN', { names }).body.startsWith(zh)).toBe(true);
      expect(alertMessage(level(details), 'en', { names }).body.startsWith(en)).toBe(true);
    });

    it('titles the crossed level with the station and its district', () => {
      expect(alertMessage(level(LEVEL_DETAILS), 'zh-CN', { names }).title).toBe('【超警戒水位·黄色】鹿城区温州站');
      expect(alertMessage(level(LEVEL_DETAILS), 'en', { names }).title).toBe('[Above warning level, yellow (III)] 温州站, Lucheng');
    });

    it('falls back to the station code when the registry does not know the station', () => {
      expect(alertMessage(level(LEVEL_DETAILS), 'zh-CN').title).toBe('【超警戒水位·黄色】鹿城区测站70600002');
      expect(alertMessage(level(LEVEL_DETAILS), 'en').title).toBe('[Above warning level, yellow (III)] station 70600002, Lucheng');
    });
  });

  describe('rate of rise', () => {
    it.each<[MessageLocale, string]>([
      ['zh-CN', '【水位陡涨·橙色】鹿城区温州站：60分钟内水位上涨 0.45 m（每小时 0.45 m），超过上涨限值 0.30 m。'],
      ['en', '[Rapid rise, orange (II)] 温州站, Lucheng: Level rose 0.45 m in 60 min (0.45 m/h), above the 0.30 m limit.'],
    ])('words the rise over its window against the limit (%s)', (locale, expected) => {
      expect(line(event({ kind: 'rate_of_rise', severity: 'orange', details: RISE_DETAILS }), locale).startsWith(expected)).toBe(true);
    });
  });

  describe('venue band', () => {
    const venue = (details: AlertDetails) => event({ kind: 'venue_band', subjectId: 'dragon-boat', stationIds: ['71000001', '71000002'], district: 'ouhai', details });

    it('gives dispatch the distance to the band, the trend, when it will leave, every gauge and the window', () => {
      expect(line(venue(VENUE_DETAILS), 'zh-CN')).toBe(
        '【场馆水位 接近控制界限·黄色】温州龙舟运动中心：会展中心站 水位 3.45 m，距控制上限 3.50 m 尚余 0.05 m（控制区间 3.00–3.50 m）；趋势 +4.0 cm/h；约 75 分钟后超出区间。' +
          '观测时间 2024-09-15 08:30。各站：会展中心站 3.45 m、三垟站 3.41 m。时段：龙舟竞速。',
      );
      expect(line(venue(VENUE_DETAILS), 'en')).toBe(
        '[Venue level near band limit, yellow (III)] 温州龙舟运动中心: Level 3.45 m at 会展中心站, 0.05 m inside the upper limit 3.50 m (band 3.00–3.50 m); trend +4.0 cm/h; will leave the band in ~75 min. ' +
          'Observed 2024-09-15 08:30 Beijing time. Gauges: 会展中心站 3.45 m, 三垟站 3.41 m. Window: 龙舟竞速.',
      );
    });

    it.each<[string, AlertDetails, string, string]>([
      ['outside below the lower limit', { ...VENUE_DETAILS, state: 'outside', value: 2.9, distance: 0.1, trendCmPerHour: -2.5, leavesInMinutes: null }, '低于控制下限 3.00 m 0.10 m', '0.10 m below the lower limit 3.00 m'],
      ['outside above the upper limit', { ...VENUE_DETAILS, state: 'outside', value: 3.62, distance: 0.12, leavesInMinutes: null }, '高于控制上限 3.50 m 0.12 m', '0.12 m above the upper limit 3.50 m'],
      ['exactly at the upper limit', { ...VENUE_DETAILS, value: 3.5, distance: 0 }, '距控制上限 3.50 m 尚余 0.00 m', '0.00 m inside the upper limit 3.50 m'],
    ])('words a level %s', (_case, details, zh, en) => {
      expect(alertMessage(venue(details), 'zh-CN', { names }).body).toContain(zh);
      expect(alertMessage(venue(details), 'en', { names }).body).toContain(en);
    });

    it('says nothing about leaving the band when the trend does not lead out of it', () => {
      const { body } = alertMessage(venue({ ...VENUE_DETAILS, leavesInMinutes: null, trendCmPerHour: -1 }), 'en', { names });
      expect(body).toContain('trend -1.0 cm/h');
      expect(body).not.toContain('will leave');
    });
  });

  describe('equipment', () => {
    const fault = (kind: Parameters<typeof event>[0]['kind'], details: AlertDetails, subjectId = '70500001') =>
      event({ kind, details, severity: 'blue', subjectId, stationIds: ['70500001'], district: 'yongjia' });

    it.each<[string, ReturnType<typeof fault>, string, string]>([
      [
        'a silent station',
        fault('station_offline', { reason: 'no report', status: 'offline', lastReceivedAt: OBSERVED - 3 * HOUR - 20 * MINUTE, neverReported: false }),
        '【测站离线·蓝色】永嘉县岩坦站（70500001）：所有信道已3小时20分钟无上报（最后接收 2024-09-15 05:10）。',
        '[Station offline, blue (IV)] 岩坦站 (70500001), Yongjia: No report on any channel for 3 h 20 min (last received 2024-09-15 05:10).',
      ],
      ['a station that never reported', fault('station_offline', { reason: 'never', status: 'offline', lastReceivedAt: null, neverReported: true }), '该站从未上报。', 'Never reported on any channel.'],
      [
        'a dead BeiDou channel',
        fault('channel_down', { reason: 'x', channel: 'beidou', status: 'offline', lastReceivedAt: OBSERVED - 2 * HOUR - 10 * MINUTE }, '70500001:beidou'),
        '北斗卫星信道已2小时10分钟无上报，测站经另一信道上报。',
        'No report over BeiDou for 2 h 10 min; the station reports over its other channel.',
      ],
      ['a low, falling battery', fault('battery_low', { reason: 'x', latestVolts: 11.2, trendVoltsPerHour: -0.05, low: true, falling: true }), '蓄电池电压 11.2 V，偏低，每小时下降 0.050 V。', 'Battery 11.2 V, low, falling 0.050 V/h.'],
      [
        'a stuck level sensor',
        fault('stuck_sensor', { reason: 'water level 3.2 m unchanged for 6 h (72 readings)', elements: 'water_level' }),
        '水位传感器读数长时间不变（water level 3.2 m unchanged for 6 h (72 readings)）。',
        'Water level 3.2 m unchanged for 6 h (72 readings).',
      ],
      ['a clock running behind', fault('clock_drift', { reason: 'x', medianMs: 12 * MINUTE, samples: 40 }), '测站时钟慢约12分钟（或报文延迟），依据 40 条移动网络报文。', 'Station clock about 12 min behind (or its reports delayed), from 40 cellular messages.'],
      ['a clock running ahead', fault('clock_drift', { reason: 'x', medianMs: -6 * MINUTE, samples: 12 }), '测站时钟快约6分钟，依据 12 条移动网络报文。', 'Station clock about 6 min ahead, from 12 cellular messages.'],
    ])('words %s from its numbers', (_case, source, zh, en) => {
      expect(line(source, 'zh-CN')).toContain(zh);
      expect(line(source, 'en')).toContain(en);
    });

    it('falls back to the reason when the numbers are missing', () => {
      const source = fault('battery_low', { reason: 'battery 11.1 V, below 11.5 V' });
      expect(alertMessage(source, 'en', { names }).body).toContain('Battery 11.1 V, below 11.5 V.');
      expect(alertMessage(source, 'zh-CN', { names }).body).toContain('详情：battery 11.1 V, below 11.5 V。');
    });

    it('falls back to the reason for a silent station when its last-received time is beyond what a date can hold', () => {
      const source = fault('station_offline', { reason: 'no report', lastReceivedAt: 8_639_999_971_200_001 });
      expect(alertMessage(source, 'en', { names }).body).toMatch(/^No report\./);
      expect(alertMessage(source, 'zh-CN', { names }).body).toContain('详情：no report。');
    });

    it('words the recovery, not the fault, once resolved', () => {
      const resolved = { ...fault('station_offline', { reason: 'reporting (online)', status: 'online', lastReceivedAt: OBSERVED, neverReported: false }), type: 'resolved' as const, state: 'resolved' as const };
      expect(alertMessage(resolved, 'zh-CN', { names }).body).toBe('已恢复上报。观测时间 2024-09-15 08:30。已解除。');
      expect(alertMessage(resolved, 'en', { names }).body).toBe('Reporting again. Observed 2024-09-15 08:30 Beijing time. Cleared.');
    });
  });

  describe('transitions', () => {
    /** People and time make these transitions: the log gives them no observation time. */
    const withoutObservation = (source: AlertEvent): AlertEvent => {
      if (!['acknowledged', 'stale', 'renotified', 'closed'].includes(source.type)) return source;
      const { observedAt: _observedAt, ...rest } = source;
      return rest;
    };
    const base = event({ kind: 'water_level', details: LEVEL_DETAILS, severity: 'red' });
    it.each<[string, Partial<typeof base>, string, string, string, string]>([
      ['raised', {}, '【超警戒水位·红色】', '[Above warning level, red (I)]', '观测时间 2024-09-15 08:30。', 'Beijing time.'],
      ['escalated', { type: 'escalated', previousSeverity: 'orange' }, '·升级】', ', escalated]', '由橙色升级为红色。', 'Escalated from orange (II) to red (I).'],
      ['de-escalated', { type: 'deescalated', severity: 'orange', previousSeverity: 'red' }, '·降级】', ', lowered]', '由红色降为橙色。', 'Lowered from red (I) to orange (II).'],
      [
        'acknowledged',
        { type: 'acknowledged', state: 'acknowledged', acknowledged: true, actor: '王五', note: ' 已通知堤防巡查 ', at: OBSERVED + 5 * MINUTE },
        '·已确认】',
        ', acknowledged]',
        '已由 王五 确认（2024-09-15 08:35）：已通知堤防巡查。',
        'Acknowledged by 王五 at 2024-09-15 08:35: 已通知堤防巡查.',
      ],
      ['stale', { type: 'stale', staleSince: OBSERVED - 40 * MINUTE }, '·数据中断】', ', no data]', '2024-09-15 07:50 后无数据', 'No data since 2024-09-15 07:50'],
      ['fresh', { type: 'fresh' }, '·数据恢复】', ', data back]', '数据已恢复。', 'Data is arriving again.'],
      ['renotified', { type: 'renotified' }, '·再次提醒】', ', reminder]', '至今无人确认。', 'Nobody has acknowledged it yet.'],
      ['resolved', { type: 'resolved', state: 'resolved' }, '【水位·红色·解除】', '[Water level, red (I), resolved]', '已解除。', 'Cleared.'],
      ['closed', { type: 'closed', state: 'resolved', acknowledged: true }, '·关闭】', ', closed]', '已解除并确认，告警关闭。', 'Resolved and acknowledged: closed.'],
    ])('says the alert was %s', (_case, change, zhTag, enTag, zh, en) => {
      const source = withoutObservation({ ...base, ...change });
      expect(alertMessage(source, 'zh-CN', { names }).title).toContain(zhTag);
      expect(alertMessage(source, 'en', { names }).title).toContain(enTag);
      expect(alertMessage(source, 'zh-CN', { names }).body).toContain(zh);
      expect(alertMessage(source, 'en', { names }).body).toContain(en);
    });

    it('gives no observation time for a transition that observed nothing', () => {
      const acknowledged = withoutObservation({ ...base, type: 'acknowledged', actor: '王五' });
      expect(alertMessage(acknowledged, 'zh-CN', { names }).body).not.toContain('观测时间');
      expect(alertMessage(base, 'zh-CN', { names }).body).toContain('观测时间');
    });
  });

  describe('an alert as it stands', () => {
    it.each<[string, Partial<Parameters<typeof alert>[0]>, string, string]>([
      ['active', {}, '【超警戒水位·黄色】鹿城区温州站', '水位 4.35 m，超过警戒水位 4.20 m（超 0.15 m）。观测时间 2024-09-15 08:30。'],
      ['acknowledged', { state: 'acknowledged', acknowledged: true, acknowledgedBy: '王五', acknowledgedAt: OBSERVED + MINUTE }, '【超警戒水位·黄色·已确认】', '已由 王五 确认（2024-09-15 08:31）。'],
      ['resolved, not yet acknowledged', { state: 'resolved', resolvedObservedAt: OBSERVED + HOUR, lastObservedAt: OBSERVED + HOUR }, '【水位·黄色·解除】', '已于 2024-09-15 09:30 解除，尚未确认。'],
      ['stale', { staleSince: OBSERVED }, '【超警戒水位·黄色】', '2024-09-15 08:30 后无数据，实际情况可能已变化。'],
    ])('words the alert when %s', (_case, change, title, body) => {
      const message = alertMessage(alert({ kind: 'water_level', details: LEVEL_DETAILS, ...change }), 'zh-CN', { names });
      expect(message.title).toContain(title);
      expect(message.body).toContain(body);
    });
  });

  it('never prints undefined, NaN or [object Object], whatever the details hold', () => {
    const json: fc.Arbitrary<JsonValue> = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }));
    const keys = ['stationId', 'value', 'level', 'thresholdName', 'rise', 'windowMinutes', 'venueName', 'min', 'max', 'gauges', 'level', 'windowHours', 'rainfall', 'threshold', 'gaugeId', 'aggregation', 'contacts', 'reason', 'latestVolts', 'medianMs', 'channel', 'lastReceivedAt', 'state', 'distance'];
    fc.assert(
      fc.property(fc.constantFrom(...ALERT_KINDS), fc.constantFrom(...SEVERITIES), fc.dictionary(fc.constantFrom(...keys), json), fc.constantFrom<MessageLocale>('zh-CN', 'en'), (kind, severity, details, locale) => {
        const { title, body } = alertMessage(event({ kind, severity, details }), locale, { names });
        expect(`${title} ${body}`).not.toMatch(/undefined|NaN|\[object/);
      }),
    );
  });
});
