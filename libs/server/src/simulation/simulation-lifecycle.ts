import { connectMqttPublisher } from '@hydro/ingestion/publish/connect-mqtt-publisher';
import { loadStationRegistry, systemClock } from '@hydro/ingestion';
import { runSimulator, type SimulatorRun } from '@hydro/simulation';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Environment } from '../config/environment.dto';
import { ENVIRONMENT } from '../config/environment.token';
import { SIMULATION_DEFAULTS, simulationPlan } from './simulation-plan';

/**
 * Runs the station simulator inside the process when SIMULATE names a scenario. It publishes over
 * MQTT to the same broker the ingestion consumes from, so simulated reports take the stations' path.
 * It stops in onModuleDestroy, which Nest runs before any beforeApplicationShutdown: the simulator is
 * quiet before the ingestion drains its spool.
 */
@Injectable()
export class SimulationLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Simulator');
  private run: Promise<SimulatorRun | undefined> = Promise.resolve(undefined);

  constructor(@Inject(ENVIRONMENT) private readonly env: Environment) {}

  onApplicationBootstrap(): void {
    const plan = simulationPlan(this.env, systemClock.now());
    if (plan === undefined) return;
    const password = this.env.MQTT_PASSWORD;
    this.run = runSimulator(
      {
        ...SIMULATION_DEFAULTS,
        ...plan,
        registry: loadStationRegistry(this.env.STATIONS_FILE),
        progressEveryMs: 10_000,
        log: (line) => this.logger.log(line),
        connect: connectMqttPublisher,
        ...(this.env.MQTT_USERNAME === undefined ? {} : { username: this.env.MQTT_USERNAME }),
        ...(password === undefined ? {} : { password }),
      },
      systemClock,
    ).catch((error: unknown) => {
      // The simulator is a demonstration aid: its failure is logged, never fatal to ingestion.
      this.logger.error(`simulator could not start: ${(error as Error).message}`);
      return undefined;
    });
  }

  async onModuleDestroy(): Promise<void> {
    await (await this.run)?.stop();
  }
}
