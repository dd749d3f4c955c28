import { combine, hashString, noise, stationKey } from './noise';

describe('counter-based noise', () => {
  it('is a pure function of key, stream and slot', () => {
    const key = stationKey(1, '70500747');
    expect(noise(key, 1, 12345)).toBe(noise(key, 1, 12345));
    expect(noise(key, 1, 12345)).not.toBe(noise(key, 1, 12346));
    expect(noise(key, 1, 12345)).not.toBe(noise(key, 2, 12345));
    expect(noise(stationKey(2, '70500747'), 1, 12345)).not.toBe(noise(key, 1, 12345));
  });

  it('tells apart slots beyond 2^32 (epoch milliseconds)', () => {
    expect(combine(5, 1_695_254_400_000)).not.toBe(combine(5, 1_695_254_400_000 + 2 ** 32));
  });

  it('is roughly uniform', () => {
    const key = hashString('x');
    const buckets = new Array<number>(10).fill(0);
    for (let slot = 0; slot < 20_000; slot++) buckets[Math.floor(noise(key, 3, slot) * 10)]! += 1;
    for (const count of buckets) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });
});
