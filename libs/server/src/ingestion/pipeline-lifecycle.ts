import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { TelemetryPipeline } from '@hydro/ingestion';
import { TELEMETRY_PIPELINE } from './ingestion.tokens';

/** Starts the pipeline once the app is up, and stops it (draining the spool) before the app closes. */
@Injectable()
export class PipelineLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Ingestion');

  constructor(@Inject(TELEMETRY_PIPELINE) private readonly pipeline: TelemetryPipeline) {}

  onApplicationBootstrap(): void {
    this.logger.log(`consuming from ${this.pipeline.status().source}`);
    // Not awaited: with the broker down the app still starts, reports not-ready, and keeps trying.
    this.pipeline.start().catch((error: unknown) => {
      this.logger.error(`cannot consume: ${(error as Error).message}`);
      process.exitCode = 1;
      process.kill(process.pid, 'SIGTERM');
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.pipeline.stop();
  }
}
