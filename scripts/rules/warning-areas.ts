import type { Contact } from '../../libs/domain/src/rules/rule-set';
import type { MountainTorrentDefaults, MountainTorrentEntry, WarningAreaEntry } from '../../libs/domain/src/rules/config';
import type { DistrictCode, GeoPoint } from '../../libs/domain/src/stations/districts';
import type { Station } from '../../libs/domain/src/stations/station';
import type { StationRegistry } from '../../libs/domain/src/stations/station-registry';
import type { SeededRandom } from '@hydro/simulation';
import { allocateWithin } from './allocate';
import { criticalRainfall } from './critical-rainfall';
import { distanceKm, offsetPoint } from './flat-earth';
import { FictionalPhones, PlaceNamer, type TownKind } from './place-names';

/*
 * Wenzhou's flash-flood (山洪) plans as the domain notes count them: 1,877 villages in 129 towns of the
 * hill districts, 13,694 people living in risk zones. Towns, villages, people and phone numbers are
 * made up; the rain gauges are the registry's.
 */
export const AREA_COUNT = 1877;
export const POPULATION = 13_694;
/** Towns with warning areas, by district: 129 in all, most in Yongjia, Taishun and Wencheng. */
export const TOWNS: Readonly<Partial<Record<DistrictCode, number>>> = {
  yongjia: 24,
  taishun: 19,
  wencheng: 17,
  yueqing: 16,
  ruian: 16,
  pingyang: 13,
  cangnan: 12,
  ouhai: 8,
  lucheng: 4,
};
/** County-level division codes; a warning area's id is shaped like a village's statistical code under them. */
const DIVISION_CODES: Readonly<Partial<Record<DistrictCode, string>>> = {
  lucheng: '330302',
  ouhai: '330304',
  yongjia: '330324',
  pingyang: '330326',
  cangnan: '330327',
  wencheng: '330328',
  taishun: '330329',
  ruian: '330381',
  yueqing: '330382',
};

export const MOUNTAIN_TORRENT_DEFAULTS: MountainTorrentDefaults = {
  severities: { prepare: 'orange', evacuate: 'red' },
  clearingDelayMinutes: 60,
  renotifyAfterMinutes: 30,
  staleAfterMinutes: 30,
};

interface Town {
  readonly district: DistrictCode;
  readonly code: string;
  readonly name: string;
  readonly kind: TownKind;
  readonly centre: GeoPoint;
  /** Shared by its villages: the hills of one town are alike. */
  readonly resilience: number;
  readonly chief: Contact;
}

interface Drawing {
  readonly random: SeededRandom;
  readonly names: PlaceNamer;
  readonly phones: FictionalPhones;
  readonly rainGauges: ReadonlyMap<DistrictCode, readonly Station[]>;
}

export function warningAreaRules(registry: StationRegistry, random: SeededRandom): Partial<MountainTorrentEntry>[] {
  const districts = Object.keys(TOWNS) as DistrictCode[];
  const rainGauges = new Map(districts.map((d) => [d, registry.byDistrict(d).filter((s) => s.kind === 'rain')]));
  const drawing: Drawing = { random, names: new PlaceNamer(random), phones: new FictionalPhones(random), rainGauges };
  const towns = districts.flatMap((district) => makeTowns(district, TOWNS[district] ?? 0, drawing));
  const villageCounts = allocateWithin(AREA_COUNT, towns.map(() => random.between(0.5, 1.5)), 3, 40);
  // Most risk zones hold a few households; a few hold a whole hamlet.
  const people = allocateWithin(POPULATION, Array.from({ length: AREA_COUNT }, () => Math.exp(0.9 * gaussian(random))), 1, 40);
  const entries: Partial<MountainTorrentEntry>[] = [];
  towns.forEach((town, t) => {
    const taken = new Set<string>();
    for (let v = 0; v < (villageCounts[t] ?? 0); v++) {
      const area = makeArea(town, 201 + v, taken, people[entries.length] ?? 1, drawing);
      // An hourly gauge among them: only three hours without a report mean the area's data stopped.
      const hourly = area.gaugeIds.some((id) => (registry.get(id)?.reportingIntervalMinutes ?? 0) >= 60);
      entries.push({ id: `mt-${area.id}`, area, ...(hourly ? { staleAfterMinutes: 180 } : {}) });
    }
  });
  // By statistical code: district, then town, then village.
  return entries.sort((a, b) => (a.id! < b.id! ? -1 : 1));
}

function makeTowns(district: DistrictCode, count: number, g: Drawing): Town[] {
  // Each town lies around a rain gauge of its own, so that every village has gauges near it.
  const anchors = g.random.sample(g.rainGauges.get(district) ?? [], count);
  if (anchors.length < count) throw new RangeError(`${district} has ${anchors.length} rain gauges for ${count} towns`);
  const serial: Record<TownKind, number> = { 街道: 1, 镇: 101, 乡: 201 };
  return Array.from({ length: count }, (_, i) => {
    const draw = g.random.next();
    const kind: TownKind = draw < 0.7 ? '镇' : draw < 0.95 ? '乡' : '街道';
    const code = String(serial[kind]++).padStart(3, '0');
    const centre = offsetPoint(anchors[i]!, 3 * g.random.next(), 2 * Math.PI * g.random.next());
    const name = g.names.town(kind);
    const chief = { role: kind === '街道' ? '街道责任人' : `${kind}级责任人`, name: g.names.person(), phone: g.phones.next() };
    return { district, code: `${DIVISION_CODES[district] ?? '330300'}${code}`, name, kind, centre, resilience: g.random.between(0.2, 0.8), chief };
  });
}

function makeArea(town: Town, serial: number, taken: Set<string>, population: number, g: Drawing): WarningAreaEntry {
  const { random } = g;
  const name = g.names.village(taken);
  const naturalCount = random.chance(0.65) ? 0 : random.chance(0.7) ? 1 : 2;
  const natural = new Set<string>();
  const villages = [name, ...Array.from({ length: naturalCount }, () => g.names.naturalVillage(natural))];
  const at = offsetPoint(town.centre, 5 * Math.sqrt(random.next()), 2 * Math.PI * random.next());
  const gaugeCount = random.weighted({ one: 0.3, two: 0.4, three: 0.3 });
  const gauges = nearest(g.rainGauges.get(town.district) ?? [], at, gaugeCount === 'one' ? 1 : gaugeCount === 'two' ? 2 : 3);
  const aggregation = gauges.length > 1 && random.chance(0.2) ? 'mean' : 'max';
  const thresholds = criticalRainfall({
    resilience: Math.min(1, Math.max(0, town.resilience + random.between(-0.15, 0.15))),
    gap: random.between(0.25, 0.4),
    withTwelveHours: random.chance(0.35),
  });
  const townContacts = [town.chief, ...(random.chance(0.5) ? [{ role: '驻村干部', name: g.names.person(), phone: g.phones.next() }] : [])];
  const villageContacts = [
    { role: '村级责任人', name: g.names.person(), phone: g.phones.next() },
    ...(random.chance(0.5) ? [{ role: '监测预警员', name: g.names.person(), phone: g.phones.next() }] : []),
  ];
  return {
    id: `${town.code}${String(serial).padStart(3, '0')}`,
    name,
    villages,
    town: town.name,
    district: town.district,
    basin: gauges[0]?.basin ?? 'ou',
    population,
    gaugeIds: gauges.map((s) => s.id),
    aggregation,
    thresholds,
    contacts: { town: townContacts, village: villageContacts },
  };
}

/** The `count` gauges nearest to `at`, nearest first (ties by id). */
function nearest(gauges: readonly Station[], at: GeoPoint, count: number): Station[] {
  return gauges
    .map((station) => ({ station, km: distanceKm(station, at) }))
    .sort((a, b) => a.km - b.km || (a.station.id < b.station.id ? -1 : 1))
    .slice(0, count)
    .map(({ station }) => station);
}

/** A standard normal draw (Box–Muller). */
function gaussian(random: SeededRandom): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}
