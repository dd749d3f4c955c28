/** A point in WGS-84 degrees. */
export interface GeoPoint {
  readonly latitude: number;
  readonly longitude: number;
}

/**
 * Wenzhou's land and islands, with a margin: every registered station must lie inside.
 * The islands (Dongtou, Nanji, Beiji) push the eastern edge past 121° E.
 */
export const WENZHOU_BOUNDS = {
  minLatitude: 27.0,
  maxLatitude: 28.6,
  minLongitude: 119.6,
  maxLongitude: 121.3,
} as const;

/** The 12 county-level divisions of Wenzhou, by the codes the registry and the API use. */
export const DISTRICT_CODES = [
  'lucheng',
  'longwan',
  'ouhai',
  'dongtou',
  'yueqing',
  'ruian',
  'yongjia',
  'pingyang',
  'cangnan',
  'wencheng',
  'taishun',
  'longgang',
] as const;
export type DistrictCode = (typeof DISTRICT_CODES)[number];

export interface District {
  readonly code: DistrictCode;
  /** Official Chinese name, as on duty rosters and maps. */
  readonly name: string;
  readonly nameEn: string;
  /** Rough centre of the district's land area (not its government seat): good for maps and synthetic data. */
  readonly centre: GeoPoint;
}

/** Keyed by code so that adding a code without its entry fails to compile. */
export const DISTRICTS: Readonly<Record<DistrictCode, District>> = {
  lucheng: { code: 'lucheng', name: '鹿城区', nameEn: 'Lucheng', centre: { latitude: 28.03, longitude: 120.6 } },
  longwan: { code: 'longwan', name: '龙湾区', nameEn: 'Longwan', centre: { latitude: 27.92, longitude: 120.8 } },
  ouhai: { code: 'ouhai', name: '瓯海区', nameEn: 'Ouhai', centre: { latitude: 27.96, longitude: 120.58 } },
  dongtou: { code: 'dongtou', name: '洞头区', nameEn: 'Dongtou', centre: { latitude: 27.86, longitude: 121.13 } },
  yueqing: { code: 'yueqing', name: '乐清市', nameEn: 'Yueqing', centre: { latitude: 28.2, longitude: 121.0 } },
  ruian: { code: 'ruian', name: '瑞安市', nameEn: "Rui'an", centre: { latitude: 27.8, longitude: 120.5 } },
  yongjia: { code: 'yongjia', name: '永嘉县', nameEn: 'Yongjia', centre: { latitude: 28.3, longitude: 120.65 } },
  pingyang: { code: 'pingyang', name: '平阳县', nameEn: 'Pingyang', centre: { latitude: 27.66, longitude: 120.45 } },
  cangnan: { code: 'cangnan', name: '苍南县', nameEn: 'Cangnan', centre: { latitude: 27.38, longitude: 120.4 } },
  wencheng: { code: 'wencheng', name: '文成县', nameEn: 'Wencheng', centre: { latitude: 27.78, longitude: 120.03 } },
  taishun: { code: 'taishun', name: '泰顺县', nameEn: 'Taishun', centre: { latitude: 27.52, longitude: 119.88 } },
  longgang: { code: 'longgang', name: '龙港市', nameEn: 'Longgang', centre: { latitude: 27.56, longitude: 120.58 } },
};

export function isDistrictCode(code: string): code is DistrictCode {
  return (DISTRICT_CODES as readonly string[]).includes(code);
}

export function isInsideWenzhou(point: GeoPoint): boolean {
  return (
    point.latitude >= WENZHOU_BOUNDS.minLatitude &&
    point.latitude <= WENZHOU_BOUNDS.maxLatitude &&
    point.longitude >= WENZHOU_BOUNDS.minLongitude &&
    point.longitude <= WENZHOU_BOUNDS.maxLongitude
  );
}
