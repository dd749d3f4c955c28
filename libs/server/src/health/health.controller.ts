import type { TelemetryPipeline } from '@hydro/ingestion';
import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import { TELEMETRY_PIPELINE } from '../ingestion/ingestion.tokens';

/**
 * `/health`: the process answers (liveness; restart it if not).
 * `/ready`: the broker is consumed and the store accepts writes (readiness; 503 otherwise,
 * with what is wrong). A spool that is filling while the store is down is not "dead".
 */
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(TELEMETRY_PIPELINE) private readonly pipeline: TelemetryPipeline,
  ) {}

  @Get('health')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([async () => this.indicators.check('process').up({ pid: process.pid })]);
  }

  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      async () => {
        const status = this.pipeline.status();
        const broker = this.indicators.check('broker');
        return status.consuming ? broker.up({ source: status.source }) : broker.down({ source: status.source, message: 'not connected and consuming' });
      },
      async () => {
        const status = this.pipeline.status();
        const store = this.indicators.check('store');
        const details = { spoolBytes: status.spoolBytes, spoolEntries: status.spoolEntries };
        if (!status.storePrepared) return store.down({ ...details, message: 'store not reached yet; readings wait in the spool' });
        return status.storeWritable ? store.up(details) : store.down({ ...details, message: 'store writes failing; readings wait in the spool' });
      },
    ]);
  }
}
