import type { StationRegistry } from '@hydro/domain';
import { loadRuleSet, type ReadingStore, systemClock, type TelemetryPipeline } from '@hydro/ingestion';
import { Injectable, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { AlertDesk } from '../alerts/alert-desk';
import { AlertPolicyDirectory } from '../alerts/alert-policies';
import { AlertsModule } from '../alerts/alerts.module';
import type { Environment } from '../config/environment.dto';
import { ENVIRONMENT } from '../config/environment.token';
import { IngestionModule } from '../ingestion/ingestion.module';
import { TELEMETRY_PIPELINE } from '../ingestion/ingestion.tokens';
import { nestLog } from '../logging/nest-log';
import { READING_STORE, STATION_REGISTRY } from '../storage/storage.tokens';
import { FloodRules } from './flood-rules';
import { RulesController } from './rules.controller';

/** How often time alone is given to the flood rules: staleness, venue schedule windows. */
export const RULE_TICK_MS = 10_000;

/** The rules' tick, and SIGHUP reloading them as POST /api/rules/reload does. */
@Injectable()
export class RulesClockwork implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('FloodRules');
  private readonly onHangup = (): void => {
    this.rules.reload().catch((error: unknown) => this.logger.error(`rules not reloaded, the old ones stay: ${(error as Error).message}`));
  };

  constructor(private readonly rules: FloodRules) {}

  @Interval(RULE_TICK_MS)
  tick(): void {
    this.rules.tick(systemClock.now());
  }

  onApplicationBootstrap(): void {
    process.on('SIGHUP', this.onHangup);
  }

  onApplicationShutdown(): void {
    process.off('SIGHUP', this.onHangup);
  }
}

/** Flood rules (water levels, rate of rise, the venue band, mountain torrents) evaluated on every reading. */
@Module({
  imports: [IngestionModule, AlertsModule],
  controllers: [RulesController],
  providers: [
    {
      provide: FloodRules,
      inject: [ENVIRONMENT, STATION_REGISTRY, READING_STORE, AlertDesk, AlertPolicyDirectory, TELEMETRY_PIPELINE],
      useFactory: (env: Environment, registry: StationRegistry, store: ReadingStore, desk: AlertDesk, policies: AlertPolicyDirectory, pipeline: TelemetryPipeline) => {
        const rules = new FloodRules(() => loadRuleSet(env.RULES_DIR, registry), registry, store, desk, systemClock, nestLog('FloodRules'), pipeline.storePreparedOnce);
        policies.register((ruleId) => rules.policyFor(ruleId));
        // Registered before the pipeline starts, so the spool's replay at start reaches the rules too.
        pipeline.onAccepted(rules.accept);
        const summary = rules.summary();
        nestLog('FloodRules').log(`rules loaded from ${env.RULES_DIR}: ${summary.waterLevel} water-level, ${summary.rateOfRise} rate-of-rise, ${summary.venues} venue, ${summary.mountainTorrent} mountain-torrent`, 'FloodRules');
        return rules;
      },
    },
    RulesClockwork,
  ],
  exports: [FloodRules],
})
export class RulesModule {}
