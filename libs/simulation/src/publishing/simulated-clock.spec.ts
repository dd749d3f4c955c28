import { SimulatedClock } from './simulated-clock';

describe('SimulatedClock', () => {
  it('advances simulated time by speed × real time from the start', () => {
    let real = 1_000_000;
    const clock = new SimulatedClock({ now: () => real }, Date.parse('2023-09-21T00:00:00Z'), 60);
    expect(clock.now()).toBe(Date.parse('2023-09-21T00:00:00Z'));
    real += 60_000;
    expect(clock.now()).toBe(Date.parse('2023-09-21T01:00:00Z'));
    expect(clock.elapsedRealMs()).toBe(60_000);
  });
});
