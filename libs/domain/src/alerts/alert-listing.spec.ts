import { describe, expect, it } from '@jest/globals';
import { HOUR, OU_RIVER_LEVEL, T0 } from './__fixtures__/alert-fixtures';
import type { Alert } from './alert';
import { compareAlertsForDuty, matchesAlertFilter, type AlertFilter } from './alert-listing';

function alert(fields: Partial<Alert> = {}): Alert {
  return {
    ...OU_RIVER_LEVEL,
    id: '20240915T000000Z-00000000000000a1',
    state: 'active',
    acknowledged: false,
    severity: 'orange',
    peakSeverity: 'orange',
    raisedAt: T0,
    raisedObservedAt: T0,
    lastObservedAt: T0,
    details: {},
    version: 1,
    ...fields,
  };
}

describe('matchesAlertFilter', () => {
  const sample = alert();

  it.each<[string, AlertFilter, boolean]>([
    ['no filter', {}, true],
    ['its state', { state: 'active' }, true],
    ['another state', { state: 'acknowledged' }, false],
    ['a list of states containing its own', { state: ['acknowledged', 'active'] }, true],
    ['its acknowledgement', { acknowledged: false }, true],
    ['the other acknowledgement', { acknowledged: true }, false],
    ['its severity', { severity: 'orange' }, true],
    ['severities without its own', { severity: ['yellow', 'red'] }, false],
    ['a minimum severity equal to its own', { minSeverity: 'orange' }, true],
    ['a minimum severity one level above', { minSeverity: 'red' }, false],
    ['its kind', { kind: 'water_level' }, true],
    ['another kind', { kind: ['battery_low', 'stuck_sensor'] }, false],
    ['its audience', { audience: 'flood' }, true],
    ['the other audience', { audience: 'equipment' }, false],
    ['its district', { district: 'lucheng' }, true],
    ['another district', { district: 'wencheng' }, false],
    ['its basin', { basin: 'ou' }, true],
    ['another basin', { basin: 'ao' }, false],
    ['a range starting exactly at its raising', { raisedFrom: T0 }, true],
    ['a range starting 1 ms after its raising', { raisedFrom: T0 + 1 }, false],
    ['a range ending 1 ms after its raising', { raisedTo: T0 + 1 }, true],
    ['a range ending exactly at its raising', { raisedTo: T0 }, false],
  ])('for an active orange Ou River alert, %s matches: %s', (_case, filter, expected) => {
    expect(matchesAlertFilter(sample, filter)).toBe(expected);
  });

  it.each([
    ['leaves closed alerts out by default', {}, false],
    ['includes closed alerts when asked', { includeClosed: true }, true],
  ])('%s', (_case, filter, expected) => {
    expect(matchesAlertFilter(alert({ state: 'resolved', acknowledged: true, closedAt: T0 + HOUR }), filter)).toBe(expected);
  });

  it('shows a resolved alert nobody acknowledged without asking for closed ones', () => {
    expect(matchesAlertFilter(alert({ state: 'resolved', acknowledged: false }), { state: 'resolved' })).toBe(true);
  });
});

describe('compareAlertsForDuty', () => {
  it('puts the most severe first, then the longest waiting, then orders by id', () => {
    const redLate = alert({ id: 'c', severity: 'red', raisedAt: T0 + HOUR });
    const yellowEarly = alert({ id: 'a', severity: 'yellow', raisedAt: T0 - HOUR });
    const orangeEarly = alert({ id: 'b', severity: 'orange', raisedAt: T0 });
    const orangeEarlyTwin = alert({ id: 'a', severity: 'orange', raisedAt: T0 });
    const orangeLate = alert({ id: 'a', severity: 'orange', raisedAt: T0 + 1 });
    const sorted = [yellowEarly, orangeLate, orangeEarly, redLate, orangeEarlyTwin].sort(compareAlertsForDuty);
    expect(sorted).toEqual([redLate, orangeEarlyTwin, orangeEarly, orangeLate, yellowEarly]);
  });
});
