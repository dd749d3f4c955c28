import { existsSync } from 'node:fs';
import type { StationRegistry } from '@hydro/domain';
import { systemClock } from '@hydro/ingestion';
import { Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { AlertDesk } from '../alerts/alert-desk';
import { AlertsModule } from '../alerts/alerts.module';
import type { Environment } from '../config/environment.dto';
import { ENVIRONMENT } from '../config/environment.token';
import { nestLog } from '../logging/nest-log';
import { METRICS_REGISTRY } from '../metrics/metrics.tokens';
import { STATION_REGISTRY } from '../storage/storage.tokens';
import { DEFAULT_NOTIFICATIONS_FILE, loadNotificationsConfig } from './load-notifications-config';
import { WebhookNotifier } from './webhook-notifier';

const log = nestLog('WebhookNotifier');

/**
 * Webhook notifications of alert transitions. The file is validated at start-up and a bad one stops
 * the centre; a missing default file means no webhooks (an image built without it still starts).
 */
@Module({
  imports: [AlertsModule],
  providers: [
    {
      provide: WebhookNotifier,
      inject: [AlertDesk, STATION_REGISTRY, METRICS_REGISTRY, ENVIRONMENT],
      useFactory: (desk: AlertDesk, stations: StationRegistry, registry: Registry, env: Environment): WebhookNotifier => {
        const path = env.NOTIFICATIONS_FILE;
        // Only the default may be missing (an image built without it); a file named on purpose must exist.
        const webhooks = path === DEFAULT_NOTIFICATIONS_FILE && !existsSync(path) ? [] : loadNotificationsConfig(path).webhooks;
        return new WebhookNotifier(desk.durable$, webhooks, { clock: systemClock, alertOf: (id) => desk.get(id), names: (id) => stations.get(id)?.name }, log, registry);
      },
    },
  ],
})
export class NotificationsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly notifier: WebhookNotifier,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  onApplicationBootstrap(): void {
    this.notifier.start();
  }

  /** The last transitions (a resolution at shutdown) get the shutdown grace to go out. */
  async onApplicationShutdown(): Promise<void> {
    await this.notifier.stop(this.env.SHUTDOWN_GRACE_MS);
  }
}
