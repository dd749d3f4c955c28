import { describe, expect, it } from '@jest/globals';
import { ALERT_KINDS, audienceOf, EQUIPMENT_ALERT_KINDS, FLOOD_ALERT_KINDS, isAlertKind } from './alert-kind';

describe('alert kinds', () => {
  it.each(FLOOD_ALERT_KINDS.map((kind) => [kind]))('sends %s alerts to the flood audience', (kind) => {
    expect(audienceOf(kind)).toBe('flood');
  });

  it.each(EQUIPMENT_ALERT_KINDS.map((kind) => [kind]))('sends %s alerts to station maintainers', (kind) => {
    expect(audienceOf(kind)).toBe('equipment');
  });

  it('lists every flood and equipment kind once', () => {
    expect(new Set(ALERT_KINDS).size).toBe(FLOOD_ALERT_KINDS.length + EQUIPMENT_ALERT_KINDS.length);
  });

  it.each([
    ['water_level', true],
    ['battery_low', true],
    ['Water_Level', false],
    ['toString', false],
    ['rainstorm', false],
  ])('recognises %j as an alert kind: %s', (name, expected) => {
    expect(isAlertKind(name)).toBe(expected);
  });
});
