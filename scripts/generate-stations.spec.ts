import { readFileSync } from 'node:fs';
import { DISTRICT_CODES } from '../libs/domain/src/stations/districts';
import { parseStationRegistry } from '../libs/domain/src/stations/parse-station-registry';
import type { StationRegistry } from '../libs/domain/src/stations/station-registry';
import { DEFAULT_OUTPUT, DEFAULT_SEED, generateStationRegistry, renderStationRegistry } from './generate-stations';

describe('generate-stations', () => {
  const text = renderStationRegistry(generateStationRegistry(DEFAULT_SEED));
  let registry: StationRegistry;

  beforeAll(() => {
    // Throws, naming every problem, if any generated station fails validation.
    registry = parseStationRegistry(JSON.parse(text), 'generated');
  });

  it('gives the same file for the same seed', () => {
    expect(renderStationRegistry(generateStationRegistry(DEFAULT_SEED))).toBe(text);
  });

  it('gives a different file for another seed', () => {
    expect(renderStationRegistry(generateStationRegistry(DEFAULT_SEED + 1))).not.toBe(text);
  });

  it('matches the committed config/stations.json (run `npm run stations:generate` after changing the generator)', () => {
    expect(readFileSync(DEFAULT_OUTPUT, 'utf8')).toBe(text);
  });

  it('has 1,418 stations, 791 of them dual-channel and the rest cellular only', () => {
    const stations = registry.all();
    const dual = stations.filter((s) => s.channels.join() === 'cellular,beidou');
    const cellular = stations.filter((s) => s.channels.join() === 'cellular');

    expect(stations).toHaveLength(1418);
    expect(dual).toHaveLength(791);
    expect(cellular).toHaveLength(1418 - 791);
  });

  it('has stations in every district', () => {
    const empty = DISTRICT_CODES.filter((district) => registry.byDistrict(district).length === 0);

    expect(empty).toEqual([]);
  });

  it('has the kind mix of the real network: mostly rain gauges, few tide gauges', () => {
    const share = (kind: Parameters<StationRegistry['byKind']>[0]): number => registry.byKind(kind).length / registry.size;

    expect(share('rain')).toBeCloseTo(0.6, 1);
    expect(share('plain_network')).toBeCloseTo(0.1, 1);
    expect(share('reservoir')).toBeCloseTo(0.08, 1);
    expect(share('tide')).toBeCloseTo(0.02, 1);
  });

  it('puts plain-network gauges in the Wen-Rui basin and most rain gauges in the mountains', () => {
    const mountain = new Set(['yongjia', 'wencheng', 'taishun', 'yueqing', 'ruian', 'pingyang', 'cangnan']);
    const rain = registry.byKind('rain');

    expect(registry.byKind('plain_network').every((s) => s.basin === 'wenrui')).toBe(true);
    expect(rain.filter((s) => mountain.has(s.district)).length / rain.length).toBeGreaterThan(0.85);
  });

  it('gives every station a unique name with a kind-specific suffix', () => {
    const names = registry.all().map((s) => s.name);

    expect(new Set(names).size).toBe(names.length);
    expect(registry.byKind('reservoir').every((s) => s.name.endsWith('水库'))).toBe(true);
    expect(registry.byKind('tide').every((s) => s.name.endsWith('潮位站'))).toBe(true);
    expect(registry.all().map((s) => s.name)).toEqual(expect.arrayContaining(['珊溪水库', '泽雅水库']));
  });

  it('uses 8-digit ids starting with 7, sorted, and mostly RTU addresses derived from them', () => {
    const ids = registry.all().map((s) => s.id);

    expect(ids.every((id) => /^7\d{7}$/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(registry.all().filter((s) => s.rtuAddress === `00${s.id}`).length).toBeGreaterThan(1000);
  });
});
