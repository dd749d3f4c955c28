import { audienceOf } from '../alert-kind';
import { DISTRICTS, isDistrictCode } from '../../stations/districts';
import type { AlertView } from './alert-view';
import { DetailsReader } from './details-reader';
import type { MessageLocale, StationNames } from './message-locale';

/**
 * Where an alert is, as people name it: 永嘉县岩坦镇溪口村 / `溪口村, 岩坦镇, Yongjia` for a warning
 * area, the venue's name, or district and station name for a gauge (with the station code for
 * maintainers, who look stations up by it). Village and town names are written as configured.
 */
export function alertPlace(alert: AlertView, locale: MessageLocale, names: StationNames = () => undefined): string {
  const details = new DetailsReader(alert.details);
  if (alert.kind === 'mountain_torrent') return warningAreaPlace(details, alert, locale);
  if (alert.kind === 'venue_band') return details.text('venueName') ?? details.text('venueId') ?? alert.subjectId;
  const stationId = stationOf(alert);
  const name = names(stationId);
  const district = districtWord(alert.district, locale);
  const withCode = audienceOf(alert.kind) === 'equipment';
  if (locale === 'en') {
    const station = name === undefined ? `station ${stationId}` : withCode ? `${name} (${stationId})` : name;
    return district === undefined ? station : `${station}, ${district}`;
  }
  const station = name === undefined ? `测站${stationId}` : withCode ? `${name}（${stationId}）` : name;
  return `${district ?? ''}${station}`;
}

/** The station a gauge or equipment alert is about (a channel subject is `stationId:channel`). */
export function stationOf(alert: Pick<AlertView, 'details' | 'stationIds' | 'subjectId'>): string {
  return new DetailsReader(alert.details).text('stationId') ?? alert.stationIds[0] ?? alert.subjectId.split(':')[0] ?? alert.subjectId;
}

/** 永嘉县 / `Yongjia` for a district code; anything else as written. */
export function districtWord(district: string | undefined, locale: MessageLocale): string | undefined {
  if (district === undefined || district === '') return undefined;
  if (!isDistrictCode(district)) return district;
  return locale === 'en' ? DISTRICTS[district].nameEn : DISTRICTS[district].name;
}

function warningAreaPlace(details: DetailsReader, alert: AlertView, locale: MessageLocale): string {
  const district = districtWord(details.text('district') ?? alert.district, locale);
  const town = details.text('town');
  const villages = details.texts('villages');
  const area = details.text('areaName') ?? details.text('areaId') ?? alert.subjectId;
  if (locale === 'en') {
    return [villages.length > 0 ? villages.join(', ') : area, town, district].filter((part) => part !== undefined).join(', ');
  }
  return `${district ?? ''}${town ?? ''}${villages.length > 0 ? villages.join('、') : area}`;
}
