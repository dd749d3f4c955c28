import type { Alert } from '../alert';
import { alertPlace } from '../messages/alert-place';
import { DetailsReader } from '../messages/details-reader';
import type { MessageLocale, StationNames } from '../messages/message-locale';
import { type DistrictCode, type GeoPoint, isDistrictCode } from '../../stations/districts';
import { type XmlElement, xmlText } from './xml-writer';

/** Administrative division codes (GB/T 2260) of Wenzhou's county-level divisions, for `<geocode>`. */
export const DISTRICT_DIVISION_CODES: Readonly<Record<DistrictCode, string>> = {
  lucheng: '330302',
  longwan: '330303',
  ouhai: '330304',
  dongtou: '330305',
  yongjia: '330324',
  pingyang: '330326',
  cangnan: '330327',
  wencheng: '330328',
  taishun: '330329',
  ruian: '330381',
  yueqing: '330382',
  longgang: '330383',
};

export interface CapAreaSources {
  readonly names?: StationNames;
  /** Station id → where it stands (the registry's latitude and longitude), when known. */
  readonly positions?: (stationId: string) => GeoPoint | undefined;
}

/**
 * The `<area>`: the place as people name it, a zero-radius circle at each station the alert reads
 * (a point is what is known; the warning area's outline is not in the rules), and the district's
 * division code.
 */
export function capArea(alert: Alert, locale: MessageLocale, sources: CapAreaSources): XmlElement {
  const children: XmlElement[] = [xmlText('areaDesc', alertPlace(alert, locale, sources.names))];
  for (const stationId of new Set(alert.stationIds)) {
    const point = sources.positions?.(stationId);
    if (point !== undefined && Number.isFinite(point.latitude) && Number.isFinite(point.longitude)) {
      children.push(xmlText('circle', `${coordinate(point.latitude)},${coordinate(point.longitude)} 0`));
    }
  }
  const district = new DetailsReader(alert.details).text('district') ?? alert.district;
  if (district !== undefined && isDistrictCode(district)) {
    children.push({ name: 'geocode', children: [xmlText('valueName', 'GB/T 2260'), xmlText('value', DISTRICT_DIVISION_CODES[district])] });
  }
  return { name: 'area', children };
}

/** Five decimals are about a metre: as precise as the registry is. */
function coordinate(degrees: number): string {
  return String(Number(degrees.toFixed(5)));
}
