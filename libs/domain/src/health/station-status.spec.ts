import { describe, expect, it } from '@jest/globals';
import type { Channel } from '../telemetry/channel';
import type { ChannelHealth } from './channel-health';
import type { HealthStatus } from './health-status';
import { stationStatus } from './station-status';

function channel(name: Channel, status: HealthStatus, since?: number): ChannelHealth {
  return { channel: name, status, since, lastReceivedAt: 1, neverReported: false, missedReports: 0 };
}

describe('stationStatus', () => {
  it.each([
    // [cellular, beidou, station, degraded]
    ['online', 'online', 'online', []],
    ['offline', 'online', 'online', ['cellular']],
    ['online', 'offline', 'online', ['beidou']],
    ['late', 'offline', 'late', ['beidou']],
    ['offline', 'late', 'late', ['cellular']],
    ['offline', 'offline', 'offline', []],
    ['maintenance', 'offline', 'offline', []],
    ['maintenance', 'online', 'online', []],
    ['maintenance', 'maintenance', 'maintenance', []],
  ] as const)('cellular %s and BeiDou %s: the station is %s, degraded %j', (cellular, beidou, status, degraded) => {
    const result = stationStatus([channel('cellular', cellular), channel('beidou', beidou)], false);
    expect(result.status).toBe(status);
    expect(result.degradedChannels).toEqual(degraded);
  });

  it('is under maintenance when the whole station is, whatever its channels', () => {
    expect(stationStatus([channel('cellular', 'online')], true)).toEqual({ status: 'maintenance', since: undefined, degradedChannels: [] });
  });

  it('is online since the earliest connection of its online channels', () => {
    const result = stationStatus([channel('cellular', 'online', 200), channel('beidou', 'online', 100)], false);
    expect(result.since).toBe(100);
  });

  it('is offline since the last of its channels went offline', () => {
    const result = stationStatus([channel('cellular', 'offline', 200), channel('beidou', 'offline', 300)], false);
    expect(result.since).toBe(300);
  });

  it('takes the since of the channel that carries it, not of the degraded one', () => {
    const result = stationStatus([channel('cellular', 'offline', 50), channel('beidou', 'late', 400)], false);
    expect(result).toEqual({ status: 'late', since: 400, degradedChannels: ['cellular'] });
  });

  it('has no since when no channel knows one (never reported)', () => {
    expect(stationStatus([channel('cellular', 'offline')], false).since).toBeUndefined();
  });
});
