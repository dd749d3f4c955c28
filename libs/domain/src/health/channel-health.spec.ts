import { describe, expect, it } from '@jest/globals';
import { MINUTE, T0 } from './__fixtures__/health-fixtures';
import { channelHealth } from './channel-health';
import { DEFAULT_HEALTH_POLICY } from './health-policy';

const FIVE_MIN = 5 * MINUTE;
const track = { lastReceivedAt: T0, connectedSince: T0 - 60 * MINUTE };

describe('channelHealth', () => {
  it.each([
    // [channel, ms after the last receipt, status, missed, since]
    ['cellular', 7 * MINUTE - 1, 'online', 0, T0 - 60 * MINUTE],
    ['cellular', 7 * MINUTE, 'late', 1, T0 + 7 * MINUTE],
    ['cellular', 17 * MINUTE - 1, 'late', 2, T0 + 7 * MINUTE],
    ['cellular', 17 * MINUTE, 'offline', 3, T0 + 17 * MINUTE],
    ['beidou', 35 * MINUTE - 1, 'online', 0, T0 - 60 * MINUTE],
    ['beidou', 35 * MINUTE, 'late', 1, T0 + 35 * MINUTE],
    ['beidou', 45 * MINUTE - 1, 'late', 2, T0 + 35 * MINUTE],
    ['beidou', 45 * MINUTE, 'offline', 3, T0 + 45 * MINUTE],
  ] as const)('%s, %d ms after the last receipt, is %s with %d missed', (channel, elapsed, status, missed, since) => {
    const health = channelHealth(channel, track, FIVE_MIN, T0 + elapsed, false, DEFAULT_HEALTH_POLICY);
    expect(health).toEqual({ channel, status, since, lastReceivedAt: T0, neverReported: false, missedReports: missed });
  });

  it('counts the offline threshold from the policy', () => {
    const policy = { ...DEFAULT_HEALTH_POLICY, offlineAfterMissed: 5 };
    expect(channelHealth('cellular', track, FIVE_MIN, T0 + 27 * MINUTE - 1, false, policy).status).toBe('late');
    expect(channelHealth('cellular', track, FIVE_MIN, T0 + 27 * MINUTE, false, policy).status).toBe('offline');
  });

  it('is under maintenance whatever it missed, keeping the last receipt', () => {
    const health = channelHealth('cellular', track, FIVE_MIN, T0 + 300 * MINUTE, true, DEFAULT_HEALTH_POLICY);
    expect(health).toEqual({ channel: 'cellular', status: 'maintenance', since: undefined, lastReceivedAt: T0, neverReported: false, missedReports: undefined });
  });

  it('is offline and never reported when nothing ever came over it', () => {
    const health = channelHealth('beidou', undefined, FIVE_MIN, T0, false, DEFAULT_HEALTH_POLICY);
    expect(health).toEqual({ channel: 'beidou', status: 'offline', since: undefined, lastReceivedAt: undefined, neverReported: true, missedReports: undefined });
  });
});
