import type { Station } from '../../../stations/station';
import type { StationLookup } from '../../../telemetry/interpret-telemetry';
import type { RuleFileContents } from '../rule-files';

/** A small registry: one gauge of each kind the rules read, and an hourly rain gauge. */
function station(id: string, kind: Station['kind'], overrides: Partial<Station> = {}): Station {
  const level = kind !== 'rain';
  return {
    id,
    rtuAddress: `00${id}`,
    name: `${kind} ${id}`,
    kind,
    district: 'yongjia',
    basin: kind === 'plain_network' ? 'wenrui' : 'ou',
    latitude: 28.1,
    longitude: 120.6,
    ...(level ? { datum: '1985国家高程基准' } : {}),
    reportingIntervalMinutes: 5,
    channels: ['cellular'],
    elements: level ? ['water_level', 'battery_voltage'] : ['rainfall', 'battery_voltage'],
    limits: level ? { water_level: { min: 0, max: 12 }, battery_voltage: { min: 9, max: 15 } } : { rainfall: { min: 0, max: 60 }, battery_voltage: { min: 9, max: 15 } },
    ...overrides,
  };
}

export const RIVER = station('70500001', 'river');
export const PLAIN = station('70800001', 'plain_network', { limits: { water_level: { min: 0.5, max: 6 }, battery_voltage: { min: 9, max: 15 } } });
export const PLAIN_2 = station('70800002', 'plain_network', { limits: { water_level: { min: 0.5, max: 6 }, battery_voltage: { min: 9, max: 15 } } });
export const TIDE = station('70900001', 'tide', { limits: { water_level: { min: -4, max: 8 }, battery_voltage: { min: 9, max: 15 } } });
export const RAIN = station('70510001', 'rain');
export const RAIN_HOURLY = station('70510002', 'rain', { reportingIntervalMinutes: 60, limits: { rainfall: { min: 0, max: 200 }, battery_voltage: { min: 9, max: 15 } } });
/** A river RTU that only carries a rain gauge: the right kind for a level rule, but no level. */
export const RIVER_RAIN_ONLY = station('70500002', 'river', { elements: ['rainfall', 'battery_voltage'], limits: { rainfall: { min: 0, max: 60 }, battery_voltage: { min: 9, max: 15 } } });
export const RIVER_HOURLY = station('70500003', 'river', { reportingIntervalMinutes: 60 });

const ALL = [RIVER, PLAIN, PLAIN_2, TIDE, RAIN, RAIN_HOURLY, RIVER_RAIN_ONLY, RIVER_HOURLY];
export const STATIONS: StationLookup = { get: (id) => ALL.find((s) => s.id === id) };

/** JSON as a file would hold it: every spec takes a fresh copy and breaks one thing. */
export type Json = Record<string, unknown>;

export function waterLevelFile(): Json {
  return {
    version: 1,
    defaults: { clearingDelayMinutes: 30, staleAfterMinutes: 30 },
    rules: [
      {
        id: 'wl-river',
        stationId: RIVER.id,
        thresholds: [
          { code: 'warning', name: '警戒水位', level: 4.2, severity: 'yellow' },
          { code: 'guaranteed', name: '保证水位', level: 5.5, severity: 'orange' },
        ],
        hysteresis: 0.1,
        minDurationMinutes: 5,
        renotifyAfterMinutes: 60,
      },
    ],
  };
}

export function rateOfRiseFile(): Json {
  return {
    version: 1,
    defaults: { clearingDelayMinutes: 30, staleAfterMinutes: 30 },
    rules: [{ id: 'ror-river', stationId: RIVER.id, windowMinutes: 60, rise: 0.3, severity: 'blue' }],
  };
}

export function venueFile(): Json {
  return {
    version: 1,
    rules: [
      {
        id: 'venue-dragon-boat',
        venueId: 'dragon-boat',
        name: '温州龙舟运动中心',
        stationIds: [PLAIN.id, PLAIN_2.id],
        min: 2.7,
        max: 3.1,
        margin: 0.05,
        horizonMinutes: 30,
        trendWindowMinutes: 60,
        severities: { approaching: 'yellow', outside: 'orange' },
        schedule: [
          { from: '2023-10-04T07:00:00+08:00', to: '2023-10-04T13:00:00+08:00', label: '龙舟竞速 Dragon boat races' },
          { from: '2023-10-05T07:00:00+08:00', to: '2023-10-05T13:00:00+08:00', label: '龙舟竞速 Dragon boat races' },
        ],
        minDurationMinutes: 5,
        clearingDelayMinutes: 30,
        staleAfterMinutes: 30,
      },
    ],
  };
}

export function warningAreaFile(): Json {
  return {
    version: 1,
    defaults: { severities: { prepare: 'orange', evacuate: 'red' }, clearingDelayMinutes: 60, staleAfterMinutes: 30 },
    rules: [
      {
        id: 'mt-yantan',
        area: {
          id: '330324101201',
          name: '岩坦村',
          villages: ['岩坦村', '下坑自然村'],
          town: '岩坦镇',
          district: 'yongjia',
          basin: 'ou',
          population: 12,
          gaugeIds: [RAIN.id],
          aggregation: 'max',
          thresholds: [
            { windowHours: 1, prepare: 40, evacuate: 55 },
            { windowHours: 3, prepare: 60, evacuate: 80 },
            { windowHours: 6, prepare: 80, evacuate: 105 },
            { windowHours: 24, prepare: 120, evacuate: 160 },
          ],
          contacts: {
            town: [{ role: '镇级责任人', name: '陈建华', phone: '+86 000 0000 0001' }],
            village: [{ role: '村级责任人', name: '林海', phone: '+86 000 0000 0002' }],
          },
        },
      },
    ],
  };
}

/** All four files, valid. */
export function validContents(): { waterLevel: Json; rateOfRise: Json; venues: Json; mountainTorrent: Json } & RuleFileContents {
  return { waterLevel: waterLevelFile(), rateOfRise: rateOfRiseFile(), venues: venueFile(), mountainTorrent: warningAreaFile() };
}

/** The first rule entry of a file, to break in place. */
export function firstRule(file: Json): Json {
  return (file['rules'] as Json[])[0]!;
}
