import type { BasinCode } from '../../libs/domain/src/stations/basins';
import type { DistrictCode, GeoPoint } from '../../libs/domain/src/stations/districts';
import type { StationKind } from '../../libs/domain/src/stations/station';

/*
 * Rough geography for synthetic stations: which basin a station in a district drains to, how far stations
 * scatter around a district's centre, and where the coast and the plain network are. Approximate by design.
 */

type BasinWeights = Readonly<Partial<Record<BasinCode, number>>>;

/** Basin shares for rain, river and reservoir gauges (the plain network and tide gauges have their own). */
export const HILL_BASINS: Readonly<Record<DistrictCode, BasinWeights>> = {
  yongjia: { ou: 1 },
  lucheng: { ou: 0.6, wenrui: 0.4 },
  ouhai: { ou: 0.4, wenrui: 0.6 },
  longwan: { wenrui: 0.6, coastal: 0.4 },
  dongtou: { coastal: 1 },
  yueqing: { coastal: 1 },
  ruian: { feiyun: 0.8, wenrui: 0.2 },
  wencheng: { feiyun: 0.85, ou: 0.15 },
  taishun: { feiyun: 1 },
  pingyang: { ao: 0.9, coastal: 0.1 },
  cangnan: { ao: 0.6, coastal: 0.4 },
  longgang: { ao: 1 },
};

/** River gauges sit on rivers, never on the plain network's canals. */
export const RIVER_BASINS: Readonly<Record<DistrictCode, BasinWeights>> = {
  ...HILL_BASINS,
  lucheng: { ou: 1 },
  ouhai: { ou: 1 },
  longwan: { ou: 1 },
  ruian: { feiyun: 1 },
};

/** Tide gauges: the Ou estuary reaches the city; Rui'an and Pingyang/Longgang hold the Feiyun and Ao mouths. */
export const TIDE_BASINS: Readonly<Partial<Record<DistrictCode, BasinCode>>> = {
  lucheng: 'ou',
  longwan: 'ou',
  ruian: 'feiyun',
  pingyang: 'ao',
  longgang: 'ao',
  dongtou: 'coastal',
  yueqing: 'coastal',
  cangnan: 'coastal',
};

/** A centre and a scatter radius in kilometres. */
export interface Area {
  readonly centre: GeoPoint;
  readonly radiusKm: number;
}

/** How far stations of a district scatter around its centre (DISTRICTS[code].centre). */
export const DISTRICT_RADIUS_KM: Readonly<Record<DistrictCode, number>> = {
  lucheng: 8,
  longwan: 7,
  ouhai: 11,
  dongtou: 9,
  yueqing: 20,
  ruian: 20,
  yongjia: 26,
  pingyang: 16,
  cangnan: 22,
  wencheng: 20,
  taishun: 22,
  longgang: 5,
};

/** The Wen-Rui plain within each district that has part of it. */
export const PLAIN_AREAS: Readonly<Partial<Record<DistrictCode, Area>>> = {
  lucheng: { centre: { latitude: 28.0, longitude: 120.66 }, radiusKm: 4 },
  ouhai: { centre: { latitude: 27.94, longitude: 120.65 }, radiusKm: 6 },
  longwan: { centre: { latitude: 27.93, longitude: 120.76 }, radiusKm: 5 },
  ruian: { centre: { latitude: 27.82, longitude: 120.63 }, radiusKm: 6 },
};

/** Stretches of coast (or islands) where a district's tide gauges stand. */
export const COAST_AREAS: Readonly<Partial<Record<DistrictCode, Area>>> = {
  lucheng: { centre: { latitude: 28.02, longitude: 120.67 }, radiusKm: 3 },
  longwan: { centre: { latitude: 27.93, longitude: 120.87 }, radiusKm: 5 },
  dongtou: { centre: { latitude: 27.86, longitude: 121.12 }, radiusKm: 10 },
  yueqing: { centre: { latitude: 28.15, longitude: 121.03 }, radiusKm: 10 },
  ruian: { centre: { latitude: 27.78, longitude: 120.7 }, radiusKm: 6 },
  pingyang: { centre: { latitude: 27.58, longitude: 120.68 }, radiusKm: 6 },
  longgang: { centre: { latitude: 27.56, longitude: 120.64 }, radiusKm: 4 },
  cangnan: { centre: { latitude: 27.25, longitude: 120.55 }, radiusKm: 12 },
};

/** Well-known stations placed first, so the synthetic list contains the names people look for. Positions approximate. */
export interface Landmark {
  readonly kind: StationKind;
  readonly district: DistrictCode;
  readonly basin: BasinCode;
  readonly name: string;
  readonly at: GeoPoint;
}

export const LANDMARKS: readonly Landmark[] = [
  { kind: 'reservoir', district: 'wencheng', basin: 'feiyun', name: '珊溪水库', at: { latitude: 27.69, longitude: 120.07 } },
  { kind: 'reservoir', district: 'ouhai', basin: 'ou', name: '泽雅水库', at: { latitude: 28.0, longitude: 120.52 } },
  { kind: 'reservoir', district: 'ruian', basin: 'feiyun', name: '赵山渡水库', at: { latitude: 27.76, longitude: 120.28 } },
  { kind: 'tide', district: 'lucheng', basin: 'ou', name: '温州潮位站', at: { latitude: 28.02, longitude: 120.66 } },
  { kind: 'tide', district: 'longwan', basin: 'ou', name: '龙湾潮位站', at: { latitude: 27.93, longitude: 120.86 } },
  { kind: 'tide', district: 'dongtou', basin: 'coastal', name: '洞头潮位站', at: { latitude: 27.84, longitude: 121.15 } },
  { kind: 'tide', district: 'ruian', basin: 'feiyun', name: '瑞安潮位站', at: { latitude: 27.78, longitude: 120.68 } },
  { kind: 'tide', district: 'pingyang', basin: 'ao', name: '鳌江潮位站', at: { latitude: 27.6, longitude: 120.58 } },
];

/** Typical ground elevation (m, 1985 datum) of a district's gauges: sets water-level bases. */
export const ELEVATION_RANGE_M: Readonly<Record<DistrictCode, readonly [number, number]>> = {
  lucheng: [2, 40],
  longwan: [2, 8],
  ouhai: [2, 60],
  dongtou: [2, 30],
  yueqing: [3, 150],
  ruian: [3, 120],
  yongjia: [8, 300],
  pingyang: [3, 120],
  cangnan: [3, 150],
  wencheng: [30, 400],
  taishun: [50, 600],
  longgang: [2, 6],
};

/** Districts whose gauges are mostly in the hills, where BeiDou backs up patchy cellular coverage. */
export const MOUNTAIN_DISTRICTS: ReadonlySet<DistrictCode> = new Set<DistrictCode>([
  'yongjia',
  'wencheng',
  'taishun',
  'yueqing',
  'ruian',
  'pingyang',
  'cangnan',
]);
