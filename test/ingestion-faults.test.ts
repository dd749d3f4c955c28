import { countReadings } from './support/influx-counts';
import { IngestorProcess } from './support/ingestor-process';
import { MqttPublisher } from './support/mqtt-publisher';
import { type Services, startServices, uniqueName } from './support/services';
import { cellularReports, distinctReadings, registryStations } from './support/station-reports';
import { waitFor } from './support/wait-for';

const START = Date.parse('2023-09-21T08:00:00+08:00');

/** Publishes `reports`, running `fault` once a third of them have been acknowledged by the broker. */
async function publishThrough(publisher: MqttPublisher, reports: ReturnType<typeof cellularReports>, fault: () => Promise<void>): Promise<void> {
  let faulted: Promise<void> | undefined;
  await publisher.publishAll(reports, 50, (acked) => {
    if (acked === Math.floor(reports.length / 3)) faulted = fault();
  });
  await faulted;
}

describe('ingestion faults, against a real Mosquitto and InfluxDB', () => {
  let services: Services;
  let database: string;
  let ingestor: IngestorProcess;
  let publisher: MqttPublisher;
  const stations = registryStations().slice(0, 400);

  beforeAll(async () => {
    services = await startServices();
  });
  afterAll(async () => {
    await services.dispose();
  });

  async function startIngestor(env: Record<string, string> = {}): Promise<void> {
    database = uniqueName('hydro');
    ingestor = await IngestorProcess.start({
      mqttUrl: services.broker.url,
      influxUrl: services.influx.url,
      database,
      env: { MQTT_CLIENT_ID: uniqueName('ing'), ...env },
    });
    await waitFor(() => ingestor.ready(), Boolean, 'the ingestor to be ready');
    publisher = await MqttPublisher.connect(services.broker.url, uniqueName('pub'));
  }

  afterEach(async () => {
    await publisher?.close();
    await ingestor?.dispose();
  });

  it('loses nothing when InfluxDB is killed mid-stream and comes back', async () => {
    await startIngestor();
    const reports = cellularReports(stations, 15, START);
    await publishThrough(publisher, reports, () => services.influx.kill());
    // Every message was acknowledged while InfluxDB was down: they sit in the spool.
    await waitFor(() => ingestor.ready(), (ready) => !ready, 'readiness to report the store down');
    await services.influx.restart();
    await waitFor(() => countReadings(services.influx, database), (n) => n === distinctReadings(reports), 'every reading in InfluxDB');
    await waitFor(() => ingestor.ready(), Boolean, 'readiness to recover');
    expect(await ingestor.metric('hydro_store_write_failures_total', '{kind="unavailable"}')).toBeGreaterThan(0);
  });

  it('loses nothing when the ingestor is SIGKILLed mid-stream and restarted', async () => {
    await startIngestor();
    const reports = cellularReports(stations, 15, START);
    await publishThrough(publisher, reports, () => ingestor.kill());
    expect(ingestor.running).toBe(false);
    // The broker queued the rest for the persistent session; the spool holds what was acknowledged.
    await ingestor.restart();
    await waitFor(() => countReadings(services.influx, database), (n) => n === distinctReadings(reports), 'every reading in InfluxDB');
  });

  it('loses nothing across a broker restart: the ingestor reconnects and resubscribes', async () => {
    await startIngestor();
    const reports = cellularReports(stations, 10, START);
    await publishThrough(publisher, reports, async () => {
      await services.broker.stop();
      await services.broker.restart();
    });
    await waitFor(() => countReadings(services.influx, database), (n) => n === distinctReadings(reports), 'every reading in InfluxDB');
    expect(await ingestor.ready()).toBe(true);
  });

  it('stops acknowledging when the spool is full, so the broker holds the backlog, and catches up after', async () => {
    await startIngestor({ SPOOL_MAX_BYTES: String(1024 * 1024) });
    await services.influx.kill();
    const reports = cellularReports(stations, 20, START);
    const publishing = publisher.publishAll(reports, 50);
    await waitFor(() => ingestor.metric('hydro_broker_consuming'), (n) => n === 0, 'consumption to pause on a full spool');
    // Messages already handed to the journal when it filled still become durable: the spool reaches its bound.
    await waitFor(() => ingestor.metric('hydro_spool_bytes'), (n) => n >= 1024 * 1024 * 0.9, 'the spool at its bound');
    // The broker holds the rest: the ingestor has taken only part of the stream.
    expect(await ingestor.metric('hydro_messages_received_total')).toBeLessThan(reports.length);
    await services.influx.restart();
    await publishing;
    await waitFor(() => countReadings(services.influx, database), (n) => n === distinctReadings(reports), 'every reading in InfluxDB');
    await waitFor(() => ingestor.metric('hydro_broker_consuming'), (n) => n === 1, 'consumption to resume');
  });

  it('drains the spool into InfluxDB on SIGTERM before it exits', async () => {
    await startIngestor({ INFLUX_FLUSH_INTERVAL_MS: '5000', INFLUX_BATCH_SIZE: '100000' });
    const reports = cellularReports(stations, 2, START);
    await publisher.publishAll(reports);
    // A long flush interval keeps the batch waiting: only the shutdown flush can have written it.
    await ingestor.stop();
    expect(ingestor.running).toBe(false);
    expect(await countReadings(services.influx, database)).toBe(distinctReadings(reports));
  });
});
