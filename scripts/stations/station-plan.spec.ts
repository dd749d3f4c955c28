import { allocate, DISTRICT_WEIGHTS, KIND_COUNTS, STATION_COUNT } from './station-plan';

describe('station plan', () => {
  it('counts kinds that add up to the whole network', () => {
    expect(Object.values(KIND_COUNTS).reduce((a, b) => a + b, 0)).toBe(STATION_COUNT);
  });

  it('allocates exactly the total, in proportion to the weights', () => {
    const counts = allocate(10, { lucheng: 1, ouhai: 1, longwan: 1 });

    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(10);
    expect(Object.fromEntries(counts)).toEqual({ lucheng: 4, longwan: 3, ouhai: 3 });
  });

  it('leaves out districts without weight', () => {
    expect([...allocate(KIND_COUNTS.plain_network, DISTRICT_WEIGHTS.plain_network).keys()].sort()).toEqual([
      'longwan',
      'lucheng',
      'ouhai',
      'ruian',
    ]);
  });
});
