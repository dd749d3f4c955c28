/**
 * Splits `total` into whole numbers in proportion to `weights`, each between `least` and `most`,
 * summing exactly to `total`: proportional shares, those over `most` capped and the rest shared again,
 * then largest remainders (ties to the earlier index). Deterministic for the same input.
 */
export function allocateWithin(total: number, weights: readonly number[], least: number, most: number): number[] {
  const n = weights.length;
  if (!Number.isInteger(total) || total < n * least || total > n * most) {
    throw new RangeError(`cannot split ${total} into ${n} whole parts of ${least} to ${most}`);
  }
  const exact = new Array<number>(n).fill(most);
  const capped = new Set<number>();
  for (;;) {
    const open = weights.map((_, i) => i).filter((i) => !capped.has(i));
    const spare = total - capped.size * most - open.length * least;
    const weightSum = open.reduce((sum, i) => sum + (weights[i] ?? 0), 0);
    for (const i of open) exact[i] = least + (weightSum > 0 ? (spare * (weights[i] ?? 0)) / weightSum : spare / open.length);
    const over = open.filter((i) => (exact[i] ?? 0) > most);
    if (over.length === 0) break;
    for (const i of over) {
      capped.add(i);
      exact[i] = most;
    }
  }
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((sum, c) => sum + c, 0);
  const byRemainder = exact.map((x, i) => ({ i, remainder: x - Math.floor(x) })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left === 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left -= 1;
  }
  return counts;
}
