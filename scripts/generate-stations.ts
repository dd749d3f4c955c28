/**
 * Writes config/stations.json: a synthetic but realistic registry of Wenzhou's telemetry network
 * (the real station list is not public). Deterministic: the same seed always gives the same file.
 *
 *   npm run stations:generate -- [--seed 20240415] [--out config/stations.json]
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BasinCode } from '../libs/domain/src/stations/basins';
import { DISTRICTS, isInsideWenzhou, type DistrictCode, type GeoPoint } from '../libs/domain/src/stations/districts';
import {
  parseStationRegistry,
  STATION_REGISTRY_VERSION,
  type StationRegistryFile,
} from '../libs/domain/src/stations/parse-station-registry';
import { STATION_KINDS, type Station, type StationKind } from '../libs/domain/src/stations/station';
import type { Channel } from '../libs/domain/src/telemetry/channel';
import type { Element } from '../libs/domain/src/telemetry/element';
import { SeededRandom } from '@hydro/simulation';
import { StationCodes } from './stations/station-codes';
import {
  COAST_AREAS,
  DISTRICT_RADIUS_KM,
  HILL_BASINS,
  LANDMARKS,
  MOUNTAIN_DISTRICTS,
  PLAIN_AREAS,
  RIVER_BASINS,
  TIDE_BASINS,
  type Area,
  type Landmark,
} from './stations/station-geography';
import { limitsFor } from './stations/station-limits';
import { StationNamer, stationSuffix } from './stations/station-names';
import { allocate, BEIDOU_COUNT, DISTRICT_WEIGHTS, KIND_COUNTS } from './stations/station-plan';

/** 15 April: the start of Zhejiang's flood season. */
export const DEFAULT_SEED = 20240415;
export const DEFAULT_OUTPUT = resolve(__dirname, '..', 'config', 'stations.json');
export const HEIGHT_DATUM = '1985国家高程基准';

const CELLULAR_ONLY: readonly Channel[] = ['cellular'];
const DUAL_CHANNEL: readonly Channel[] = ['cellular', 'beidou'];

/** The generator's state: one random stream, so the order of draws fixes the output. */
interface Generation {
  readonly random: SeededRandom;
  readonly names: StationNamer;
  readonly codes: StationCodes;
}

export function generateStationRegistry(seed: number = DEFAULT_SEED): StationRegistryFile {
  const random = new SeededRandom(seed);
  const generation: Generation = { random, names: new StationNamer(random), codes: new StationCodes(random) };
  const stations: Station[] = [];
  for (const kind of STATION_KINDS) {
    for (const [district, count] of allocate(KIND_COUNTS[kind], DISTRICT_WEIGHTS[kind])) {
      const landmarks = LANDMARKS.filter((landmark) => landmark.kind === kind && landmark.district === district);
      for (let i = 0; i < count; i++) {
        stations.push(makeStation(kind, district, landmarks[i], generation));
      }
    }
  }
  const withChannels = assignBeidou(stations, random);
  withChannels.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { version: STATION_REGISTRY_VERSION, stations: withChannels };
}

function makeStation(kind: StationKind, district: DistrictCode, landmark: Landmark | undefined, g: Generation): Station {
  const basin = landmark?.basin ?? basinFor(kind, district, g.random);
  // Flood season: most RTUs report every 5 minutes; some older rain and river RTUs still report hourly.
  const hourly = (kind === 'rain' || kind === 'river' || kind === 'reservoir') && g.random.chance(0.15);
  const reportingIntervalMinutes = hourly ? 60 : 5;
  const measuresFlow = kind === 'river' && g.random.chance(0.3);
  const elements = elementsFor(kind, measuresFlow, g.random);
  const suffix = stationSuffix(kind, { measuresFlow, atSluice: g.random.chance(0.4) });
  const name =
    landmark && g.names.reserve(landmark.name)
      ? landmark.name
      : g.names.next(suffix, kind === 'tide' || district === 'dongtou');
  const position = landmark?.at ?? scatter(areaFor(kind, district), g.random);
  const id = g.codes.stationId(basin);
  return {
    id,
    rtuAddress: g.codes.rtuAddress(id),
    name,
    kind,
    district,
    basin,
    latitude: round5(position.latitude),
    longitude: round5(position.longitude),
    ...(elements.includes('water_level') ? { datum: HEIGHT_DATUM } : {}),
    reportingIntervalMinutes,
    channels: CELLULAR_ONLY,
    elements,
    limits: limitsFor({ kind, district, elements, reportingIntervalMinutes }, g.random),
  };
}

function basinFor(kind: StationKind, district: DistrictCode, random: SeededRandom): BasinCode {
  switch (kind) {
    case 'plain_network':
      return 'wenrui';
    case 'tide':
      return TIDE_BASINS[district] ?? 'coastal';
    case 'river':
      return random.weighted(RIVER_BASINS[district]);
    case 'rain':
    case 'reservoir':
      return random.weighted(HILL_BASINS[district]);
  }
}

/** In ELEMENTS order, so that entries read alike. */
function elementsFor(kind: StationKind, measuresFlow: boolean, random: SeededRandom): Element[] {
  switch (kind) {
    case 'rain':
      return ['rainfall', 'battery_voltage'];
    case 'river': {
      // Many river RTUs carry a rain gauge on the same mast.
      const withRain = random.chance(0.45);
      return [
        'water_level',
        ...(withRain ? (['rainfall'] as const) : []),
        ...(measuresFlow ? (['flow'] as const) : []),
        'battery_voltage',
      ];
    }
    case 'reservoir':
      return ['water_level', 'rainfall', 'battery_voltage'];
    case 'plain_network':
    case 'tide':
      return ['water_level', 'battery_voltage'];
  }
}

function areaFor(kind: StationKind, district: DistrictCode): Area {
  const special = kind === 'plain_network' ? PLAIN_AREAS[district] : kind === 'tide' ? COAST_AREAS[district] : undefined;
  return special ?? { centre: DISTRICTS[district].centre, radiusKm: DISTRICT_RADIUS_KM[district] };
}

const KM_PER_DEGREE = 111.2;

/** A uniform point in the disc, redrawn until it lies inside Wenzhou's bounding box. */
function scatter(area: Area, random: SeededRandom): GeoPoint {
  for (let attempt = 0; attempt < 100; attempt++) {
    const distance = area.radiusKm * Math.sqrt(random.next());
    const bearing = 2 * Math.PI * random.next();
    const latitude = area.centre.latitude + (distance * Math.cos(bearing)) / KM_PER_DEGREE;
    const longitude =
      area.centre.longitude +
      (distance * Math.sin(bearing)) / (KM_PER_DEGREE * Math.cos((area.centre.latitude * Math.PI) / 180));
    const point = { latitude, longitude };
    if (isInsideWenzhou(point)) {
      return point;
    }
  }
  return area.centre;
}

/**
 * Exactly BEIDOU_COUNT stations get a BeiDou channel, favouring those where cellular coverage is weakest
 * or a lost report costs most (mountain rain gauges, reservoirs, island tide gauges).
 * Weighted sampling without replacement (Efraimidis–Spirakis): key = u^(1/weight), keep the largest keys.
 */
function assignBeidou(stations: readonly Station[], random: SeededRandom): Station[] {
  const keyed = stations.map((station, order) => ({ order, key: random.next() ** (1 / beidouWeight(station)) }));
  const chosen = new Set(
    [...keyed]
      .sort((a, b) => b.key - a.key || a.order - b.order)
      .slice(0, BEIDOU_COUNT)
      .map((entry) => entry.order),
  );
  return stations.map((station, order) => ({ ...station, channels: chosen.has(order) ? DUAL_CHANNEL : CELLULAR_ONLY }));
}

function beidouWeight(station: Station): number {
  const mountain = MOUNTAIN_DISTRICTS.has(station.district as DistrictCode);
  switch (station.kind) {
    case 'rain':
      return mountain ? 3 : 1;
    case 'river':
      return mountain ? 2 : 1;
    case 'reservoir':
      return 3;
    case 'tide':
      return station.district === 'dongtou' ? 3 : 1;
    case 'plain_network':
      return 0.3;
  }
}

function round5(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

/**
 * JSON with one field per line and short arrays and limits inline: about 14 lines a station,
 * so a diff of the file shows which stations changed and how.
 */
export function renderStationRegistry(file: StationRegistryFile): string {
  const stations = file.stations.map((station) => {
    const fields = Object.entries(station).map(([key, value]) => `      ${JSON.stringify(key)}: ${inline(value)}`);
    return `    {\n${fields.join(',\n')}\n    }`;
  });
  return `{\n  "version": ${file.version},\n  "stations": [\n${stations.join(',\n')}\n  ]\n}\n`;
}

function inline(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(inline).join(', ')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const fields = Object.entries(value).map(([key, field]) => `${JSON.stringify(key)}: ${inline(field)}`);
    return `{ ${fields.join(', ')} }`;
  }
  return JSON.stringify(value);
}

const USAGE = 'usage: npm run stations:generate -- [--seed <0..4294967295>] [--out <path>]';

class UsageError extends Error {
  override readonly name = 'UsageError';
}

function parseArgs(args: readonly string[]): { seed: number; out: string } {
  let seed = DEFAULT_SEED;
  let out = DEFAULT_OUTPUT;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag, inlineValue] = arg.split('=', 2);
    const value = inlineValue ?? args[++i];
    if (flag === '--seed' && value !== undefined && /^\d{1,10}$/.test(value) && Number(value) <= 0xffffffff) {
      seed = Number(value);
    } else if (flag === '--out' && value !== undefined) {
      out = resolve(value);
    } else {
      throw new UsageError(`unexpected argument ${[arg, value].filter(Boolean).join(' ')}`);
    }
  }
  return { seed, out };
}

function main(): void {
  const { seed, out } = parseArgs(process.argv.slice(2));
  const text = renderStationRegistry(generateStationRegistry(seed));
  // Never write a file the services would refuse to start with.
  const registry = parseStationRegistry(JSON.parse(text), out);
  writeFileSync(out, text, 'utf8');
  const dual = registry.all().filter((station) => station.channels.includes('beidou')).length;
  const kinds = STATION_KINDS.map((kind) => `${kind} ${registry.byKind(kind).length}`).join(', ');
  console.log(`wrote ${out}: ${registry.size} stations (${kinds}); ${dual} with BeiDou; seed ${seed}`);
}

if (require.main === module) {
  try {
    main();
  } catch (error: unknown) {
    // A usage mistake or an invalid generation: one readable message, no stack trace, non-zero exit.
    console.error(error instanceof UsageError ? `${error.message}\n${USAGE}` : error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
