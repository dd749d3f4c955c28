import { type AlertPolicy, type Reading, RuleEngine, type RuleSet, type StationRegistry, type TelemetryOutcome } from '@hydro/domain';
import type { Log, ReadingStore } from '@hydro/ingestion';
import type { AlertDesk } from '../alerts/alert-desk';

const HOUR_MS = 3_600_000;
/** Rolling rainfall windows reach back 24 h; levels need a few hours for durations and trends. */
const RAINFALL_HISTORY_MS = 25 * HOUR_MS;
const LEVEL_HISTORY_MS = 6 * HOUR_MS;

export interface RuleSetSummary {
  readonly loadedAt: number;
  readonly waterLevel: number;
  readonly rateOfRise: number;
  readonly venues: number;
  readonly mountainTorrent: number;
}

/**
 * The flood rules in force: evaluates every accepted reading as it arrives and hands the verdicts to
 * the alert desk. At start-up (and on reload) the rules' rolling windows are rebuilt from the store
 * first; readings that arrive meanwhile wait, so no rule judges on half a window (a torrent alert must
 * not clear because yesterday's rain was not loaded yet). A reload that fails validation changes nothing.
 */
export class FloodRules {
  private engine: RuleEngine;
  private current: RuleSet;
  private loadedAt: number;
  private waiting: Reading[][] | undefined = [];
  readonly ready: Promise<void>;

  constructor(
    private readonly load: () => RuleSet,
    private readonly registry: StationRegistry,
    private readonly store: ReadingStore,
    private readonly desk: AlertDesk,
    private readonly clock: { now(): number },
    private readonly log: Log,
    storePrepared: Promise<void>,
  ) {
    this.current = load();
    this.engine = new RuleEngine(this.current, registry);
    this.loadedAt = clock.now();
    this.ready = storePrepared.then(() => this.restoreWithRetry(this.engine)).then(() => this.release());
  }

  /** The pipeline's listener: every accepted message's readings, synchronously. */
  readonly accept = (outcome: TelemetryOutcome): void => {
    if (outcome.readings.length === 0) return;
    if (this.waiting !== undefined) {
      this.waiting.push(outcome.readings);
      return;
    }
    this.deliver(this.engine.accept(outcome.readings));
  };

  tick(now: number): void {
    if (this.waiting === undefined) this.deliver(this.engine.tick(now));
  }

  policyFor(ruleId: string): AlertPolicy | undefined {
    return this.engine.policyFor(ruleId);
  }

  get rules(): RuleSet {
    return this.current;
  }

  summary(): RuleSetSummary {
    return {
      loadedAt: this.loadedAt,
      waterLevel: this.current.waterLevel.length,
      rateOfRise: this.current.rateOfRise.length,
      venues: this.current.venues.length,
      mountainTorrent: this.current.mountainTorrent.length,
    };
  }

  /**
   * Loads the rule files again. Throws the loader's error (naming file, entry and field) and keeps
   * the rules in force when the new files are invalid. Open alerts stay: the alert desk holds them,
   * and a rule that disappeared resolves its alert only through normal outcomes (never by silence).
   */
  async reload(): Promise<RuleSetSummary> {
    await this.ready;
    const next = this.load();
    const engine = new RuleEngine(next, this.registry);
    this.waiting = [];
    try {
      await this.restore(engine);
    } catch (error) {
      this.release();
      throw error;
    }
    this.engine = engine;
    this.current = next;
    this.loadedAt = this.clock.now();
    this.release();
    const summary = this.summary();
    this.log.log(`rules reloaded: ${summary.waterLevel} water-level, ${summary.rateOfRise} rate-of-rise, ${summary.venues} venue, ${summary.mountainTorrent} mountain-torrent rules`, 'FloodRules');
    return summary;
  }

  private deliver(verdicts: ReturnType<RuleEngine['accept']>): void {
    const now = this.clock.now();
    for (const { subject, outcome } of verdicts) this.desk.observe(subject, outcome, now);
  }

  private release(): void {
    const waiting = this.waiting ?? [];
    this.waiting = undefined;
    for (const readings of waiting) this.deliver(this.engine.accept(readings));
  }

  private async restoreWithRetry(engine: RuleEngine): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.restore(engine);
        return;
      } catch (error) {
        if (attempt % 10 === 0) this.log.warn(`flood rules wait for the store to rebuild their windows: ${(error as Error).message}`, 'FloodRules');
        await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 500 * 2 ** Math.min(attempt, 6))).unref());
      }
    }
  }

  private async restore(engine: RuleEngine): Promise<void> {
    const now = this.clock.now();
    const [rainfall, levels] = await Promise.all([
      this.store.readings({ element: 'rainfall', from: now - RAINFALL_HISTORY_MS, to: now + HOUR_MS }),
      this.store.readings({ element: 'water_level', from: now - LEVEL_HISTORY_MS, to: now + HOUR_MS }),
    ]);
    engine.restore([...rainfall, ...levels]);
    this.log.log(`flood rule windows rebuilt from ${rainfall.length} rainfall and ${levels.length} water-level readings`, 'FloodRules');
  }
}
