import { describe, expect, it } from '@jest/globals';
import { firstRule, RIVER_HOURLY, rateOfRiseFile, STATIONS, TIDE, type Json } from './__fixtures__/rule-config-fixtures';
import { parseRateOfRiseRules } from './rate-of-rise-rules';

function parse(change: (rule: Json, file: Json) => void) {
  const file = rateOfRiseFile();
  change(firstRule(file), file);
  return parseRateOfRiseRules(file, STATIONS);
}

describe('parseRateOfRiseRules', () => {
  it('reads a valid entry with its window in milliseconds', () => {
    const { rules, problems } = parse(() => undefined);

    expect(problems).toEqual([]);
    expect(rules.map((r) => r.rule)).toEqual([
      { id: 'ror-river', kind: 'rate_of_rise', stationId: '70500001', windowMs: 3_600_000, rise: 0.3, severity: 'blue', clearingDelayMs: 1_800_000, staleAfterMs: 1_800_000 },
    ]);
  });

  it.each([
    { what: 'a tide gauge (tides rise a metre an hour)', change: (r: Json) => (r['stationId'] = TIDE.id), field: 'stationId', says: 'must be a river, plain_network, reservoir station' },
    { what: 'a window one minute shorter than the reporting interval', change: (r: Json) => Object.assign(r, { stationId: RIVER_HOURLY.id, windowMinutes: 59, staleAfterMinutes: 180 }), field: 'windowMinutes', says: "must be at least the station's reporting interval (60 min)" },
    { what: 'a rise of 0', change: (r: Json) => (r['rise'] = 0), field: 'rise', says: 'must be a rise in metres above 0' },
    { what: 'a window over a day', change: (r: Json) => (r['windowMinutes'] = 1441), field: 'windowMinutes', says: 'must be at most 1440 minutes' },
    { what: 'an unknown severity', change: (r: Json) => (r['severity'] = 'purple'), field: 'severity', says: 'must be one of blue, yellow, orange, red, got "purple"' },
    { what: 'a missing severity with no default', change: (r: Json) => delete r['severity'], field: 'severity', says: 'is missing (give it in the rule or in defaults)' },
  ])('names the entry and field for $what', ({ change, field, says }) => {
    const { rules, problems } = parse(change);

    expect(rules).toEqual([]);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'rate-of-rise.json', index: 0, id: 'ror-river', field, message: expect.stringContaining(says) }));
  });

  it.each([
    { what: 'a window exactly the reporting interval', change: (r: Json) => Object.assign(r, { stationId: RIVER_HOURLY.id, windowMinutes: 60, staleAfterMinutes: 180 }) },
    { what: 'a window of exactly a day', change: (r: Json) => (r['windowMinutes'] = 1440) },
    { what: 'a severity from defaults', change: (r: Json, f: Json) => (delete r['severity'], ((f['defaults'] as Json)['severity'] = 'yellow')) },
  ])('accepts $what', ({ change }) => {
    expect(parse(change).problems).toEqual([]);
  });
});
