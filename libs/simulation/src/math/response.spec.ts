import { responseCumulative, responseDensity, responsePeak, type Pulse } from './response';

describe('catchment response (exponentially modified Gaussian)', () => {
  const pulse: Pulse = { centre: 20, spread: 5, recession: 8 };

  it('integrates to one and its cumulative agrees with the density', () => {
    let area = 0;
    for (let t = -40; t < 200; t += 0.01) area += responseDensity(pulse, t) * 0.01;
    expect(area).toBeCloseTo(1, 4);
    let partial = 0;
    for (let t = -40; t < 30; t += 0.01) partial += responseDensity(pulse, t) * 0.01;
    expect(responseCumulative(pulse, 30)).toBeCloseTo(partial, 3);
  });

  it('peaks after the rain pulse and recedes as exp(-t/K)', () => {
    const peak = responsePeak(pulse);
    expect(peak.time).toBeGreaterThan(pulse.centre);
    const later = responseDensity(pulse, 80);
    const muchLater = responseDensity(pulse, 80 + pulse.recession);
    expect(muchLater / later).toBeCloseTo(Math.exp(-1), 4);
  });

  it('stays finite and tiny long before the pulse', () => {
    expect(responseDensity(pulse, -500)).toBeGreaterThanOrEqual(0);
    expect(responseDensity(pulse, -500)).toBeLessThan(1e-100);
    expect(responseCumulative(pulse, -500)).toBe(0);
  });
});
