import type { Clock } from '@hydro/domain';

/**
 * Maps real time to simulated time: simulated = start + speed × (real − realStart).
 * `--speed 60` runs an hour a minute. Pure given the clock it reads.
 */
export class SimulatedClock {
  private readonly realStart: number;

  constructor(
    private readonly clock: Clock,
    readonly start: number,
    readonly speed: number,
  ) {
    this.realStart = clock.now();
  }

  /** Simulated epoch ms now. */
  now(): number {
    return this.start + this.speed * (this.clock.now() - this.realStart);
  }

  /** Real milliseconds since the clock started. */
  elapsedRealMs(): number {
    return this.clock.now() - this.realStart;
  }
}
