import { describe, expect, it } from '@jest/globals';
import { firstRule, PLAIN, RAIN, RAIN_HOURLY, RIVER, RIVER_RAIN_ONLY, STATIONS, warningAreaFile, type Json } from './__fixtures__/rule-config-fixtures';
import { parseMountainTorrentRules } from './mountain-torrent-rules';

function parse(change: (area: Json, rule: Json, file: Json) => void) {
  const file = warningAreaFile();
  const rule = firstRule(file);
  change(rule['area'] as Json, rule, file);
  return parseMountainTorrentRules(file, STATIONS);
}

function window(area: Json, i: number): Json {
  return (area['thresholds'] as Json[])[i]!;
}

describe('parseMountainTorrentRules', () => {
  it('reads a valid warning area with its severities and lifecycle from defaults', () => {
    const { rules, problems } = parse(() => undefined);
    const rule = rules[0]?.rule;

    expect(problems).toEqual([]);
    expect(rule).toMatchObject({ id: 'mt-yantan', kind: 'mountain_torrent', severities: { prepare: 'orange', evacuate: 'red' }, clearingDelayMs: 3_600_000, staleAfterMs: 1_800_000 });
    expect(rule?.area).toMatchObject({ id: '330324101201', villages: ['岩坦村', '下坑自然村'], population: 12, gaugeIds: [RAIN.id], aggregation: 'max' });
    expect(rule?.area.thresholds.map((t) => t.windowHours)).toEqual([1, 3, 6, 24]);
    expect(rule?.area.contacts.village).toEqual([{ role: '村级责任人', name: '林海', phone: '+86 000 0000 0002' }]);
  });

  it.each([
    { what: '立即转移 equal to 准备转移', change: (a: Json) => (window(a, 0)['evacuate'] = 40), field: 'area.thresholds[0].evacuate', says: 'must be above prepare (40 mm)' },
    { what: 'a window listed twice', change: (a: Json) => (window(a, 1)['windowHours'] = 1), field: 'area.thresholds[1].windowHours', says: 'must be longer than area.thresholds[0].windowHours (1)' },
    { what: 'windows out of order', change: (a: Json) => (a['thresholds'] = [window(a, 1), window(a, 0), window(a, 2), window(a, 3)]), field: 'area.thresholds[1].windowHours', says: 'shortest first' },
    { what: 'no 24 h window', change: (a: Json) => (a['thresholds'] = (a['thresholds'] as Json[]).slice(0, 3)), field: 'area.thresholds', says: 'missing 24 h' },
    { what: 'a 2 h window', change: (a: Json) => (window(a, 1)['windowHours'] = 2), field: 'area.thresholds[1].windowHours', says: 'must be one of 1, 3, 6, 12, 24 (hours), got 2' },
    { what: 'less rain to prepare in 3 h than in 1 h', change: (a: Json) => (window(a, 1)['prepare'] = 39), field: 'area.thresholds[1].prepare', says: 'must be at least area.thresholds[0].prepare (40 mm in 1 h)' },
    { what: 'less rain to evacuate in 24 h than in 6 h', change: (a: Json) => (window(a, 3)['evacuate'] = 104), field: 'area.thresholds[3].evacuate', says: 'must be at least area.thresholds[2].evacuate (105 mm in 6 h)' },
    { what: 'a plain-network gauge', change: (a: Json) => (a['gaugeIds'] = [RAIN.id, PLAIN.id]), field: 'area.gaugeIds[1]', says: 'must be a rain, river, reservoir station' },
    { what: 'a river gauge without a rain gauge', change: (a: Json) => (a['gaugeIds'] = [RIVER.id]), field: 'area.gaugeIds[0]', says: 'must be a station that measures rainfall' },
    { what: 'an unknown gauge', change: (a: Json) => (a['gaugeIds'] = ['79999999']), field: 'area.gaugeIds[0]', says: 'no station has id "79999999"' },
    { what: 'a gauge listed twice', change: (a: Json) => (a['gaugeIds'] = [RAIN.id, RAIN.id]), field: 'area.gaugeIds', says: 'must not list a gauge twice' },
    { what: 'an hourly gauge going stale after 30 min', change: (a: Json) => (a['gaugeIds'] = [RAIN.id, RAIN_HOURLY.id]), field: 'staleAfterMinutes', says: `reporting interval of ${RAIN_HOURLY.id} (60 min)` },
    { what: 'evacuate no more severe than prepare', change: (_: Json, r: Json) => (r['severities'] = { prepare: 'red', evacuate: 'orange' }), field: 'severities.evacuate', says: 'must be more severe than severities.prepare (red)' },
    { what: 'no village contact', change: (a: Json) => ((a['contacts'] as Json)['village'] = []), field: 'area.contacts.village', says: 'must name at least one village (村) responsible person' },
    { what: 'a phone number with letters', change: (a: Json) => (((a['contacts'] as Json)['town'] as Json[])[0]!['phone'] = 'call me'), field: 'area.contacts.town[0].phone', says: 'must be a phone number' },
    { what: 'a fractional population', change: (a: Json) => (a['population'] = 2.5), field: 'area.population', says: 'must be a whole number of people' },
    { what: 'an unknown district', change: (a: Json) => (a['district'] = 'hangzhou'), field: 'area.district', says: 'must be one of lucheng' },
    { what: 'an unknown aggregation', change: (a: Json) => (a['aggregation'] = 'sum'), field: 'area.aggregation', says: 'must be max (the wettest gauge decides) or mean' },
    { what: 'a village named twice', change: (a: Json) => (a['villages'] = ['岩坦村', '岩坦村']), field: 'area.villages', says: 'must not list a village twice' },
    { what: 'a misspelt area field', change: (a: Json) => (a['populaton'] = 3), field: 'area.populaton', says: 'is not a known field' },
  ])('names the entry and field for $what', ({ change, field, says }) => {
    const { rules, problems } = parse(change);

    expect(rules).toEqual([]);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'warning-areas.json', index: 0, id: 'mt-yantan', field, message: expect.stringContaining(says) }));
  });

  it.each([
    { what: '立即转移 0.1 mm above 准备转移', change: (a: Json) => (window(a, 0)['evacuate'] = 40.1) },
    { what: 'the same 准备转移 for 1 h and 3 h', change: (a: Json) => (window(a, 1)['prepare'] = 40) },
    { what: 'an optional 12 h window in its place', change: (a: Json) => (a['thresholds'] as Json[]).splice(3, 0, { windowHours: 12, prepare: 100, evacuate: 130 }) },
    { what: 'an hourly gauge going stale after 3 h', change: (a: Json, r: Json) => ((a['gaugeIds'] = [RAIN_HOURLY.id]), (r['staleAfterMinutes'] = 180)) },
    { what: 'nobody living in the risk zone', change: (a: Json) => (a['population'] = 0) },
    { what: 'a river RTU that carries a rain gauge', change: (a: Json) => (a['gaugeIds'] = [RAIN.id, RIVER_RAIN_ONLY.id]) },
  ])('accepts $what', ({ change }) => {
    expect(parse(change).problems).toEqual([]);
  });

  it('refuses an area id used by two entries, naming the first', () => {
    const { problems } = parse((_, rule, file) => (file['rules'] as Json[]).push({ ...rule, id: 'mt-other' }));

    expect(problems).toEqual([{ file: 'warning-areas.json', index: 1, id: 'mt-other', field: 'area.id', message: 'must be unique; "330324101201" is also the area of rules[0]' }]);
  });
});
