import type { Station } from './station';
import { StationRegistry } from './station-registry';

function station(id: string, fields: Partial<Station> = {}): Station {
  return {
    id,
    rtuAddress: `00${id}`,
    name: `${id}站`,
    kind: 'rain',
    district: 'yongjia',
    basin: 'ou',
    latitude: 28.2,
    longitude: 120.7,
    reportingIntervalMinutes: 5,
    channels: ['cellular'],
    elements: ['rainfall', 'battery_voltage'],
    limits: { rainfall: { min: 0, max: 60 }, battery_voltage: { min: 9, max: 15 } },
    ...fields,
  };
}

describe('StationRegistry', () => {
  const rain = station('70500001');
  const river = station('70600002', { kind: 'river', district: 'wencheng', basin: 'feiyun' });
  const tide = station('70900003', { kind: 'tide', district: 'dongtou', basin: 'coastal' });
  const registry = new StationRegistry([rain, river, tide]);

  it('looks stations up by id', () => {
    expect(registry.get('70600002')).toBe(river);
    expect(registry.has('70600002')).toBe(true);
    expect(registry.get('79999999')).toBeUndefined();
    expect(registry.has('79999999')).toBe(false);
  });

  it('lists all stations in the given order and counts them', () => {
    expect(registry.all()).toEqual([rain, river, tide]);
    expect(registry.size).toBe(3);
  });

  it('groups stations by district, basin and kind', () => {
    expect(registry.byDistrict('dongtou')).toEqual([tide]);
    expect(registry.byBasin('feiyun')).toEqual([river]);
    expect(registry.byKind('rain')).toEqual([rain]);
  });

  it('returns an empty list for a group without stations', () => {
    expect(registry.byDistrict('longgang')).toEqual([]);
    expect(registry.byBasin('wenrui')).toEqual([]);
    expect(registry.byKind('reservoir')).toEqual([]);
  });

  it('cannot be changed through what it returns', () => {
    const source = [rain];
    const small = new StationRegistry(source);
    source.push(river);

    expect(small.size).toBe(1);
    expect(Object.isFrozen(small.all())).toBe(true);
    expect(Object.isFrozen(small.byKind('rain'))).toBe(true);
  });

  it('refuses two stations with the same id', () => {
    expect(() => new StationRegistry([rain, station('70500001')])).toThrow('duplicate station id 70500001');
  });
});
