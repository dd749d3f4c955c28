import { describe, expect, it } from '@jest/globals';
import { NeighbourRanges } from './neighbour-movement';

describe('NeighbourRanges', () => {
  const group = new NeighbourRanges(new Map([['a', 0.1], ['b', 0.3], ['c', 0.5], ['d', 0.7]]));

  it.each([
    ['a', 3, 0.5],
    ['d', 3, 0.3],
    ['b', 3, 0.5],
    ['outsider', 4, 0.4],
  ])('seen from %s: %d neighbours, median range %d', (id, neighbours, median) => {
    const movement = group.seenFrom(id);
    expect(movement.neighbours).toBe(neighbours);
    expect(movement.medianRange).toBeCloseTo(median, 12);
  });

  it('leaves out only one of equal ranges', () => {
    const movement = new NeighbourRanges(new Map([['a', 0.2], ['b', 0.2], ['c', 0.9]])).seenFrom('a');
    expect(movement).toEqual({ neighbours: 2, medianRange: (0.2 + 0.9) / 2 });
  });

  it('has no movement for a gauge alone in its group', () => {
    expect(new NeighbourRanges(new Map([['a', 0.2]])).seenFrom('a')).toEqual({ neighbours: 0, medianRange: undefined });
  });
});
