import { describe, expect, it } from '@jest/globals';
import { firstRule, RAIN, RIVER_HOURLY, RIVER_RAIN_ONLY, STATIONS, waterLevelFile, type Json } from './__fixtures__/rule-config-fixtures';
import { parseWaterLevelRules } from './water-level-rules';

function parse(change: (rule: Json, file: Json) => void) {
  const file = waterLevelFile();
  change(firstRule(file), file);
  return parseWaterLevelRules(file, STATIONS);
}

function threshold(rule: Json, i: number): Json {
  return (rule['thresholds'] as Json[])[i]!;
}

describe('parseWaterLevelRules', () => {
  it('reads a valid entry, converting minutes to milliseconds and filling in from defaults', () => {
    const { rules, problems } = parse(() => undefined);

    expect(problems).toEqual([]);
    expect(rules.map((r) => r.rule)).toEqual([
      {
        id: 'wl-river',
        kind: 'water_level',
        stationId: '70500001',
        direction: 'rising',
        thresholds: [
          { code: 'warning', name: '警戒水位', level: 4.2, severity: 'yellow' },
          { code: 'guaranteed', name: '保证水位', level: 5.5, severity: 'orange' },
        ],
        hysteresis: 0.1,
        minDurationMs: 5 * 60_000,
        clearingDelayMs: 30 * 60_000,
        renotifyAfterMs: 60 * 60_000,
        staleAfterMs: 30 * 60_000,
      },
    ]);
  });

  it('takes no minimum duration and no re-notification when neither the rule nor defaults give them', () => {
    const { rules } = parse((rule) => {
      delete rule['minDurationMinutes'];
      delete rule['renotifyAfterMinutes'];
    });

    expect(rules[0]?.rule.minDurationMs).toBe(0);
    expect(rules[0]?.rule).not.toHaveProperty('renotifyAfterMs');
  });

  it("lets the rule's own value win over the default", () => {
    const { rules } = parse((rule) => {
      rule['clearingDelayMinutes'] = 45;
    });

    expect(rules[0]?.rule.clearingDelayMs).toBe(45 * 60_000);
  });

  it.each([
    { what: 'a level equal to the one before', change: (r: Json) => (threshold(r, 1)['level'] = 4.2), field: 'thresholds[1].level', says: 'must be above thresholds[0].level (4.2)' },
    { what: 'a level below the one before', change: (r: Json) => (threshold(r, 1)['level'] = 4.19), field: 'thresholds[1].level', says: 'must be above' },
    { what: 'a falling rule whose levels rise', change: (r: Json) => (r['direction'] = 'falling'), field: 'thresholds[1].level', says: 'must be below thresholds[0].level (4.2) in a falling rule' },
    { what: 'a severity equal to the one before', change: (r: Json) => (threshold(r, 1)['severity'] = 'yellow'), field: 'thresholds[1].severity', says: 'must be more severe than thresholds[0].severity (yellow)' },
    { what: 'a severity below the one before', change: (r: Json) => (threshold(r, 1)['severity'] = 'blue'), field: 'thresholds[1].severity', says: 'must be more severe' },
    { what: 'a code used twice', change: (r: Json) => (threshold(r, 1)['code'] = 'warning'), field: 'thresholds[1].code', says: 'must be unique within the rule' },
    { what: 'a level 1 cm above the hard limit', change: (r: Json) => (threshold(r, 1)['level'] = 12.01), field: 'thresholds[1].level', says: "must lie within the station's water_level limits [0, 12] m" },
    { what: 'a level below the hard limit', change: (r: Json) => (threshold(r, 0)['level'] = -0.01), field: 'thresholds[0].level', says: 'must lie within' },
    { what: 'an unknown station', change: (r: Json) => (r['stationId'] = '79999999'), field: 'stationId', says: 'no station has id "79999999"' },
    { what: 'a rain gauge', change: (r: Json) => (r['stationId'] = RAIN.id), field: 'stationId', says: `${RAIN.id} (rain ${RAIN.id}) is rain` },
    { what: 'a gauge without water_level', change: (r: Json) => (r['stationId'] = RIVER_RAIN_ONLY.id), field: 'stationId', says: 'must be a station that measures water_level' },
    { what: 'stale after exactly the reporting interval', change: (r: Json) => (r['staleAfterMinutes'] = 5), field: 'staleAfterMinutes', says: 'must be longer than the reporting interval of 70500001 (5 min)' },
    { what: 'stale after 30 min on an hourly gauge', change: (r: Json) => (r['stationId'] = RIVER_HOURLY.id), field: 'staleAfterMinutes', says: '(60 min)' },
    { what: 'a negative hysteresis', change: (r: Json) => (r['hysteresis'] = -0.01), field: 'hysteresis', says: 'must be at least 0 m' },
    { what: 'a hysteresis over 1 m', change: (r: Json) => (r['hysteresis'] = 1.01), field: 'hysteresis', says: 'must be at most 1 m' },
    { what: 'fractional minutes', change: (r: Json) => (r['minDurationMinutes'] = 1.5), field: 'minDurationMinutes', says: 'must be a whole number of minutes, 0 or more, got 1.5' },
    { what: 'a re-notification of 0 minutes', change: (r: Json) => (r['renotifyAfterMinutes'] = 0), field: 'renotifyAfterMinutes', says: '1 or more, got 0' },
    { what: 'an unknown direction', change: (r: Json) => (r['direction'] = 'up'), field: 'direction', says: 'must be rising or falling, got "up"' },
    { what: 'no thresholds', change: (r: Json) => (r['thresholds'] = []), field: 'thresholds', says: 'must list at least one level' },
    { what: 'a threshold that is not an object', change: (r: Json) => ((r['thresholds'] as unknown[])[1] = 4.5), field: 'thresholds[1]', says: 'must be an object, got 4.5' },
    { what: 'an upper-case code', change: (r: Json) => (threshold(r, 0)['code'] = 'Warning'), field: 'thresholds[0].code', says: 'must be a lower-case code' },
    { what: 'a misspelt field', change: (r: Json) => (r['hysterisis'] = 0.1), field: 'hysterisis', says: 'is not a known field' },
    { what: 'an id with a slash', change: (r: Json) => (r['id'] = 'wl/1'), field: 'id', says: 'must be 1–64 letters, digits' },
  ])('names the entry and field for $what', ({ change, field, says }) => {
    const { rules, problems } = parse(change);

    expect(rules).toEqual([]);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'water-levels.json', index: 0, field, message: expect.stringContaining(says) }));
  });

  it.each([
    { what: 'a level 1 cm above the one before', change: (r: Json) => (threshold(r, 1)['level'] = 4.21) },
    { what: 'a level exactly at the hard limit', change: (r: Json) => (threshold(r, 1)['level'] = 12) },
    { what: 'stale after one minute more than the interval', change: (r: Json) => (r['staleAfterMinutes'] = 6) },
    { what: 'a hysteresis of exactly 1 m', change: (r: Json) => (r['hysteresis'] = 1) },
    { what: 'a falling rule whose levels fall', change: (r: Json) => Object.assign(r, { direction: 'falling', thresholds: [{ code: 'low', name: '低水位', level: 2, severity: 'blue' }, { code: 'very_low', name: '最低水位', level: 1.5, severity: 'yellow' }] }) },
  ])('accepts $what', ({ change }) => {
    expect(parse(change).problems).toEqual([]);
  });

  it('says a field is missing and may come from defaults', () => {
    const { problems } = parse((_, file) => {
      file['defaults'] = { clearingDelayMinutes: 30 };
    });

    expect(problems).toEqual([
      { file: 'water-levels.json', index: 0, id: 'wl-river', field: 'staleAfterMinutes', message: 'is missing (give it in the rule or in defaults): must be a whole number of minutes, 1 or more' },
    ]);
  });

  it('reports a bad default once, under defaults, not again for every entry that would take it', () => {
    const { problems } = parse((_, file) => {
      file['defaults'] = { clearingDelayMinutes: 30, staleAfterMinutes: -5 };
    });

    expect(problems).toEqual([{ file: 'water-levels.json', field: 'defaults.staleAfterMinutes', message: 'must be a whole number of minutes, 1 or more, got -5' }]);
  });
});
