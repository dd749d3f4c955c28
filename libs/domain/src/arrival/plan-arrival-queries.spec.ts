import { describe, expect, it } from '@jest/globals';
import { sampleRiverStation } from '../stations/__fixtures__/sample-river-station';
import type { Channel } from '../telemetry/channel';
import type { TimeRange } from '../time/time-range';
import { planArrivalQueries, type MaintenanceTime } from './plan-arrival-queries';

const river = sampleRiverStation();
const rain = sampleRiverStation({ id: '70500341', channels: ['cellular'] });
const range: TimeRange = { from: 0, to: 1000 };

/** Whole-station time [100, 200) at the river station, and BeiDou alone [300, 400). */
const maintenance: MaintenanceTime = {
  intervals: (stationId: string, channel: Channel | undefined) => {
    if (stationId !== river.id) return [];
    return channel === 'beidou' ? [{ from: 100, to: 200 }, { from: 300, to: 400 }] : [{ from: 100, to: 200 }];
  },
};

describe('planArrivalQueries', () => {
  it('asks for counts over both channels together, and inside the whole-station maintenance', () => {
    expect(planArrivalQueries({ stations: [river, rain], range, groupBy: 'district', maintenance })).toEqual({
      countChannels: ['any'],
      maintenanceIntervals: [{ stationId: river.id, channel: 'any', from: 100, to: 200 }],
    });
  });

  it('asks per channel, inside each channel’s own maintenance, for channel rows', () => {
    expect(planArrivalQueries({ stations: [river, rain], range, groupBy: 'channel', maintenance })).toEqual({
      countChannels: ['cellular', 'beidou'],
      maintenanceIntervals: [
        { stationId: river.id, channel: 'cellular', from: 100, to: 200 },
        { stationId: river.id, channel: 'beidou', from: 100, to: 200 },
        { stationId: river.id, channel: 'beidou', from: 300, to: 400 },
      ],
    });
  });
});
