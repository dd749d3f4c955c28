import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StationRegistryError } from '@hydro/domain/stations/station-registry.error';
import { loadStationRegistry } from './load-station-registry';

const station = {
  id: '70900001',
  rtuAddress: '0070900001',
  name: '洞头潮位站',
  kind: 'tide',
  district: 'dongtou',
  basin: 'coastal',
  latitude: 27.84,
  longitude: 121.15,
  datum: '1985国家高程基准',
  reportingIntervalMinutes: 5,
  channels: ['cellular', 'beidou'],
  elements: ['water_level', 'battery_voltage'],
  limits: { water_level: { min: -4, max: 8 }, battery_voltage: { min: 9, max: 15 } },
};

describe('loadStationRegistry', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'stations-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function write(name: string, text: string): string {
    const path = join(dir, name);
    writeFileSync(path, text, 'utf8');
    return path;
  }

  it('reads and validates the registry file', () => {
    const path = write('stations.json', JSON.stringify({ version: 1, stations: [station] }));

    const registry = loadStationRegistry(path);

    expect(registry.get('70900001')?.name).toBe('洞头潮位站');
  });

  it('names the file when it is not valid JSON', () => {
    const path = write('broken.json', '{ "version": 1, "stations": [ ');

    expect(() => loadStationRegistry(path)).toThrow(StationRegistryError);
    expect(() => loadStationRegistry(path)).toThrow(new RegExp(`${path}: 1 problem\\n  - not valid JSON: `));
  });

  it('names the file when it cannot be read', () => {
    const path = join(dir, 'missing.json');

    expect(() => loadStationRegistry(path)).toThrow(`${path}: 1 problem\n  - cannot read the file: ENOENT`);
  });

  it('names the file and the station when an entry is invalid', () => {
    const path = write('stations.json', JSON.stringify({ version: 1, stations: [{ ...station, kind: 'sea' }] }));

    expect(() => loadStationRegistry(path)).toThrow(`${path}: 1 problem\n  - stations[0] (id "70900001"): kind must be one of`);
  });
});
