import {
  type AlertOutcome,
  type Channel,
  type EquipmentCondition,
  type HealthSweep,
  NetworkHealth,
  type StationHealthSnapshot,
  type StationRegistry,
  type TelemetryOutcome,
} from '@hydro/domain';
import type { Log, ReadingStore } from '@hydro/ingestion';
import type { AlertDesk } from '../alerts/alert-desk';
import { equipmentRuleId } from '../alerts/alert-policies';
import type { MaintenanceDesk } from '../maintenance/maintenance-desk';

const DAY_MS = 24 * 3_600_000;

/**
 * Station health for maintainers: follows every accepted report, is rebuilt from the store at
 * start-up (so a restart marks neither every station offline nor every one online), and on each
 * sweep hands the equipment conditions to the alert desk.
 */
export class StationWatch {
  private readonly health: NetworkHealth;
  private lastSweep: HealthSweep | undefined;
  private restored = false;
  readonly ready: Promise<void>;

  constructor(
    private readonly registry: StationRegistry,
    private readonly store: ReadingStore,
    private readonly maintenance: MaintenanceDesk,
    private readonly desk: AlertDesk,
    private readonly log: Log,
    now: number,
    storePrepared: Promise<void>,
  ) {
    this.health = new NetworkHealth(registry);
    this.ready = storePrepared.then(() => this.restoreWithRetry(now));
  }

  /** The pipeline's listener: cheap, synchronous, per accepted message. */
  readonly accept = (outcome: TelemetryOutcome): void => {
    for (const arrival of outcome.arrivals) this.health.recordArrival(arrival);
    this.health.recordReadings(outcome.readings);
  };

  /**
   * Assesses every station at `now` and tells the alert desk what the equipment conditions are.
   * Not before the picture is rebuilt from the store: until then every station would look silent.
   */
  sweep(now: number): HealthSweep | undefined {
    if (!this.restored) return undefined;
    const sweep = this.health.sweep(now, this.underMaintenance);
    this.lastSweep = sweep;
    for (const condition of sweep.conditions) this.report(condition, now);
    return sweep;
  }

  /** The latest sweep (for gauges), or a fresh one before the first. */
  latest(now: number): HealthSweep {
    return this.lastSweep ?? this.health.sweep(now, this.underMaintenance);
  }

  snapshots(now: number): readonly StationHealthSnapshot[] {
    return this.health.sweep(now, this.underMaintenance).stations;
  }

  snapshot(stationId: string, now: number): StationHealthSnapshot | undefined {
    return this.health.snapshot(stationId, now, this.underMaintenance);
  }

  private readonly underMaintenance = (stationId: string, channel: Channel | undefined, at: number): boolean =>
    this.maintenance.isUnderMaintenance(stationId, channel, at);

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
