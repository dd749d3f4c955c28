import { parseStationRegistry } from './parse-station-registry';
import { StationRegistryError } from './station-registry.error';

const SOURCE = 'config/stations.json';

/** A valid rain gauge entry, as it would appear in the file; tests break one thing at a time. */
function rainGauge(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '70500001',
    rtuAddress: '0070500001',
    name: '岩头站',
    kind: 'rain',
    district: 'yongjia',
    basin: 'ou',
    latitude: 28.25,
    longitude: 120.7,
    reportingIntervalMinutes: 5,
    channels: ['cellular', 'beidou'],
    elements: ['rainfall', 'battery_voltage'],
    limits: { rainfall: { min: 0, max: 60 }, battery_voltage: { min: 9, max: 15 } },
    ...overrides,
  };
}

function riverGauge(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...rainGauge({ id: '70600002', rtuAddress: '0070600002', name: '峃口水文站', kind: 'river' }),
    district: 'wencheng',
    basin: 'feiyun',
    latitude: 27.78,
    longitude: 120.1,
    datum: '1985国家高程基准',
    channels: ['cellular'],
    elements: ['water_level', 'flow', 'battery_voltage'],
    limits: { water_level: { min: 20, max: 40 }, flow: { min: 0, max: 5000 }, battery_voltage: { min: 9, max: 15 } },
    ...overrides,
  };
}

function registryOf(...stations: unknown[]): unknown {
  return { version: 1, stations };
}

/** The problems a parse reports, failing the test if it does not throw a StationRegistryError. */
function problemsOf(json: unknown): readonly string[] {
  try {
    parseStationRegistry(json, SOURCE);
  } catch (error: unknown) {
    if (error instanceof StationRegistryError) {
      expect(error.message).toContain(SOURCE);
      expect(error.source).toBe(SOURCE);
      return error.problems;
    }
    throw error;
  }
  throw new Error('expected parseStationRegistry to throw');
}

describe('parseStationRegistry', () => {
  it('builds a registry from a valid file, with stations equal to the entries', () => {
    const registry = parseStationRegistry(registryOf(rainGauge(), riverGauge()), SOURCE);

    expect(registry.size).toBe(2);
    expect(registry.get('70600002')).toEqual(riverGauge());
    expect(registry.get('70500001')).not.toHaveProperty('datum');
  });

  it('returns frozen stations that do not share arrays with the input', () => {
    const entry = rainGauge();
    const station = parseStationRegistry(registryOf(entry), SOURCE).get('70500001');

    (entry['channels'] as string[]).push('other');
    expect(station?.channels).toEqual(['cellular', 'beidou']);
    expect(Object.isFrozen(station)).toBe(true);
    expect(Object.isFrozen(station?.limits)).toBe(true);
  });

  it('names the file, the station index and id, and the field for a bad id', () => {
    const json = registryOf(rainGauge(), rainGauge({ id: '7050001', rtuAddress: '0070500002' }));

    expect(() => parseStationRegistry(json, SOURCE)).toThrow(StationRegistryError);
    expect(problemsOf(json)).toEqual([
      'stations[1] (id "7050001"): id must be a string of exactly 8 digits (national station code), got "7050001"',
    ]);
  });

  it('reports a kind outside STATION_KINDS', () => {
    expect(problemsOf(registryOf(rainGauge({ kind: 'lake' })))).toEqual([
      'stations[0] (id "70500001"): kind must be one of rain, river, plain_network, reservoir, tide, got "lake"',
    ]);
  });

  it('reports a missing field as missing', () => {
    const { name: _name, ...withoutName } = rainGauge();

    expect(problemsOf(registryOf(withoutName))).toEqual([
      'stations[0] (id "70500001"): name is missing: must be a non-empty string',
    ]);
  });

  it('reports a station without an id by index alone', () => {
    const { id: _id, ...withoutId } = rainGauge();

    expect(problemsOf(registryOf(withoutId))[0]).toMatch(/^stations\[0\]: id is missing/);
  });

  it('reports duplicate ids and RTU addresses, pointing at the first occurrence', () => {
    const json = registryOf(rainGauge(), riverGauge(), rainGauge({ rtuAddress: '0070600002', name: '溪口站' }));

    expect(problemsOf(json)).toEqual([
      'stations[2] (id "70500001"): id "70500001" is a duplicate of stations[0]',
      'stations[2] (id "70500001"): rtuAddress "0070600002" is a duplicate of stations[1]',
    ]);
  });

  it('reports limits with min >= max by their full field path', () => {
    const json = registryOf(rainGauge({ limits: { rainfall: { min: 60, max: 60 }, battery_voltage: { min: 9, max: 15 } } }));

    expect(problemsOf(json)).toEqual([
      'stations[0] (id "70500001"): limits.rainfall.max must be greater than min (60), got 60',
    ]);
  });

  it('requires limits for every listed element and refuses limits for others', () => {
    const json = registryOf(rainGauge({ limits: { rainfall: { min: 0, max: 60 }, flow: { min: 0, max: 10 } } }));

    expect(problemsOf(json)).toEqual([
      'stations[0] (id "70500001"): limits lack battery_voltage (listed in elements) and must not have flow (not listed in elements)',
    ]);
  });

  it.each([
    ['rtuAddress', '0070abc001', 'rtuAddress must be a string of exactly 10 hex digits'],
    ['name', '  ', 'name must be a non-empty string'],
    ['district', 'hangzhou', 'district must be one of lucheng'],
    ['basin', 'qiantang', 'basin must be one of ou'],
    ['latitude', 30.2, 'latitude must be at most 28.6'],
    ['longitude', '120.7', 'longitude must be a finite number'],
    ['reportingIntervalMinutes', 7, 'reportingIntervalMinutes must be a whole number of minutes that divides 60'],
    ['reportingIntervalMinutes', 0, 'reportingIntervalMinutes must be a whole number'],
    ['channels', ['beidou'], 'channels must include cellular'],
    ['channels', ['cellular', 'cellular'], 'channels must not repeat a channel'],
    ['channels', ['cellular', 'gprs'], 'channels must contain only cellular, beidou'],
    ['elements', [], 'elements must not be empty'],
    ['elements', ['rainfall', 'rainfall', 'battery_voltage'], 'elements must not repeat an element'],
    ['limits', 'none', 'limits must be an object keyed by element'],
  ])('reports %s = %j', (field, value, expected) => {
    const problems = problemsOf(registryOf(rainGauge({ [field]: value })));

    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`stations[0] (id "70500001"): ${expected}`);
  });

  it.each([60, 120, 1, 15])('accepts a reporting interval of %i minutes', (minutes) => {
    expect(parseStationRegistry(registryOf(rainGauge({ reportingIntervalMinutes: minutes })), SOURCE).size).toBe(1);
  });

  it('requires a datum for stations that measure water level', () => {
    const { datum: _datum, ...withoutDatum } = riverGauge();

    expect(problemsOf(registryOf(withoutDatum))).toEqual([
      'stations[0] (id "70600002"): datum is missing: must name the height datum (required when water_level is measured)',
    ]);
  });

  it('reports unknown fields, in entries and in limits', () => {
    const json = registryOf(
      rainGauge({ altitude: 12, limits: { rainfall: { min: 0, max: 60 }, battery_voltage: { min: 9, max: 15, mean: 12 } } }),
    );

    expect(problemsOf(json)).toEqual([
      'stations[0] (id "70500001"): altitude is not a known field',
      'stations[0] (id "70500001"): limits.battery_voltage.mean is not a known field',
    ]);
  });

  it('lists every problem of every station in file order', () => {
    const json = registryOf(
      rainGauge({ kind: 'lake', latitude: 40 }),
      'not a station',
      riverGauge({ limits: { water_level: { min: 'low', max: 40 }, flow: { min: 0, max: 5000 }, battery_voltage: { min: 9, max: 15 } } }),
    );

    expect(problemsOf(json)).toEqual([
      'stations[0] (id "70500001"): kind must be one of rain, river, plain_network, reservoir, tide, got "lake"',
      'stations[0] (id "70500001"): latitude must be at most 28.6 (north of Wenzhou), got 40',
      'stations[1]: must be an object, got "not a station"',
      'stations[2] (id "70600002"): limits.water_level.min must be a finite number, got "low"',
    ]);
  });

  it('shows the first 20 problems and says how many more there are', () => {
    const stations = Array.from({ length: 25 }, (_, i) => rainGauge({ id: `bad-${i}`, rtuAddress: `00705${String(i).padStart(5, '0')}` }));

    const message = messageOf(registryOf(...stations));

    expect(message).toContain('25 problems');
    expect(message).toContain('stations[19] (id "bad-19")');
    expect(message).not.toContain('stations[20]');
    expect(message).toContain('... and 5 more problems');
  });

  describe('top level', () => {
    it.each([
      [[], 'top level must be an object'],
      [null, 'top level must be an object'],
      [{ version: 2, stations: [] }, 'version must be 1, got 2'],
      [{ stations: [] }, 'version must be 1, got nothing'],
      [{ version: 1 }, 'stations must be an array of station entries, got nothing'],
      [{ version: 1, stations: {} }, 'stations must be an array'],
      [{ version: 1, stations: [], comment: 'x' }, 'comment is not a known top-level field'],
    ])('rejects %j', (json, expected) => {
      expect(messageOf(json)).toContain(expected);
    });

    it('accepts an empty list of stations', () => {
      expect(parseStationRegistry(registryOf(), SOURCE).size).toBe(0);
    });
  });
});

function messageOf(json: unknown): string {
  try {
    parseStationRegistry(json, SOURCE);
  } catch (error: unknown) {
    if (error instanceof StationRegistryError) {
      expect(error.message).toMatch(/^Invalid station registry config\/stations\.json: /);
      return error.message;
    }
    throw error;
  }
  throw new Error('expected parseStationRegistry to throw');
}
