import { describe, expect, it } from '@jest/globals';
import { firstRule, PLAIN, RIVER, STATIONS, venueFile, type Json } from './__fixtures__/rule-config-fixtures';
import { parseVenueRules } from './venue-rules';

function parse(change: (rule: Json, file: Json) => void) {
  const file = venueFile();
  change(firstRule(file), file);
  return parseVenueRules(file, STATIONS);
}

function window(rule: Json, i: number): Json {
  return (rule['schedule'] as Json[])[i]!;
}

describe('parseVenueRules', () => {
  it('reads a valid venue with Beijing schedule times as epoch milliseconds', () => {
    const { rules, problems } = parse(() => undefined);
    const rule = rules[0]?.rule;

    expect(problems).toEqual([]);
    expect(rule?.schedule[0]).toEqual({ from: Date.UTC(2023, 9, 3, 23), to: Date.UTC(2023, 9, 4, 5), label: '龙舟竞速 Dragon boat races' });
    expect(rule).toMatchObject({ stationIds: [PLAIN.id, '70800002'], min: 2.7, max: 3.1, horizonMs: 1_800_000, trendWindowMs: 3_600_000, minDurationMs: 300_000 });
  });

  it.each([
    { what: 'a river gauge', change: (r: Json) => ((r['stationIds'] as string[])[1] = RIVER.id), field: 'stationIds[1]', says: 'must be a plain_network station' },
    { what: 'a gauge listed twice', change: (r: Json) => (r['stationIds'] = [PLAIN.id, PLAIN.id]), field: 'stationIds', says: 'must not list a gauge twice' },
    { what: 'no gauges', change: (r: Json) => (r['stationIds'] = []), field: 'stationIds', says: 'must list at least one plain-network gauge' },
    { what: 'max equal to min', change: (r: Json) => (r['max'] = 2.7), field: 'max', says: 'must be above min (2.7); got 2.7' },
    { what: 'a band beyond a gauge limit', change: (r: Json) => (r['max'] = 6.01), field: 'stationIds[0]', says: 'must be a gauge whose water_level limits [0.5, 6] m contain the band' },
    { what: 'a margin of half the band', change: (r: Json) => (r['margin'] = 0.2), field: 'margin', says: 'must be less than half the band (0.2 m)' },
    { what: 'outside no more severe than approaching', change: (r: Json) => (r['severities'] = { approaching: 'orange', outside: 'orange' }), field: 'severities.outside', says: 'must be more severe than severities.approaching (orange)' },
    { what: 'a window ending where it starts', change: (r: Json) => (window(r, 0)['to'] = '2023-10-04T07:00:00+08:00'), field: 'schedule[0].to', says: 'must be after schedule[0].from' },
    { what: 'windows overlapping by a minute', change: (r: Json) => (window(r, 1)['from'] = '2023-10-04T12:59:00+08:00'), field: 'schedule[1].from', says: 'must not be before schedule[0].to (2023-10-04T13:00:00+08:00)' },
    { what: 'windows out of order', change: (r: Json) => (r['schedule'] = [window(r, 1), window(r, 0)]), field: 'schedule[1].from', says: 'windows are listed in time order' },
    { what: 'a UTC time', change: (r: Json) => (window(r, 0)['from'] = '2023-10-03T23:00:00Z'), field: 'schedule[0].from', says: 'must be an ISO 8601 Beijing time with its offset' },
    { what: 'a time without offset', change: (r: Json) => (window(r, 0)['from'] = '2023-10-04T07:00:00'), field: 'schedule[0].from', says: 'e.g. 2023-10-04T08:00:00+08:00' },
    { what: 'a day that does not exist', change: (r: Json) => (window(r, 0)['from'] = '2023-09-31T07:00:00+08:00'), field: 'schedule[0].from', says: 'must be an ISO 8601 Beijing time' },
    { what: 'an empty schedule', change: (r: Json) => (r['schedule'] = []), field: 'schedule', says: 'must list at least one window' },
    { what: 'a trend window shorter than the reports', change: (r: Json) => (r['trendWindowMinutes'] = 4), field: 'trendWindowMinutes', says: "must be at least the gauges' reporting interval (5 min)" },
  ])('names the entry and field for $what', ({ change, field, says }) => {
    const { rules, problems } = parse(change);

    expect(rules).toEqual([]);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'venues.json', index: 0, id: 'venue-dragon-boat', field, message: expect.stringContaining(says) }));
  });

  it.each([
    { what: 'windows that touch', change: (r: Json) => (window(r, 1)['from'] = '2023-10-04T13:00:00+08:00') },
    { what: 'a margin just under half the band', change: (r: Json) => (r['margin'] = 0.19) },
    { what: 'a band exactly at the gauge limits', change: (r: Json) => Object.assign(r, { min: 0.5, max: 6 }) },
  ])('accepts $what', ({ change }) => {
    expect(parse(change).problems).toEqual([]);
  });

  it('refuses a venue id used by two entries, naming the first', () => {
    const { problems } = parse((rule, file) => (file['rules'] as Json[]).push({ ...rule, id: 'venue-2' }));

    expect(problems).toEqual([{ file: 'venues.json', index: 1, id: 'venue-2', field: 'venueId', message: 'must be unique; "dragon-boat" is also the venue of rules[0]' }]);
  });
});
