import { describe, expect, it } from '@jest/globals';
import { HOUR, T0 } from './__fixtures__/health-fixtures';
import { FlatRun } from './flat-run';
import { DEFAULT_HEALTH_POLICY } from './health-policy';
import type { NeighbourMovement } from './neighbour-movement';
import { levelStuckFinding, rainfallStuckFinding } from './stuck-sensor';

const NOW = T0 + 100 * HOUR;
const level = DEFAULT_HEALTH_POLICY.levelStuck;

/** `count` identical readings spread evenly from firstAt to lastAt. */
function run(value: number, firstAt: number, lastAt: number, count: number): FlatRun {
  const flat = new FlatRun();
  for (let i = 0; i < count; i++) flat.extend(firstAt + ((lastAt - firstAt) * i) / (count - 1), value);
  return flat;
}

const none: NeighbourMovement = { neighbours: 0, medianRange: undefined };
const moved: NeighbourMovement = { neighbours: 3, medianRange: 0.3 };
const quiet: NeighbourMovement = { neighbours: 3, medianRange: 0.02 };

describe('levelStuckFinding', () => {
  it.each([
    // [case, run length, readings, neighbours, stuck]
    ['6 h flat, no neighbours', 6 * HOUR, 73, none, true],
    ['1 ms short of 6 h, no neighbours', 6 * HOUR - 1, 73, none, false],
    ['6 h flat but one reading short of the minimum', 6 * HOUR, level.minReadings - 1, none, false],
    ['6 h flat with exactly the minimum readings', 6 * HOUR, level.minReadings, none, true],
    ['6 h flat while neighbours moved', 6 * HOUR, 73, moved, true],
    ['10 h flat while neighbours were flat too (flat weather)', 10 * HOUR, 121, quiet, false],
    ['neighbours exactly at the change threshold count as flat', 10 * HOUR, 121, { neighbours: 3, medianRange: level.neighbourChange }, false],
    ['6 h flat with one moving neighbour, too few to judge the weather', 6 * HOUR, 73, { neighbours: 1, medianRange: 0.3 }, true],
    ['72 h flat in flat weather', 72 * HOUR, 865, quiet, true],
    ['1 ms short of 72 h in flat weather', 72 * HOUR - 1, 865, quiet, false],
    ['2 h flat, covering the neighbour window, while neighbours moved', 2 * HOUR, 25, moved, true],
    ['1 ms short of covering the neighbour window while neighbours moved', 2 * HOUR - 1, 25, moved, false],
    ['2 h flat with neighbours flat', 2 * HOUR, 25, quiet, false],
    ['2 h flat with a single moving neighbour', 2 * HOUR, 25, { neighbours: 1, medianRange: 0.3 }, false],
  ])('%s: stuck %s', (_case, length, count, neighbours, stuck) => {
    const finding = levelStuckFinding(run(3.21, NOW - length, NOW, count), neighbours, NOW, level);
    expect(finding && { kind: finding.kind, element: finding.element, since: finding.since }).toEqual(
      stuck ? { kind: 'stuck', element: 'water_level', since: NOW - length } : undefined,
    );
  });

  it('does not compare with neighbours a run that ended before their window', () => {
    const ended = NOW - level.neighbourWindowMs - 1;
    expect(levelStuckFinding(run(3.21, ended - 3 * HOUR, ended, 37), moved, NOW, level)).toBeUndefined();
    expect(levelStuckFinding(run(3.21, ended - 3 * HOUR, ended + 1, 37), moved, NOW, level)).toBeDefined();
  });

  it('says why: the value, how long, and what the neighbours did', () => {
    const finding = levelStuckFinding(run(3.21, NOW - 2 * HOUR - 30 * 60_000, NOW, 31), moved, NOW, level);
    expect(finding?.reason).toBe('water level 3.21 m unchanged for 2 h 30 min (31 readings) while 3 neighbouring gauges moved by a median 0.30 m in the last 2 h');
  });
});

describe('rainfallStuckFinding', () => {
  const rain = DEFAULT_HEALTH_POLICY.rainfallStuck;

  it.each([
    ['zero rain for ten days (dry weather)', 0, 240 * HOUR, 2881, false],
    ['0.5 mm in every interval for 3 h', 0.5, 3 * HOUR, 37, true],
    ['0.5 mm in every interval, 1 ms short of 3 h', 0.5, 3 * HOUR - 1, 37, false],
    ['0.5 mm for 3 h but one reading short of the minimum', 0.5, 3 * HOUR, rain.minReadings - 1, false],
  ])('%s: stuck %s', (_case, value, length, count, stuck) => {
    const finding = rainfallStuckFinding(run(value, NOW - length, NOW, count), rain);
    expect(finding && { kind: finding.kind, element: finding.element, since: finding.since }).toEqual(
      stuck ? { kind: 'stuck', element: 'rainfall', since: NOW - length } : undefined,
    );
  });
});
