import { describe, expect, it } from '@jest/globals';
import { AlertBook, type AlertPolicy, EQUIPMENT_CONDITION_KINDS, type EquipmentConditionKind } from '@hydro/domain';
import { AlertPolicyDirectory, alertPolicyFor, EQUIPMENT_POLICIES, equipmentRuleId } from './alert-policies';

const MINUTE = 60_000;
const T0 = Date.parse('2024-06-01T08:00:00+08:00');

describe('equipmentRuleId', () => {
  it.each(EQUIPMENT_CONDITION_KINDS)('names the one rule of %s as equipment.<kind>', (kind) => {
    expect(equipmentRuleId(kind)).toBe(`equipment.${kind}`);
  });
});

describe('alertPolicyFor', () => {
  it.each(EQUIPMENT_CONDITION_KINDS)('gives the equipment rule of %s its own policy', (kind) => {
    expect(alertPolicyFor(equipmentRuleId(kind))).toBe(EQUIPMENT_POLICIES[kind]);
  });

  it('asks the flood rules for a rule that is not an equipment rule', () => {
    const flood: AlertPolicy = { clearingDelayMs: 20 * MINUTE, renotifyAfterMs: 30 * MINUTE };
    expect(alertPolicyFor('flood.wenxi-warning', (ruleId) => (ruleId === 'flood.wenxi-warning' ? flood : undefined))).toBe(flood);
  });

  it('keeps the equipment policy even when the flood rules would answer for the same id', () => {
    const other: AlertPolicy = { clearingDelayMs: 99 };
    expect(alertPolicyFor('equipment.battery_low', () => other)).toBe(EQUIPMENT_POLICIES.battery_low);
  });

  it('resolves an alert of a rule nobody knows any more on its first normal, and never re-notifies it', () => {
    expect(alertPolicyFor('flood.removed-rule')).toEqual({ clearingDelayMs: 0 });
    expect(alertPolicyFor('flood.removed-rule', () => undefined)).toEqual({ clearingDelayMs: 0 });
  });
});

describe('AlertPolicyDirectory', () => {
  const wenxi: AlertPolicy = { clearingDelayMs: 20 * MINUTE, renotifyAfterMs: 30 * MINUTE };
  const torrent: AlertPolicy = { clearingDelayMs: 60 * MINUTE };

  it('knows the equipment rules before any flood rules register', () => {
    expect(new AlertPolicyDirectory().policyFor('equipment.station_offline')).toBe(EQUIPMENT_POLICIES.station_offline);
  });

  it('finds a flood rule registered after the desk asked for it first: rules load after the desk exists', () => {
    const directory = new AlertPolicyDirectory();
    const policyFor = (ruleId: string): AlertPolicy => directory.policyFor(ruleId);
    expect(policyFor('flood.wenxi-warning')).toEqual({ clearingDelayMs: 0 });
    directory.register((ruleId) => (ruleId === 'flood.wenxi-warning' ? wenxi : undefined));
    expect(policyFor('flood.wenxi-warning')).toBe(wenxi);
  });

  it('asks the registered lookups in order and takes the first answer', () => {
    const directory = new AlertPolicyDirectory();
    directory.register((ruleId) => (ruleId === 'flood.torrent-taishun' ? torrent : undefined));
    directory.register(() => wenxi);
    expect(directory.policyFor('flood.torrent-taishun')).toBe(torrent);
    expect(directory.policyFor('flood.wenxi-warning')).toBe(wenxi);
  });

  it('keeps equipment policies whatever a lookup says, and falls back for a rule nobody knows', () => {
    const directory = new AlertPolicyDirectory();
    directory.register((ruleId) => (ruleId.startsWith('flood.') ? wenxi : { clearingDelayMs: 1 }));
    expect(directory.policyFor('equipment.battery_low')).toBe(EQUIPMENT_POLICIES.battery_low);
    const silent = new AlertPolicyDirectory();
    silent.register(() => undefined);
    expect(silent.policyFor('flood.removed-rule')).toEqual({ clearingDelayMs: 0 });
  });
});

/** Raises an alert of the kind at T0, then sends normals at the given offsets; the state after the last. */
function stateAfterNormals(kind: EquipmentConditionKind, normalOffsetsMs: readonly number[]): string | undefined {
  const book = new AlertBook({ policyFor: (ruleId) => alertPolicyFor(ruleId) });
  const subject = { ruleId: equipmentRuleId(kind), kind, subjectId: '70100001', stationIds: ['70100001'] };
  const [raised] = book.observe(subject, { type: 'breach', severity: 'yellow', observedAt: T0, details: { reason: 'fault' } }, T0);
  for (const offset of normalOffsetsMs) book.observe(subject, { type: 'normal', observedAt: T0 + offset, details: { reason: 'fine' } }, T0 + offset);
  return book.get(raised!.alertId)?.state;
}

describe('EQUIPMENT_POLICIES in the alert lifecycle', () => {
  it.each([
    ['station_offline', [MINUTE], 'resolved'],
    ['channel_down', [MINUTE], 'resolved'],
    ['stuck_sensor', [MINUTE], 'resolved'],
    ['battery_low', [MINUTE], 'active'],
    ['battery_low', [MINUTE, 31 * MINUTE - 1], 'active'],
    ['battery_low', [MINUTE, 31 * MINUTE], 'resolved'],
    ['clock_drift', [MINUTE, 31 * MINUTE - 1], 'active'],
    ['clock_drift', [MINUTE, 31 * MINUTE], 'resolved'],
  ] as const)('%s after normals at +%j ms is %s', (kind, offsets, state) => {
    expect(stateAfterNormals(kind, offsets)).toBe(state);
  });

  it.each([
    [12 * 60 * MINUTE - 1, 0],
    [12 * 60 * MINUTE, 1],
  ])('re-notifies an unacknowledged station_offline alert %d ms after raising: %d events', (after, expected) => {
    const book = new AlertBook({ policyFor: (ruleId) => alertPolicyFor(ruleId) });
    const subject = { ruleId: equipmentRuleId('station_offline'), kind: 'station_offline' as const, subjectId: '70100001', stationIds: ['70100001'] };
    book.observe(subject, { type: 'breach', severity: 'yellow', observedAt: T0, details: { reason: 'silent' } }, T0);
    expect(book.tick(T0 + after).filter((e) => e.type === 'renotified')).toHaveLength(expected);
  });

  it.each(['channel_down', 'battery_low', 'stuck_sensor', 'clock_drift'] as const)('never re-notifies %s', (kind) => {
    const book = new AlertBook({ policyFor: (ruleId) => alertPolicyFor(ruleId) });
    const subject = { ruleId: equipmentRuleId(kind), kind, subjectId: '70100001', stationIds: ['70100001'] };
    book.observe(subject, { type: 'breach', severity: 'blue', observedAt: T0, details: { reason: 'fault' } }, T0);
    expect(book.tick(T0 + 30 * 24 * 60 * MINUTE)).toEqual([]);
  });
});
