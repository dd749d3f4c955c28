import type { Station } from '../station';

/** A dual-channel river gauge on the Ou at Yongjia, for specs; each spec states what it changes. */
export function sampleRiverStation(overrides: Partial<Station> = {}): Station {
  return {
    id: '70100001',
    rtuAddress: '0070100001',
    name: '温溪站',
    kind: 'river',
    district: 'yongjia',
    basin: 'ou',
    latitude: 28.1,
    longitude: 120.5,
    reportingIntervalMinutes: 5,
    channels: ['cellular', 'beidou'],
    elements: ['water_level', 'rainfall', 'battery_voltage'],
    limits: { water_level: { min: 0, max: 12 }, rainfall: { min: 0, max: 60 }, battery_voltage: { min: 9, max: 15 } },
    ...overrides,
  };
}
