import { describe, expect, it } from '@jest/globals';
import type { HealthCounts, StatusCounts } from './health-counts';
import { channelAvailability } from './health-counts';

const counts = (cellular: Partial<StatusCounts>, beidou: Partial<StatusCounts> = {}): HealthCounts => {
  const zero: StatusCounts = { online: 0, late: 0, offline: 0, maintenance: 0 };
  return { stations: zero, channels: { cellular: { ...zero, ...cellular }, beidou: { ...zero, ...beidou } } };
};

describe('channelAvailability', () => {
  it.each([
    ['all online', { online: 4 }, 1],
    ['late and offline count against it', { online: 2, late: 1, offline: 1 }, 0.5],
    ['maintenance is left out', { online: 3, offline: 1, maintenance: 6 }, 0.75],
  ])('%s', (_case, cellular, share) => {
    expect(channelAvailability(counts(cellular), 'cellular')).toBe(share);
  });

  it('is undefined for a channel no station has outside maintenance', () => {
    expect(channelAvailability(counts({ online: 1 }, { maintenance: 2 }), 'beidou')).toBeUndefined();
  });
});
