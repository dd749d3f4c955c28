import { telemetryTopic } from '@hydro/domain';
import { countArrivals, countDeadLetters, countIn, countReadings, countsByTag } from './support/influx-counts';
import { IngestorProcess } from './support/ingestor-process';
import { MqttPublisher } from './support/mqtt-publisher';
import { type Services, startServices, uniqueName } from './support/services';
import { beidouCopies, cellularReports, distinctReadings, registryStations, type Report } from './support/station-reports';
import { waitFor } from './support/wait-for';

const START = Date.parse('2023-09-21T08:00:00+08:00');

describe('ingestion from a real Mosquitto into a real InfluxDB', () => {
  let services: Services;
  let ingestor: IngestorProcess;
  let publisher: MqttPublisher;
  let database: string;

  beforeAll(async () => {
    services = await startServices();
  });
  afterAll(async () => {
    await services.dispose();
  });

  beforeEach(async () => {
    database = uniqueName('hydro');
    ingestor = await IngestorProcess.start({
      mqttUrl: services.broker.url,
      influxUrl: services.influx.url,
      database,
      env: { MQTT_CLIENT_ID: uniqueName('ing') },
    });
    await waitFor(() => ingestor.ready(), Boolean, 'the ingestor to be ready');
    publisher = await MqttPublisher.connect(services.broker.url, uniqueName('pub'));
  });
  afterEach(async () => {
    await publisher.close();
    await ingestor.dispose();
  });

  it('stores every reading of 300 stations once, with both channels of dual-channel stations recorded', async () => {
    const stations = registryStations().slice(0, 300);
    const cellular = cellularReports(stations, 3, START);
    const beidou = beidouCopies(stations, cellular);
    expect(beidou.length).toBeGreaterThan(0);
    const expected = distinctReadings(cellular);

    await publisher.publishAll([...cellular, ...beidou]);

    await waitFor(() => countArrivals(services.influx, database), (n) => n === cellular.length + beidou.length, 'all arrivals');
    expect(await countReadings(services.influx, database)).toBe(expected);
    expect(await countDeadLetters(services.influx, database)).toBe(0);
    const byChannel = await countsByTag(services.influx, database, 'SELECT count("received_at") FROM "arrival" GROUP BY "channel"', 'channel');
    expect(byChannel).toEqual({ cellular: cellular.length, beidou: beidou.length });
  });

  it('stores a redelivered report once and keeps the observation time, not the arrival time', async () => {
    const station = registryStations().find((s) => s.elements.includes('water_level'))!;
    const observedAt = START - 6 * 3600_000; // six hours late, as a satellite catch-up would be
    const report: Report = {
      topic: telemetryTopic(station.id),
      payload: JSON.stringify({ observedAt, channel: 'cellular', readings: { water_level: station.limits.water_level!.min + 1 } }),
    };
    await publisher.publishAll([report, report, report]);

    await waitFor(() => countArrivals(services.influx, database), (n) => n === 1, 'the arrival');
    const rows = await services.influx.query(`SELECT "value", "quality" FROM "reading" WHERE "station" = '${station.id}'`, database);
    expect(rows.results?.[0]?.series?.[0]?.values).toEqual([[observedAt, station.limits.water_level!.min + 1, 'good']]);
  });

  it('stores a value outside the hard limits as suspect rather than dropping it', async () => {
    const station = registryStations().find((s) => s.elements.includes('water_level'))!;
    const tooHigh = station.limits.water_level!.max + 5;
    await publisher.publishAll([
      { topic: telemetryTopic(station.id), payload: JSON.stringify({ observedAt: START, channel: 'cellular', readings: { water_level: tooHigh } }) },
    ]);
    await waitFor(() => countReadings(services.influx, database), (n) => n === 1, 'the reading');
    const rows = await services.influx.query('SELECT "value", "quality", "qc" FROM "reading"', database);
    const [, value, quality, note] = rows.results?.[0]?.series?.[0]?.values?.[0] ?? [];
    expect([value, quality]).toEqual([tooHigh, 'suspect']);
    expect(note).toContain('above hard limit');
  });

  it('dead-letters 1,000 malformed messages with readable reasons and keeps running', async () => {
    const stations = registryStations();
    const rain = stations.find((s) => s.kind === 'rain' && s.channels.length === 1)!;
    const kinds: Array<(i: number) => Report> = [
      (i) => ({ topic: telemetryTopic(rain.id), payload: `{"observedAt": ${i},` }),
      (i) => ({ topic: telemetryTopic(`7999${String(i).padStart(4, '0')}`), payload: JSON.stringify({ observedAt: START, channel: 'cellular', readings: { rainfall: 1 } }) }),
      (i) => ({ topic: telemetryTopic(rain.id), payload: JSON.stringify({ observedAt: START + i * 60_000, channel: 'cellular', readings: { rainfall: 'lots' } }) }),
      (i) => ({ topic: telemetryTopic(rain.id), payload: JSON.stringify({ observedAt: START + i * 60_000, channel: 'cellular', readings: { salinity: 3 } }) }),
      (i) => ({ topic: telemetryTopic(rain.id), payload: JSON.stringify({ observedAt: Date.now() + 86_400_000 + i, channel: 'cellular', readings: { rainfall: 1 } }) }),
      (i) => ({ topic: telemetryTopic(rain.id), payload: JSON.stringify({ stationId: '70000000', observedAt: START + i, channel: 'cellular', readings: { rainfall: 1 } }) }),
      (i) => ({ topic: telemetryTopic(rain.id), payload: JSON.stringify({ observedAt: START + i, channel: 'satellite', readings: { rainfall: 1 } }) }),
      (i) => ({ topic: telemetryTopic(rain.id), payload: Buffer.from([0xff, 0xfe, i % 256, 0x00]).toString('latin1') }),
    ];
    const garbage = Array.from({ length: 1000 }, (_, i) => kinds[i % kinds.length]!(i));
    const valid = cellularReports([rain], 5, START);

    await publisher.publishAll([...garbage, ...valid]);

    await waitFor(() => countDeadLetters(services.influx, database), (n) => n === 1000, '1,000 dead letters');
    await waitFor(() => countReadings(services.influx, database), (n) => n === distinctReadings(valid), 'the valid readings');
    expect(ingestor.running).toBe(true);
    expect(await ingestor.ready()).toBe(true);
    const byReason = await countsByTag(services.influx, database, 'SELECT count("detail") FROM "dead_letter" GROUP BY "reason"', 'reason');
    expect(byReason).toEqual({
      malformed_json: 250,
      unknown_station: 125,
      invalid_value: 125,
      unknown_element: 125,
      future_timestamp: 125,
      station_mismatch: 125,
      unknown_channel: 125,
    });
    const sample = await services.influx.query(`SELECT "topic", "payload", "detail" FROM "dead_letter" WHERE "reason" = 'invalid_value' LIMIT 1`, database);
    const [, topic, payload, detail] = sample.results?.[0]?.series?.[0]?.values?.[0] ?? [];
    expect(topic).toBe(telemetryTopic(rain.id));
    expect(payload).toContain('"rainfall":"lots"');
    expect(detail).toBe('readings.rainfall: "lots" is not a number');
    expect(await ingestor.metric('hydro_dead_letters_total', '{reason="malformed_json"}')).toBe(250);
  });

  it('reports liveness, readiness and Prometheus metrics', async () => {
    const health = await (await fetch(`${ingestor.url}/health`)).json() as { status: string };
    const ready = await (await fetch(`${ingestor.url}/ready`)).json() as { status: string; info: Record<string, unknown> };
    expect(health.status).toBe('ok');
    expect(ready.status).toBe('ok');
    expect(Object.keys(ready.info).sort()).toEqual(['broker', 'store']);
    await publisher.publishAll(cellularReports(registryStations().slice(0, 10), 1, START));
    await waitFor(() => ingestor.metric('hydro_readings_written_total'), (n) => n > 0, 'written readings in /metrics');
    expect(await ingestor.metric('hydro_messages_received_total')).toBe(10);
    expect(await countIn(services.influx, database, 'SELECT count("received_at") FROM "arrival"')).toBe(10);
  });
});
