import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Alert } from '../alert';
import type { AlertEvent } from '../alert-event';
import { ALERT_KINDS, audienceOf } from '../alert-kind';
import type { Severity } from '../severity';
import { alert, DETECTED, event, HOUR, LEVEL_DETAILS, MINUTE, names, OBSERVED, TORRENT_DETAILS, VENUE_DETAILS } from '../messages/__fixtures__/message-fixtures';
import { childNames, childrenNamed, type ParsedElement, parseStrictXml, textOf } from './__fixtures__/strict-xml';
import { capDocument, type CapOptions, CapSenderError } from './cap-document';

const SENDER = 'hydro@wzsl.example';
const OPTIONS: CapOptions = {
  sender: SENDER,
  names,
  positions: (id) => (id === '70500001' ? { latitude: 28.24109, longitude: 120.83026 } : undefined),
};
const ID = '20240915T003000Z-0123456789abcdef';

/** The element order of CAP 1.2's schema (xs:sequence); optional ones may be absent, none may move. */
const ALERT_SEQUENCE = ['identifier', 'sender', 'sent', 'status', 'msgType', 'source', 'scope', 'restriction', 'addresses', 'code', 'note', 'references', 'incidents', 'info'];
const INFO_SEQUENCE = ['language', 'category', 'event', 'responseType', 'urgency', 'severity', 'certainty', 'audience', 'eventCode', 'effective', 'onset', 'expires', 'senderName', 'headline', 'description', 'instruction', 'web', 'contact', 'parameter', 'resource', 'area'];
const AREA_SEQUENCE = ['areaDesc', 'polygon', 'circle', 'geocode', 'altitude', 'ceiling'];
const REPEATABLE = new Set(['code', 'info', 'category', 'responseType', 'eventCode', 'parameter', 'resource', 'area', 'polygon', 'circle', 'geocode']);

function expectSchemaOrder(element: ParsedElement, sequence: readonly string[]): void {
  const names = childNames(element);
  const positions = names.map((name) => sequence.indexOf(name));
  expect(positions).not.toContain(-1);
  for (let i = 1; i < positions.length; i += 1) {
    expect(positions[i]! > positions[i - 1]! || (positions[i] === positions[i - 1] && REPEATABLE.has(names[i]!))).toBe(true);
  }
}

const torrent = (overrides: Partial<Alert> = {}): Alert =>
  alert({ kind: 'mountain_torrent', details: TORRENT_DETAILS, severity: 'red', peakSeverity: 'red', subjectId: 'yj-xikou', stationIds: ['70500001', '70500002'], district: 'yongjia', ...overrides });
const torrentEvent = (overrides: Partial<AlertEvent>): AlertEvent =>
  event({ kind: 'mountain_torrent', details: TORRENT_DETAILS, severity: 'red', subjectId: 'yj-xikou', stationIds: ['70500001', '70500002'], district: 'yongjia', ...overrides });
const RAISED = torrentEvent({ severity: 'orange' });
const ESCALATED = torrentEvent({ type: 'escalated', previousSeverity: 'orange', at: DETECTED + 10 * MINUTE, observedAt: OBSERVED + 10 * MINUTE });
const ACKNOWLEDGED = torrentEvent({ type: 'acknowledged', state: 'acknowledged', acknowledged: true, actor: '王五', at: DETECTED + 12 * MINUTE });
const STALE = torrentEvent({ type: 'stale', staleSince: OBSERVED + 10 * MINUTE, at: DETECTED + 30 * MINUTE });
const RESOLVED = torrentEvent({ type: 'resolved', state: 'resolved', acknowledged: true, at: DETECTED + 90 * MINUTE, observedAt: OBSERVED + 90 * MINUTE });
const CLOSED = torrentEvent({ type: 'closed', state: 'resolved', acknowledged: true, at: DETECTED + 90 * MINUTE });

const parse = (current: Alert, events: readonly AlertEvent[], options: CapOptions = OPTIONS): ParsedElement => parseStrictXml(capDocument(current, events, options));

describe('capDocument', () => {
  it('writes a well-formed CAP 1.2 alert in schema order, one info per language', () => {
    const root = parse(torrent({ severity: 'orange', peakSeverity: 'orange' }), [RAISED]);
    expect(root.name).toBe('alert');
    expect(root.attributes).toEqual({ xmlns: 'urn:oasis:names:tc:emergency:cap:1.2' });
    expectSchemaOrder(root, ALERT_SEQUENCE);
    const infos = childrenNamed(root, 'info');
    expect(infos.map((info) => textOf(info, 'language'))).toEqual(['zh-CN', 'en-US']);
    for (const info of infos) {
      expectSchemaOrder(info, INFO_SEQUENCE);
      expectSchemaOrder(childrenNamed(info, 'area')[0]!, AREA_SEQUENCE);
    }
    expect([textOf(root, 'identifier'), textOf(root, 'sender'), textOf(root, 'status'), textOf(root, 'msgType'), textOf(root, 'scope')]).toEqual([ID, SENDER, 'Actual', 'Alert', 'Public']);
    expect(childrenNamed(root, 'references')).toEqual([]);
  });

  it('words the headline, description and instruction from the alert message in each language', () => {
    const [zh, en] = childrenNamed(parse(torrent(), [RAISED, ESCALATED]), 'info');
    expect(textOf(zh!, 'headline')).toBe('【山洪 立即转移·红色】永嘉县岩坦镇溪口村');
    expect(textOf(zh!, 'description')).toContain('3小时雨量 112.5 mm，超过立即转移阈值 100 mm（岩坦站）。');
    expect(textOf(zh!, 'instruction')).toMatch(/^立即转移：/);
    expect(textOf(en!, 'headline')).toBe('[Flash flood — evacuate now, red (I)] 溪口村, 岩坦镇, Yongjia');
    expect(textOf(en!, 'instruction')).toMatch(/^Evacuate now:/);
    expect(textOf(zh!, 'event')).toBe('山洪预警');
    expect(textOf(en!, 'event')).toBe('Flash flood warning');
  });

  it('gives the rainfall window, threshold and value as parameters', () => {
    const info = childrenNamed(parse(torrent(), [RAISED]), 'info')[0]!;
    const parameters = Object.fromEntries(childrenNamed(info, 'parameter').map((p) => [textOf(p, 'valueName'), textOf(p, 'value')]));
    expect(parameters).toMatchObject({ windowHours: '3', threshold: '100', rainfall: '112.5', gaugeId: '70500001', level: 'evacuate', villages: '溪口村', severityLevel: 'red' });
    expect(parameters).not.toHaveProperty('contacts');
  });

  describe('message type and references', () => {
    const reference = (identifier: string, at: number): string => `${SENDER},${identifier},${new Date(Math.floor(at / 1000) * 1000 + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;

    it.each<[string, Alert, AlertEvent[], string, string, string[]]>([
      ['raised', torrent({ severity: 'orange' }), [RAISED], 'Alert', ID, []],
      ['escalated', torrent({ version: 2 }), [RAISED, ESCALATED], 'Update', `${ID}-2`, [reference(ID, DETECTED)]],
      ['acknowledged', torrent({ version: 3, state: 'acknowledged', acknowledged: true }), [RAISED, ESCALATED, ACKNOWLEDGED], 'Update', `${ID}-3`, [reference(ID, DETECTED), reference(`${ID}-2`, ESCALATED.at)]],
      [
        'stale after the acknowledgement (no new message)',
        torrent({ version: 4, state: 'acknowledged', acknowledged: true, staleSince: STALE.staleSince! }),
        [RAISED, ESCALATED, ACKNOWLEDGED, STALE],
        'Update',
        `${ID}-3`,
        [reference(ID, DETECTED), reference(`${ID}-2`, ESCALATED.at)],
      ],
      [
        'resolved',
        torrent({ version: 6, state: 'resolved', acknowledged: true, resolvedAt: RESOLVED.at }),
        [RAISED, ESCALATED, ACKNOWLEDGED, STALE, RESOLVED, CLOSED],
        'Cancel',
        `${ID}-5`,
        [reference(ID, DETECTED), reference(`${ID}-2`, ESCALATED.at), reference(`${ID}-3`, ACKNOWLEDGED.at)],
      ],
      ['a history trimmed before the raise', torrent({ version: 2 }), [ESCALATED], 'Update', `${ID}-2`, [reference(ID, DETECTED)]],
      ['resolved with the resolution missing from the history', torrent({ version: 2, state: 'resolved', resolvedAt: DETECTED + HOUR }), [RAISED], 'Cancel', `${ID}-2`, [reference(ID, DETECTED)]],
    ])('makes the %s alert', (_case, current, events, msgType, identifier, references) => {
      const root = parse(current, events);
      expect(textOf(root, 'msgType')).toBe(msgType);
      expect(textOf(root, 'identifier')).toBe(identifier);
      expect(childrenNamed(root, 'references').map((r) => r.text.split(' '))).toEqual(references.length === 0 ? [] : [references]);
      expect(textOf(root, 'incidents')).toBe(ID);
    });

    it('ignores events of other alerts', () => {
      const other = { ...ESCALATED, alertId: 'another' };
      expect(textOf(parse(torrent({ severity: 'orange' }), [RAISED, other]), 'msgType')).toBe('Alert');
    });

    it('marks a cancelled alert as past, all clear, with the lifting instruction', () => {
      const root = parse(torrent({ version: 2, state: 'resolved', resolvedAt: RESOLVED.at }), [RAISED, RESOLVED]);
      const [zh, en] = childrenNamed(root, 'info');
      expect([textOf(zh!, 'urgency'), textOf(zh!, 'responseType'), textOf(zh!, 'instruction')]).toEqual(['Past', 'AllClear', '预警已解除，按预案恢复正常值守。']);
      expect(textOf(en!, 'instruction')).toMatch(/^The warning is lifted/);
    });
  });

  it.each<[Severity, string, string, string]>([
    ['red', 'water_level', 'Extreme', 'Immediate'],
    ['orange', 'water_level', 'Severe', 'Expected'],
    ['yellow', 'water_level', 'Moderate', 'Expected'],
    ['blue', 'water_level', 'Minor', 'Expected'],
    ['orange', 'mountain_torrent evacuate', 'Severe', 'Immediate'],
    ['orange', 'mountain_torrent prepare', 'Severe', 'Expected'],
  ])('maps %s %s to severity %s and urgency %s', (severity, what, capSeverity, urgency) => {
    const current = what.startsWith('mountain_torrent')
      ? torrent({ severity, details: { ...TORRENT_DETAILS, level: what.split(' ')[1]! } })
      : alert({ kind: 'water_level', details: LEVEL_DETAILS, severity });
    const info = childrenNamed(parse(current, []), 'info')[0]!;
    expect([textOf(info, 'severity'), textOf(info, 'urgency'), textOf(info, 'certainty')]).toEqual([capSeverity, urgency, 'Observed']);
  });

  it('files flood kinds under Met and equipment kinds under Infra', () => {
    for (const kind of ALERT_KINDS) {
      const info = childrenNamed(parse(alert({ kind, details: {} }), []), 'info')[0]!;
      expect(textOf(info, 'category')).toBe(audienceOf(kind) === 'flood' ? 'Met' : 'Infra');
    }
  });

  it('dates messages in Beijing time to the second, never with milliseconds', () => {
    const root = parse(torrent({ raisedAt: Date.parse('2024-09-15T00:30:20.999Z'), raisedObservedAt: Date.parse('2024-09-15T00:30:00.500Z') }), []);
    expect(textOf(root, 'sent')).toBe('2024-09-15T08:30:20+08:00');
    expect(textOf(childrenNamed(root, 'info')[0]!, 'onset')).toBe('2024-09-15T08:30:00+08:00');
  });

  it('places the alert by name, by station points when known, and by the district code', () => {
    const area = childrenNamed(childrenNamed(parse(torrent(), []), 'info')[0]!, 'area')[0]!;
    expect(textOf(area, 'areaDesc')).toBe('永嘉县岩坦镇溪口村');
    expect(childrenNamed(area, 'circle').map((c) => c.text)).toEqual(['28.24109,120.83026 0']);
    expect(childrenNamed(area, 'geocode').map((g) => [textOf(g, 'valueName'), textOf(g, 'value')])).toEqual([['GB/T 2260', '330324']]);
    const unknown = childrenNamed(childrenNamed(parse(alert({ kind: 'water_level', details: LEVEL_DETAILS, district: 'elsewhere' }), []), 'info')[0]!, 'area')[0]!;
    expect(childNames(unknown)).toEqual(['areaDesc']);
  });

  it('escapes markup and keeps Chinese intact in every text it carries', () => {
    const tricky = `龙舟 & "Dragon" <boat> 'venue'`;
    const venue = alert({ kind: 'venue_band', subjectId: 'dragon-boat', details: { ...VENUE_DETAILS, venueName: tricky, window: '</info>&' } });
    const xml = capDocument(venue, [], OPTIONS);
    expect(xml).not.toContain('<boat>');
    const info = childrenNamed(parseStrictXml(xml), 'info')[0]!;
    expect(textOf(childrenNamed(info, 'area')[0]!, 'areaDesc')).toBe(tricky);
    expect(textOf(info, 'headline')).toContain(tricky);
    expect(textOf(info, 'description')).toContain('时段：</info>&。');
  });

  it('stays well-formed whatever the names and details hold', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (name, note) => {
        const current = alert({ kind: 'venue_band', state: 'acknowledged', acknowledged: true, acknowledgedBy: note, ackNote: note, details: { ...VENUE_DETAILS, venueName: name } });
        expect(() => parseStrictXml(capDocument(current, [], OPTIONS))).not.toThrow();
      }),
    );
  });

  it('writes only the languages asked for', () => {
    expect(childrenNamed(parse(torrent(), [], { ...OPTIONS, locales: ['en'] }), 'info').map((i) => textOf(i, 'language'))).toEqual(['en-US']);
  });

  it.each(['', 'wzsl hydro', 'a,b', 'a<b', 'a&b'])('refuses the sender %j, which would corrupt references', (sender) => {
    expect(() => capDocument(torrent(), [], { ...OPTIONS, sender })).toThrow(CapSenderError);
  });
});

