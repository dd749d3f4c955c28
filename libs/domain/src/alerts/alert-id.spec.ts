import { describe, expect, it } from '@jest/globals';
import { T0 } from './__fixtures__/alert-fixtures';
import { alertIdOf } from './alert-id';

const SAFE_IN_PATH_AND_TOPIC = /^[0-9A-Za-z-]+$/;

describe('alertIdOf', () => {
  it('gives the same id for the same rule, subject and crossing time', () => {
    expect(alertIdOf('water-level-ou', '70600002', T0)).toBe(alertIdOf('water-level-ou', '70600002', T0));
  });

  it.each([
    ['another rule', 'water-level-feiyun', '70600002', T0],
    ['another subject', 'water-level-ou', '70600003', T0],
    ['a crossing one ms later', 'water-level-ou', '70600002', T0 + 1],
    ['a subject that shifts text between rule and subject', 'water-level-ou7', '0600002', T0],
  ])('gives a different id for %s', (_case, ruleId, subjectId, observedAt) => {
    expect(alertIdOf(ruleId, subjectId, observedAt)).not.toBe(alertIdOf('water-level-ou', '70600002', T0));
  });

  it('tells a peak revealed late apart from the alert of the same crossing time, and each revealed level from another', () => {
    const ids = [alertIdOf('mt-a', 'village', T0), alertIdOf('mt-a', 'village', T0, 'red'), alertIdOf('mt-a', 'village', T0, 'orange')];
    expect(new Set(ids).size).toBe(3);
    expect(alertIdOf('mt-a', 'village', T0, 'red')).toBe(ids[1]);
    expect(ids[1]!.slice(0, 16)).toBe(ids[0]!.slice(0, 16));
  });

  it('starts with the crossing time in UTC to the second, so ids sort by crossing', () => {
    const observedAt = Date.UTC(2024, 8, 15, 8, 30, 5, 250);
    expect(alertIdOf('r', 's', observedAt)).toMatch(/^20240915T083005Z-[0-9a-f]{16}$/);
  });

  it.each([
    ['a channel subject', 'channel-down', '70500001:beidou'],
    ['characters MQTT and URLs reserve', 'rule/with+wild#cards', 'venue?band=1&x'],
    ['Chinese names', '水位-瓯江', '温州龙舟运动中心'],
  ])('stays safe in a URL path and an MQTT topic level for %s', (_case, ruleId, subjectId) => {
    expect(alertIdOf(ruleId, subjectId, T0)).toMatch(SAFE_IN_PATH_AND_TOPIC);
  });

  it.each([
    ['year 10000', Date.UTC(10000, 0, 1)],
    ['before year 0', -62_167_219_200_001],
  ])('falls back to the epoch number for %s, where ISO dates gain a sign', (_case, observedAt) => {
    const id = alertIdOf('r', 's', observedAt);
    expect(id.startsWith(`t${observedAt}-`)).toBe(true);
    expect(id).toMatch(SAFE_IN_PATH_AND_TOPIC);
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY]])('refuses a crossing time of %s', (observedAt) => {
    expect(() => alertIdOf('r', 's', observedAt)).toThrow(RangeError);
  });
});
