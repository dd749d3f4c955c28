/**
 * Index of the first time after `t` in `times[from..]`, which is sorted ascending: the number of
 * entries observed at or before `t` once `from` is added. Binary search, O(log n).
 */
export function firstAfter(times: readonly number[], t: number, from: number): number {
  let low = from;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (times[middle]! <= t) low = middle + 1;
    else high = middle;
  }
  return low;
}
