import { countArrivals, countReadings } from './support/influx-counts';
import { IngestorProcess } from './support/ingestor-process';
import { MqttPublisher } from './support/mqtt-publisher';
import { type Services, startServices, uniqueName } from './support/services';
import { cellularReports, distinctReadings, registryStations } from './support/station-reports';
import { waitFor } from './support/wait-for';

describe('ingestor replicas in one MQTT 5 shared-subscription group', () => {
  let services: Services;
  let replicas: IngestorProcess[] = [];

  beforeAll(async () => {
    services = await startServices();
  });
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.dispose()));
    await services.dispose();
  });

  it('split the stream between them and store every reading once', async () => {
    const database = uniqueName('hydro');
    const group = uniqueName('group');
    replicas = await Promise.all(
      ['a', 'b'].map((name) =>
        IngestorProcess.start({
          mqttUrl: services.broker.url,
          influxUrl: services.influx.url,
          database,
          env: { MQTT_SHARED_GROUP: group, MQTT_CONNECTIONS: '2', MQTT_CLIENT_ID: uniqueName(`replica-${name}`) },
        }),
      ),
    );
    for (const replica of replicas) await waitFor(() => replica.ready(), Boolean, 'a replica to be ready');
    const reports = cellularReports(registryStations().slice(0, 300), 4, Date.parse('2023-09-21T08:00:00+08:00'));
    const publisher = await MqttPublisher.connect(services.broker.url, uniqueName('pub'));
    await publisher.publishAll(reports);
    await publisher.close();

    await waitFor(() => countReadings(services.influx, database), (n) => n === distinctReadings(reports), 'every reading in InfluxDB');
    expect(await countArrivals(services.influx, database)).toBe(reports.length);
    const taken = await Promise.all(replicas.map((r) => r.metric('hydro_messages_received_total')));
    expect(taken.every((n) => n > 0)).toBe(true);
    expect(taken[0]! + taken[1]!).toBe(reports.length);
  });
});
