import { type EventLog, MqttOutbox } from '@hydro/ingestion';
import { Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Gauge, type Registry } from 'prom-client';
import type { Environment } from '../config/environment.dto';
import { ENVIRONMENT } from '../config/environment.token';
import { nestLog } from '../logging/nest-log';
import { MaintenanceDesk } from '../maintenance/maintenance-desk';
import { MaintenanceModule } from '../maintenance/maintenance.module';
import { METRICS_REGISTRY } from '../metrics/metrics.tokens';
import { brokerUrl } from '../simulation/simulation-plan';
import { EventLogReadiness } from '../storage/event-log-readiness';
import { EVENT_LOG } from '../storage/storage.tokens';
import { AlertDesk } from './alert-desk';
import { AlertPolicyDirectory } from './alert-policies';
import { AlertPublication } from './alert-publication';
import { AlertsController } from './alerts.controller';

/** The alert desk (flood and equipment alerts alike), its HTTP and SSE API, and MQTT publication. */
@Module({
  imports: [MaintenanceModule],
  controllers: [AlertsController],
  providers: [
    { provide: AlertPolicyDirectory, useValue: new AlertPolicyDirectory() },
    {
      provide: AlertDesk,
      inject: [EVENT_LOG, EventLogReadiness, MaintenanceDesk, AlertPolicyDirectory],
      useFactory: (eventLog: EventLog, readiness: EventLogReadiness, maintenance: MaintenanceDesk, policies: AlertPolicyDirectory) =>
        new AlertDesk(
          eventLog,
          readiness,
          {
            policyFor: (ruleId) => policies.policyFor(ruleId),
            // A subject is quiet only when every station it reads is under maintenance as a whole.
            isSuppressed: (stationIds, at) => stationIds.length > 0 && stationIds.every((id) => maintenance.isUnderMaintenance(id, undefined, at)),
          },
          nestLog('AlertDesk'),
        ),
    },
    {
      provide: AlertPublication,
      inject: [AlertDesk, ENVIRONMENT],
      useFactory: (desk: AlertDesk, env: Environment) =>
        new AlertPublication(
          desk,
          new MqttOutbox(
            {
              url: brokerUrl(env),
              clientId: `${env.MQTT_CLIENT_ID}-alerts`,
              ...(env.MQTT_USERNAME === undefined ? {} : { username: env.MQTT_USERNAME }),
              ...(env.MQTT_PASSWORD === undefined ? {} : { password: env.MQTT_PASSWORD }),
            },
            nestLog('AlertPublication'),
          ),
          nestLog('AlertPublication'),
        ),
    },
  ],
  exports: [AlertDesk, AlertPolicyDirectory],
})
export class AlertsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly desk: AlertDesk,
    private readonly publication: AlertPublication,
    @Inject(METRICS_REGISTRY) registry: Registry,
  ) {
    const desk_ = desk;
    new Gauge({ name: 'hydro_alerts_open', help: 'Open (active or acknowledged) alerts of every kind', registers: [registry], collect() { this.set(desk_.openCount); } });
  }

  onApplicationBootstrap(): void {
    this.publication.start();
  }

  /** After the pipeline stopped (beforeApplicationShutdown): the last transitions are written, then published. */
  async onApplicationShutdown(): Promise<void> {
    await this.desk.close();
    await this.publication.stop();
  }
}
