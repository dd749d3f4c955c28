import { describe, expect, it } from '@jest/globals';
import { FoldedHistory } from './folded-history';

/** The fold spells out the values in observation-time order, so the order it saw is visible. */
const spell = (keepMs = 1_000): FoldedHistory<string, string> => new FoldedHistory<string, string>((previous, _at, value) => previous + value, '', keepMs);

describe('FoldedHistory', () => {
  it('folds observations appended in order', () => {
    const history = spell();
    for (const [at, value] of [[1, 'a'], [2, 'b'], [3, 'c']] as const) history.put(at, value);
    expect([history.newestState, history.newestAt, history.newestValue, history.size]).toEqual(['abc', 3, 'c', 3]);
  });

  it('places a late observation and re-folds from it', () => {
    const history = spell();
    history.put(1, 'a');
    history.put(3, 'c');
    const index = history.put(2, 'b');
    expect([history.timeAt(index), history.stateAt(index), history.stateAt(index + 1), history.lastIndex]).toEqual([2, 'ab', 'abc', index + 1]);
    expect([history.newestState, history.newestAt]).toEqual(['abc', 3]);
  });

  it('says the newest index for an observation appended in order, and finds entries by time', () => {
    const history = spell();
    history.put(1, 'a');
    const index = history.put(4, 'b');
    expect(index).toBe(history.lastIndex);
    expect([history.valueAt(index), history.indexAtOrAfter(2), history.indexAtOrAfter(5), history.firstIndex]).toEqual(['b', index, index + 1, index - 1]);
  });

  it('places an observation older than all held', () => {
    const history = spell();
    history.put(5, 'b');
    history.put(1, 'a');
    expect(history.newestState).toBe('ab');
  });

  it('replaces the value at a time already held and re-folds', () => {
    const history = spell();
    for (const [at, value] of [[1, 'a'], [2, 'b'], [3, 'c']] as const) history.put(at, value);
    history.put(2, 'x');
    expect([history.newestState, history.size]).toEqual(['axc', 3]);
  });

  it('knows which times it holds', () => {
    const history = spell();
    history.put(10, 'a');
    history.put(30, 'b');
    expect([history.has(10), history.has(20), history.has(30), history.has(31)]).toEqual([true, false, true, false]);
  });

  it.each([
    ['exactly keepMs behind the newest is still placed', 10, true, 'amb'],
    ['1 ms further behind is refused', 9, false, 'ab'],
  ] as const)('an observation %s', (_case, at, placed, state) => {
    const history = spell(10);
    history.put(0, 'a');
    history.put(20, 'b'); // drops the observation at 0 into the base state
    expect(history.isTooOld(at)).toBe(!placed);
    expect(history.put(at, 'm') >= 0).toBe(placed);
    expect(history.newestState).toBe(state);
  });

  it('keeps folding correctly across many dropped observations', () => {
    const counter = new FoldedHistory<number, number>((previous, _at, value) => previous + value, 0, 50);
    for (let at = 0; at < 2_000; at++) counter.put(at, 1);
    expect(counter.timeAt(counter.put(1_960, 100))).toBe(1_960); // replaces a 1 with 100
    expect(counter.put(1_948, 1)).toBe(-1);
    expect([counter.newestState, counter.size]).toEqual([2_000 - 1 + 100, 51]);
  });
});
