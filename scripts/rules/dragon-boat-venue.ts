import type { ScheduleWindowEntry, VenueEntry } from '../../libs/domain/src/rules/config';
import type { GeoPoint } from '../../libs/domain/src/stations/districts';
import type { Station } from '../../libs/domain/src/stations/station';
import type { StationRegistry } from '../../libs/domain/src/stations/station-registry';
import { plainNormalLevel } from '@hydro/simulation';
import { distanceKm } from './flat-earth';

/*
 * The Wenzhou Dragon Boat Sports Centre (温州龙舟运动中心) in Ouhai's central district, on the Wen-Rui
 * plain network: the dragon-boat venue of the Hangzhou Asian Games (races 4–6 October 2023, mornings;
 * official training in the days before). Position approximate.
 */
export const VENUE_ID = 'wenzhou-dragon-boat-centre';
export const VENUE_NAME = '温州龙舟运动中心';
export const VENUE_POSITION: GeoPoint = { latitude: 27.962, longitude: 120.676 };
export const VENUE_GAUGES = 4;

/** The simulator holds the calm plain network 1–9 cm under each gauge's normal level. */
const CALM_BELOW_NORMAL_M = { least: 0.01, most: 0.09 };
/** Room between the calm levels and the band's edges, so that calm water is well inside. */
const BAND_ROOM_M = 0.15;

const TRAINING_DAYS = ['2023-09-28', '2023-09-29', '2023-09-30', '2023-10-01', '2023-10-02', '2023-10-03'];
const RACE_DAYS = ['2023-10-04', '2023-10-05', '2023-10-06'];

export function dragonBoatVenue(registry: StationRegistry): VenueEntry {
  const gauges = nearestPlainGauges(registry, VENUE_POSITION, VENUE_GAUGES);
  const normals = gauges.map(plainNormalLevel);
  return {
    id: `venue-${VENUE_ID}`,
    venueId: VENUE_ID,
    name: VENUE_NAME,
    stationIds: gauges.map((g) => g.id),
    // Contains every gauge's calm level with room to spare: the synthetic gauges' normal levels differ by
    // up to 0.5 m, where real gauges around one basin of water would read within centimetres.
    min: floorTo(Math.min(...normals) - CALM_BELOW_NORMAL_M.most - BAND_ROOM_M, 0.05),
    max: ceilTo(Math.max(...normals) - CALM_BELOW_NORMAL_M.least + BAND_ROOM_M, 0.05),
    margin: 0.05,
    horizonMinutes: 30,
    trendWindowMinutes: 60,
    severities: { approaching: 'yellow', outside: 'orange' },
    schedule: [
      ...TRAINING_DAYS.map((day) => window(day, '08:00', '17:00', '训练 Training')),
      ...RACE_DAYS.map((day) => window(day, '07:00', '13:00', '龙舟竞速 Dragon boat races')),
    ],
    minDurationMinutes: 5,
    clearingDelayMinutes: 30,
    renotifyAfterMinutes: 30,
    staleAfterMinutes: 30,
  };
}

function window(day: string, from: string, to: string, label: string): ScheduleWindowEntry {
  return { from: `${day}T${from}:00+08:00`, to: `${day}T${to}:00+08:00`, label };
}

/** Plain-network gauges by distance, nearest first, ties by id. */
export function nearestPlainGauges(registry: StationRegistry, at: GeoPoint, count: number): Station[] {
  return registry
    .byKind('plain_network')
    .map((station) => ({ station, km: distanceKm(station, at) }))
    .sort((a, b) => a.km - b.km || (a.station.id < b.station.id ? -1 : 1))
    .slice(0, count)
    .map(({ station }) => station);
}

function floorTo(value: number, step: number): number {
  return Math.round(Math.floor(value / step + 1e-9) * step * 100) / 100;
}

function ceilTo(value: number, step: number): number {
  return Math.round(Math.ceil(value / step - 1e-9) * step * 100) / 100;
}
