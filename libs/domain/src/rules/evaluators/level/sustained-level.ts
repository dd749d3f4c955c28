/**
 * A level that counts only once it has held for a minimum duration in observation time, on the way up
 * and on the way down. Levels are 0 (normal) up to n (the most severe threshold or class).
 *
 * `instant` is what the latest observation shows; `counted` is the rule's verdict. A higher level k
 * counts when every observation since its first crossing has been at k or above and
 * `at − crossing ≥ minDurationMs` (exactly equal counts, 1 ms short does not); a lower one likewise
 * when every observation since the drop has been at k or below. Until then the previous counted level
 * stands. With several levels qualifying, the furthest one wins (the highest held on the way up, the
 * lowest on the way down).
 */
export interface SustainedLevel {
  readonly instant: number;
  readonly counted: number;
  /** `upSince[k]`: start of the current run of observations at k or above; NaN when there is none. */
  readonly upSince: readonly number[];
  /** `downSince[k]`: start of the current run of observations at k or below; NaN when there is none. */
  readonly downSince: readonly number[];
}

/** Before any observation: normal, no runs. `levels` is the number of levels above normal. */
export function startSustainedLevel(levels: number): SustainedLevel {
  const none = new Array<number>(levels + 1).fill(Number.NaN);
  return { instant: 0, counted: 0, upSince: none, downSince: none };
}

/** The state after one more observation, at `at`, showing level `instant`. */
export function sustainLevel(previous: SustainedLevel, instant: number, at: number, minDurationMs: number): SustainedLevel {
  const levels = previous.upSince.length;
  const upSince = new Array<number>(levels);
  const downSince = new Array<number>(levels);
  for (let k = 0; k < levels; k++) {
    const up = previous.upSince[k]!;
    const down = previous.downSince[k]!;
    // A run goes on only if the previous observation was in it too (its start is then a number).
    upSince[k] = instant >= k ? (Number.isNaN(up) ? at : up) : Number.NaN;
    downSince[k] = instant <= k ? (Number.isNaN(down) ? at : down) : Number.NaN;
  }
  let counted = previous.counted;
  if (instant > counted) {
    for (let k = instant; k > previous.counted; k--) {
      if (at - upSince[k]! >= minDurationMs) {
        counted = k;
        break;
      }
    }
  } else if (instant < counted) {
    for (let k = instant; k < previous.counted; k++) {
      if (at - downSince[k]! >= minDurationMs) {
        counted = k;
        break;
      }
    }
  }
  return { instant, counted, upSince, downSince };
}
