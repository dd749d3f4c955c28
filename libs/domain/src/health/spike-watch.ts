import type { SpikePolicy } from './health-policy';

/** A jump that reversed at once: before, the spike value, after. */
export interface Spike {
  /** Observation time of the spike value. */
  readonly at: number;
  readonly before: number;
  readonly peak: number;
  readonly after: number;
}

/** Spikes kept per station: enough to say "several", bounded whatever the sensor does. */
const KEPT_SPIKES = 8;

/**
 * Spike detection over the last three water levels v0, v1, v2 (in observation order):
 * |v1 − v0| and |v2 − v1| both exceed `jump`, with opposite signs, and |v2 − v0| is within
 * `returnWithin`. A level (river, plain network, reservoir, tide) is a continuous state: it
 * cannot leap half a metre and come straight back. Rainfall is never watched: it is the rain
 * of one interval, so a burst (0, 25, 0 mm) legitimately jumps and reverses.
 */
export class SpikeWatch {
  private readonly values: number[] = [];
  private readonly times: number[] = [];
  private readonly spikes: Spike[] = [];

  constructor(private readonly policy: SpikePolicy) {}

  /** Feeds the next level (newer than all before); returns the spike it completes, if any. */
  observe(observedAt: number, value: number): Spike | undefined {
    this.values.push(value);
    this.times.push(observedAt);
    if (this.values.length > 3) {
      this.values.shift();
      this.times.shift();
    }
    if (this.values.length < 3) return undefined;
    const [v0, v1, v2] = this.values as [number, number, number];
    if (!isSpike(v0, v1, v2, this.policy)) return undefined;
    const spike: Spike = { at: this.times[1]!, before: v0, peak: v1, after: v2 };
    this.spikes.push(spike);
    if (this.spikes.length > KEPT_SPIKES) this.spikes.shift();
    return spike;
  }

  /** Spikes observed at or after `from`, oldest first. */
  spikesSince(from: number): readonly Spike[] {
    return this.spikes.filter((spike) => spike.at >= from);
  }
}

export function isSpike(v0: number, v1: number, v2: number, policy: SpikePolicy): boolean {
  const up = v1 - v0;
  const down = v2 - v1;
  return (
    Math.abs(up) > policy.jump &&
    Math.abs(down) > policy.jump &&
    Math.sign(up) !== Math.sign(down) &&
    Math.abs(v2 - v0) <= policy.returnWithin
  );
}
