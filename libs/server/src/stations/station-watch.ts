import {
  type AlertOutcome,
  DEFAULT_HEALTH_POLICY,
  type EquipmentCondition,
  type HealthSweep,
  type MaintenancePredicate,
  ShardedNetworkHealth,
  type StationHealthSnapshot,
  type StationRegistry,
  type TelemetryOutcome,
} from '@hydro/domain';
import type { Log, ReadingStore } from '@hydro/ingestion';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AlertDesk } from '../alerts/alert-desk';
import { equipmentRuleId } from '../alerts/alert-policies';
import type { MaintenanceDesk } from '../maintenance/maintenance-desk';

const DAY_MS = 24 * 3_600_000;
const OFFLINE_AFTER_MISSED = DEFAULT_HEALTH_POLICY.offlineAfterMissed;
const BEIDOU_ALLOWANCE_MS = DEFAULT_HEALTH_POLICY.allowanceMs.beidou;

/**
 * How a sweep shares the event loop with telemetry: stations assessed per turn (a shard; about 10 ms on a
 * busy 2-core machine) and equipment conditions handed to the alert desk per turn (each may be an alert
 * transition to store and announce). A whole-network sweep in one turn held the loop for 100–450 ms.
 */
export interface SweepPacing {
  readonly stationsPerTurn: number;
  readonly conditionsPerTurn: number;
}

export const DEFAULT_SWEEP_PACING: SweepPacing = { stationsPerTurn: 150, conditionsPerTurn: 200 };

/**
 * Station health for maintainers: follows every accepted report, is rebuilt from the store at
 * start-up (so a restart marks neither every station offline nor every one online), and on each
 * sweep hands the equipment conditions to the alert desk.
 */
export class StationWatch {
  private readonly health: ShardedNetworkHealth;
  private lastSweep: HealthSweep | undefined;
  private restored = false;
  /** The sweep in progress (or the last one): sweeps run one after another, never interleaved. */
  private sweeping: Promise<unknown> = Promise.resolve();
  readonly ready: Promise<void>;

  constructor(
    private readonly registry: StationRegistry,
    private readonly store: ReadingStore,
    private readonly maintenance: MaintenanceDesk,
    private readonly desk: AlertDesk,
    private readonly log: Log,
    now: number,
    storePrepared: Promise<void>,
    private readonly pacing: SweepPacing = DEFAULT_SWEEP_PACING,
  ) {
    this.health = new ShardedNetworkHealth(registry, pacing.stationsPerTurn);
    this.startedAt = now;
    this.ready = storePrepared.then(() => this.restoreWithRetry(now));
  }

  /** When this process started watching: a station never heard from is given time to report first. */
  private readonly startedAt: number;

  /** The pipeline's listener: cheap, synchronous, per accepted message. */
  readonly accept = (outcome: TelemetryOutcome): void => {
    for (const arrival of outcome.arrivals) this.health.recordArrival(arrival);
    this.health.recordReadings(outcome.readings);
  };

  /**
   * Assesses every station at `now` and tells the alert desk what the equipment conditions are, a shard
   * of stations and then a slice of conditions per turn of the event loop, so telemetry keeps flowing
   * meanwhile. Not before the picture is rebuilt from the store: until then every station would look
   * silent (resolves undefined). A sweep asked for while one runs starts after it.
   */
  sweep(now: number): Promise<HealthSweep | undefined> {
    const sweep = this.sweeping.then(() => this.sweepInTurns(now));
    this.sweeping = sweep.catch(() => undefined);
    return sweep;
  }

  /** The latest sweep (for gauges), or a fresh one before the first. */
  latest(now: number): HealthSweep {
    return this.lastSweep ?? this.health.sweep(now, this.underMaintenance());
  }

  /** Every station at `now`, assessed a shard per turn like a sweep, so an API call does not hold the event loop. */
  async snapshots(now: number): Promise<readonly StationHealthSnapshot[]> {
    return (await this.shardsInTurns(now)).stations;
  }

  snapshot(stationId: string, now: number): StationHealthSnapshot | undefined {
    return this.health.snapshot(stationId, now, this.underMaintenance());
  }

  private async sweepInTurns(now: number): Promise<HealthSweep | undefined> {
    if (!this.restored) return undefined;
    const sweep = await this.shardsInTurns(now);
    this.lastSweep = sweep;
    const waiting = new Set(sweep.stations.filter((s) => s.neverReported && !this.overdue(s.stationId, now)).map((s) => s.stationId));
    // A station the store has never heard from is not reported silent before it has missed its reports since this start.
    const toReport = sweep.conditions.filter(
      (c) => !(c.outcome === 'breach' && (c.kind === 'station_offline' || c.kind === 'channel_down') && waiting.has(c.stationIds[0] ?? '')),
    );
    for (let from = 0; from < toReport.length; from += this.pacing.conditionsPerTurn) {
      await nextTurn();
      for (const condition of toReport.slice(from, from + this.pacing.conditionsPerTurn)) this.report(condition, now);
    }
    return sweep;
  }

  /** The whole network at `now`, a shard of stations per turn of the event loop. */
  private async shardsInTurns(now: number): Promise<HealthSweep> {
    const parts: HealthSweep[] = [];
    for (let shard = 0; shard < this.health.shardCount; shard++) {
      if (shard > 0) await nextTurn();
      parts.push(this.health.sweepShard(shard, now, this.underMaintenance()));
    }
    return this.health.combine(parts, now);
  }

  /** Offline by the health policy's count of missed reports, counted from this start. */
  private overdue(stationId: string, now: number): boolean {
    const station = this.registry.get(stationId);
    if (station === undefined) return true;
    return now - this.startedAt >= OFFLINE_AFTER_MISSED * station.reportingIntervalMinutes * 60_000 + BEIDOU_ALLOWANCE_MS;
  }

  /**
   * The maintenance desk's answer, asked only for stations that have a window at all: the calendar's
   * check allocates per call, and a sweep asks for every station and channel. Taken afresh per shard, so a
   * window opened during a sweep counts from the next shard on.
   */
  private underMaintenance(): MaintenancePredicate {
    const withWindows = new Set(this.maintenance.current.windows().map((w) => w.stationId));
    return (stationId, channel, at) => withWindows.has(stationId) && this.maintenance.isUnderMaintenance(stationId, channel, at);
  }

  private report(condition: EquipmentCondition, now: number): void {
    const station = this.registry.get(condition.stationIds[0] ?? '');
    const outcome: AlertOutcome =
      condition.outcome === 'breach'
        ? { type: 'breach', severity: condition.severity, observedAt: condition.observedAt, details: condition.details }
        : { type: 'normal', observedAt: condition.observedAt, details: condition.details };
    this.desk.observe(
      {
        ruleId: equipmentRuleId(condition.kind),
        kind: condition.kind,
        subjectId: condition.subjectId,
        stationIds: condition.stationIds,
        ...(station === undefined ? {} : { district: station.district, basin: station.basin }),
      },
      outcome,
      now,
    );
  }

  private async restoreWithRetry(now: number): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.restore(now);
        this.restored = true;
        return;
      } catch (error) {
        if (attempt % 10 === 0) this.log.warn(`station health waits for the store: ${(error as Error).message}`, 'StationWatch');
        await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 500 * 2 ** Math.min(attempt, 6))).unref());
      }
    }
  }

  private async restore(now: number): Promise<void> {
    const from = now - DAY_MS;
    const [lastArrivals, latest, battery, levels] = await Promise.all([
      this.store.lastArrivals(),
      this.store.latest({}),
      this.store.readings({ element: 'battery_voltage', from, to: now + DAY_MS }),
      this.store.readings({ element: 'water_level', from, to: now + DAY_MS }),
    ]);
    this.health.restore(lastArrivals, latest, [...battery, ...levels]);
    this.log.log(`station health rebuilt from the store: ${lastArrivals.length} channels, ${latest.length} latest values, ${battery.length + levels.length} recent readings`, 'StationWatch');
  }
}
