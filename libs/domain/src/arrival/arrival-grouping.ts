import { BASINS, isBasinCode } from '../stations/basins';
import { DISTRICTS, isDistrictCode } from '../stations/districts';
import type { Station } from '../stations/station';
import type { Channel } from '../telemetry/channel';
import type { CountChannel } from './arrival-count';

/** What a report row stands for. */
export type ArrivalGrouping = 'station' | 'channel' | 'district' | 'basin';

export const TOTAL_KEY = 'total';
export const TOTAL_LABEL = '合计 Total';

const CHANNEL_LABELS: Readonly<Record<Channel, string>> = { cellular: '公网 (cellular)', beidou: '北斗 (BeiDou)' };

/** A station's share of a grouping: the row it adds to and the counts it uses. */
export interface StationShare {
  readonly key: string;
  readonly label: string;
  readonly channel: CountChannel;
  /** Where the row sorts: catalogue order for districts and basins, registry order otherwise. */
  readonly order: number;
}

/**
 * The rows a station contributes to. Per channel: one per channel the station has, from that channel's
 * counts. Otherwise one, from the `any` counts, so a dual-channel station's two copies of a report count once.
 */
export function stationShares(station: Station, stationIndex: number, grouping: ArrivalGrouping): StationShare[] {
  switch (grouping) {
    case 'station':
      return [{ key: station.id, label: station.name, channel: 'any', order: stationIndex }];
    case 'channel':
      return station.channels.map((channel, i) => ({
        key: `${station.id}:${channel}`,
        label: `${station.name} ${CHANNEL_LABELS[channel]}`,
        channel,
        order: stationIndex * 2 + i,
      }));
    case 'district': {
      const code = station.district;
      const known = isDistrictCode(code);
      return [
        {
          key: code,
          label: known ? `${DISTRICTS[code].name} ${DISTRICTS[code].nameEn}` : code,
          channel: 'any',
          order: known ? Object.keys(DISTRICTS).indexOf(code) : Number.MAX_SAFE_INTEGER,
        },
      ];
    }
    case 'basin': {
      const code = station.basin;
      const known = isBasinCode(code);
      return [
        {
          key: code,
          label: known ? `${BASINS[code].name} ${BASINS[code].nameEn}` : code,
          channel: 'any',
          order: known ? Object.keys(BASINS).indexOf(code) : Number.MAX_SAFE_INTEGER,
        },
      ];
    }
  }
}

/** The count channels a grouping needs from the store. */
export function countChannelsFor(grouping: ArrivalGrouping): readonly CountChannel[] {
  return grouping === 'channel' ? ['cellular', 'beidou'] : ['any'];
}
