import { coversTelemetry } from './live-telemetry-subscriptions';

describe('coversTelemetry', () => {
  it.each([
    ['hydro/v1/telemetry/+', true],
    ['hydro/v1/telemetry/70500747', true],
    ['hydro/v1/telemetry/#', true],
    ['hydro/v1/#', true],
    ['hydro/+/telemetry/+', true],
    ['#', true],
    ['+/+/+/+', true],
    ['hydro/v1/telemetry', false],
    ['hydro/v1/alerts/#', false],
    ['+/+/+', false],
    ['$SYS/#', false],
  ])('%s → %s', (filter, covers) => {
    expect(coversTelemetry(filter)).toBe(covers);
  });
});
