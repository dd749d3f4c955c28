import { InfluxServer } from './influxdb-server';
import { MosquittoBroker } from './mosquitto-broker';

/** A real broker and a real InfluxDB for one test file, on free loopback ports with temp data. */
export interface Services {
  readonly broker: MosquittoBroker;
  readonly influx: InfluxServer;
  dispose(): Promise<void>;
}

export async function startServices(): Promise<Services> {
  const [broker, influx] = await Promise.all([MosquittoBroker.start(), InfluxServer.start()]);
  return {
    broker,
    influx,
    dispose: async () => {
      await Promise.all([broker.dispose(), influx.dispose()]);
    },
  };
}

let counter = 0;

/** A database name and client id no other test in this run uses, so tests cannot see each other's data. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}_${process.pid}_${counter}`;
}
