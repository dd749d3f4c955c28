import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Station } from '@hydro/domain';
import { InfluxReadingStore, type ReadingStore, SqliteReadingStore } from '@hydro/ingestion';
import { AlertEventStream } from './support/alert-event-stream';
import type { AlertDetailView, AlertView, ReadingSeriesView, StationDetailView, StationListView, StationView } from './support/api-views';
import type { ApiAnswer } from './support/centre-api';
import { ADMIN_TOKEN, CentreUnderTest } from './support/centre-under-test';
import { publishReports, slotAt, timedReport } from './support/live-reports';
import { MqttAlertListener } from './support/mqtt-alert-listener';
import { type ChannelHistory, historyBatch, lastObservedAt, seedStore } from './support/seeded-history';
import { type Services, startServices, uniqueName } from './support/services';
import { pickStations } from './support/station-picks';
import { waitFor } from './support/wait-for';

/**
 * Station health and the equipment alerts it raises, driven as maintainers and stations would: over HTTP
 * and MQTT, on real processes. Going offline takes real time (three missed 5-minute reports are 17 minutes),
 * so the silences are history: the store is seeded with reports received minutes to hours ago before the
 * centre starts, and the centre must rebuild the picture from it. Then live reports, the sweeps every 30 s,
 * and a crash and restart.
 */

const MINUTE = 60_000;

const [silent, lateHourly, heardHourly, dual, fresh, never] = pickStations([
  { intervalMinutes: 5, channels: ['cellular'] },
  { intervalMinutes: 60, channels: ['cellular'] },
  { intervalMinutes: 60, channels: ['cellular'] },
  { intervalMinutes: 5, channels: ['cellular', 'beidou'] },
  { intervalMinutes: 5, channels: ['cellular', 'beidou'] },
  // Last in the registry: swept last, so its transitions come after everyone else's in a sweep.
  { intervalMinutes: 5, channels: ['cellular'] },
]) as [Station, Station, Station, Station, Station, Station];
const STATIONS = [silent, lateHourly, heardHourly, dual, fresh, never];

/** Seeded receipt history relative to `t`: the silences the centre finds when it starts. */
function histories(t: number): Record<'silent' | 'lateHourly' | 'heardHourly' | 'dualCellular' | 'dualBeidou', ChannelHistory> {
  return {
    // 5-minute cellular: late from 7 min, offline from 17 min after the last receipt.
    silent: { station: silent, channel: 'cellular', lastReceivedAt: t - 20 * MINUTE },
    // Hourly cellular: late from 62 min, offline from 182 min.
    lateHourly: { station: lateHourly, channel: 'cellular', lastReceivedAt: t - 90 * MINUTE },
    heardHourly: { station: heardHourly, channel: 'cellular', lastReceivedAt: t - 10 * MINUTE },
    // Cellular dead for an hour, BeiDou (30 min allowance) heard 5 min ago.
    dualCellular: { station: dual, channel: 'cellular', lastReceivedAt: t - 60 * MINUTE },
    dualBeidou: { station: dual, channel: 'beidou', lastReceivedAt: t - 5 * MINUTE },
  };
}

const BACKENDS = [
  { backend: 'the embedded broker and SQLite store', external: false },
  { backend: 'Mosquitto and InfluxDB', external: true },
];

describe.each(BACKENDS)('station health and equipment alerts on $backend', ({ external }) => {
  let services: Services | undefined;
  let centre: CentreUnderTest;
  let seeded: ReturnType<typeof histories>;
  let stream: AlertEventStream;
  let mqttAlerts: MqttAlertListener;
  const token = ADMIN_TOKEN;

  const listStations = (query = 'sort=id'): Promise<StationListView> => centre.api.json<StationListView>('GET', `/api/stations?${query}`, { token });
  const alerts = (query = ''): Promise<AlertView[]> => centre.api.json<AlertView[]>('GET', `/api/alerts${query === '' ? '' : `?${query}`}`, { token });
  const publishNow = (station: Station, channels: Station['channels']): Promise<void> =>
    publishReports(centre.brokerUrl, uniqueName('rtu'), channels.map((channel) => timedReport(station, channel, slotAt(station, Date.now()))));

  beforeAll(async () => {
    let store: ReadingStore;
    if (external) {
      services = await startServices();
      const database = uniqueName('hydro');
      centre = await CentreUnderTest.prepare({ stations: STATIONS, external: { mqttUrl: services.broker.url, influxUrl: services.influx.url, database } });
      store = new InfluxReadingStore({ url: services.influx.url, database });
    } else {
      centre = await CentreUnderTest.prepare({ stations: STATIONS });
      store = new SqliteReadingStore({ file: centre.sqliteFile });
    }
    seeded = histories(Date.now());
    await seedStore(store, historyBatch(Object.values(seeded)));
    await centre.start();
    await centre.settled();
    // From the beginning of the alert log: nothing the first sweep raises can be missed.
    stream = await AlertEventStream.open(centre.api.baseUrl, { token, lastEventId: 0 });
    mqttAlerts = await MqttAlertListener.subscribe(centre.brokerUrl, uniqueName('sms'));
  });

  afterAll(async () => {
    stream?.close();
    await mqttAlerts?.close();
    await centre?.dispose();
    await services?.dispose();
  });

  it('rebuilds every station status from the stored receipt history at start-up', async () => {
    const byId = indexById((await listStations()).stations);

    expect(byId(silent.id)).toMatchObject({
      status: 'offline',
      neverReported: false,
      lastReceivedAt: seeded.silent.lastReceivedAt,
      lastObservedAt: lastObservedAt(seeded.silent),
      since: seeded.silent.lastReceivedAt + 17 * MINUTE,
    });
    expect(byId(lateHourly.id)).toMatchObject({ status: 'late', since: seeded.lateHourly.lastReceivedAt + 62 * MINUTE, lastReceivedAt: seeded.lateHourly.lastReceivedAt });
    expect(byId(lateHourly.id).channels[0]).toMatchObject({ channel: 'cellular', status: 'late', missedReports: 1 });
    expect(byId(heardHourly.id)).toMatchObject({ status: 'online', lastReceivedAt: seeded.heardHourly.lastReceivedAt, degradedChannels: [] });

    // Limping on BeiDou: online as a station, with the dead cellular link shown.
    expect(byId(dual.id)).toMatchObject({ status: 'online', degradedChannels: ['cellular'], lastReceivedAt: seeded.dualBeidou.lastReceivedAt });
    expect(channelOf(byId(dual.id), 'cellular')).toMatchObject({ status: 'offline', since: seeded.dualCellular.lastReceivedAt + 17 * MINUTE, lastReceivedAt: seeded.dualCellular.lastReceivedAt });
    expect(channelOf(byId(dual.id), 'beidou')).toMatchObject({ status: 'online', lastReceivedAt: seeded.dualBeidou.lastReceivedAt });

    for (const id of [fresh.id, never.id]) {
      expect(byId(id)).toMatchObject({ status: 'offline', neverReported: true });
      expect(byId(id).lastReceivedAt).toBeUndefined();
    }
  });

  it.each([
    ['status=offline', () => [silent, fresh, never]],
    ['status=late', () => [lateHourly]],
    ['status=offline,late', () => [silent, lateHourly, fresh, never]],
    ['status=online', () => [heardHourly, dual]],
    ['degraded=true', () => [dual]],
    ['channel=beidou', () => [dual, fresh]],
    ['q=' + encodeURIComponent(heardHourly.name), () => STATIONS.filter((s) => s.name.includes(heardHourly.name))],
    ['district=' + silent.district, () => STATIONS.filter((s) => s.district === silent.district)],
  ])('filters the station list by %s', async (query, expected) => {
    const listed = await listStations(`${query}&sort=id`);
    const ids = expected().map((s) => s.id).sort();
    expect(listed.stations.map((s) => s.id)).toEqual(ids);
    expect(listed.count).toBe(ids.length);
  });

  it('sorts offline stations first, the longest silent first, then late, then online', async () => {
    const listed = (await listStations('sort=status')).stations;
    const rank = { offline: 0, late: 1, maintenance: 2, online: 3 } as const;
    expect(listed.map((s) => rank[s.status])).toEqual(listed.map((s) => rank[s.status]).sort((a, b) => a - b));
    const offline = listed.filter((s) => s.status === 'offline');
    // Never heard from is silent the longest of all.
    expect(offline.map((s) => s.id)).toEqual([...[fresh.id, never.id].sort(), silent.id]);
  });

  it.each([
    ['status=broken', 'status'],
    ['degraded=maybe', 'degraded'],
    ['sort=name', 'sort'],
  ])('refuses the list query %s with a 400 naming the parameter', async (query, parameter) => {
    const answer = await centre.api.get(`/api/stations?${query}`, { token });
    expect(answer.status).toBe(400);
    expect(messageOf(answer)).toContain(parameter);
  });

  it('serves the stored readings of a station, raw and per hour', async () => {
    const last = lastObservedAt(seeded.heardHourly);
    const from = new Date(last - 6 * 60 * MINUTE).toISOString();
    const to = new Date(last + 1).toISOString();
    const path = `/api/stations/${heardHourly.id}/readings?element=battery_voltage&from=${from}&to=${to}`;

    const raw = await centre.api.json<ReadingSeriesView>('GET', path, { token });
    expect(raw.points.map((p) => p.time)).toEqual([5, 4, 3, 2, 1, 0].map((i) => last - i * 60 * MINUTE));
    expect(raw.points.every((p) => p.value === 12.6 && p.quality === 'good')).toBe(true);

    const hourly = await centre.api.json<ReadingSeriesView>('GET', `${path}&every=1h`, { token });
    expect(hourly.every).toBe(60 * MINUTE);
    expect(hourly.points.map((p) => p.count)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it.each([
    ['an element the station does not measure', `/api/stations/${lateHourly.id}/readings?element=flow&from=2023-09-21&to=2023-09-21`, 400, 'measures'],
    ['a station not in the registry', '/api/stations/79999999/readings?element=rainfall&from=2023-09-21&to=2023-09-21', 404, '79999999'],
    ['a time without an offset', `/api/stations/${lateHourly.id}/readings?element=rainfall&from=2023-09-21T08:00:00&to=2023-09-22`, 400, 'from'],
  ])('refuses readings for %s', async (_what, path, status, mentioned) => {
    const answer = await centre.api.get(path, { token });
    expect(answer.status).toBe(status);
    expect(messageOf(answer)).toContain(mentioned);
  });

  it('lists a station as online, on both channels, as soon as its current reports arrive', async () => {
    const before = Date.now();
    await publishNow(fresh, ['cellular', 'beidou']);
    const listed = await waitFor(async () => indexById((await listStations()).stations)(fresh.id), (s) => s.status === 'online', 'the reporting station to list as online');
    expect(listed).toMatchObject({ neverReported: false, degradedChannels: [], lastObservedAt: slotAt(fresh, before) });
    expect(listed.channels.map((c) => c.status)).toEqual(['online', 'online']);
    // Receipt time is the centre's clock when the report came in, not the observation time.
    expect(listed.lastReceivedAt).toBeGreaterThanOrEqual(before);
    expect(listed.lastReceivedAt).toBeLessThanOrEqual(Date.now());
  });

  it('raises station_offline and channel_down on the first sweep, over the API, the event stream and MQTT', async () => {
    const raised = await waitFor(
      () => alerts('audience=equipment'),
      (list) => ['station_offline', 'channel_down'].every((kind) => list.some((a) => a.kind === kind)),
      'the first sweep to raise equipment alerts',
    );
    const offlineSilent = only(raised, 'station_offline', silent.id);
    const cellularDown = only(raised, 'channel_down', `${dual.id}:cellular`);
    expect(offlineSilent).toMatchObject({ state: 'active', acknowledged: false, severity: 'yellow', stationIds: [silent.id], district: silent.district, basin: silent.basin });
    // A station the store has never heard from first gets its reporting time since this start (three missed reports).
    expect(raised.filter((a) => a.stationIds.includes(never.id))).toEqual([]);
    expect(cellularDown).toMatchObject({ state: 'active', severity: 'blue', stationIds: [dual.id] });
    // Late is not offline, and a station that reports raises nothing.
    expect(raised.filter((a) => [lateHourly.id, heardHourly.id].some((id) => a.stationIds.includes(id)))).toEqual([]);
    expect(await alerts('audience=flood')).toEqual([]);

    const detail = await centre.api.json<StationDetailView>('GET', `/api/stations/${silent.id}`, { token });
    expect(detail.health.status).toBe('offline');
    expect(detail.openAlerts.map((a) => a.id)).toEqual([offlineSilent.id]);

    const ids = [offlineSilent.id, cellularDown.id];
    const streamed = await waitFor(
      async () => stream.received.filter((e) => ids.includes(e.event.alertId)),
      (events) => events.length >= 2,
      'the raised alerts on the event stream',
    );
    expect(streamed.map((e) => e.type)).toEqual(['raised', 'raised']);
    expect(new Set(streamed.map((e) => e.event.alertId))).toEqual(new Set(ids));

    const published = await waitFor(
      async () => mqttAlerts.received.filter((m) => ids.includes(m.body.alertId)),
      (messages) => messages.length >= 2,
      'the raised alerts on MQTT',
    );
    expect(published.map((m) => m.topic).sort()).toEqual(
      [
        `hydro/v1/alerts/yellow/station_offline/${silent.id}`,
        `hydro/v1/alerts/blue/channel_down/${dual.id}:cellular`,
      ].sort(),
    );
    // The same transition carries the same position in the alert log on both outlets.
    for (const message of published) {
      expect(streamed.find((e) => e.event.alertId === message.body.alertId)?.id).toBe(message.body.seq);
    }
  });

  it('brings an offline station back with a fresh report, and resolves its alert on the next sweep', async () => {
    const alertId = only(await alerts(), 'station_offline', silent.id).id;
    await publishNow(silent, ['cellular']);
    await waitFor(async () => indexById((await listStations()).stations)(silent.id).status, (s) => s === 'online', 'the station to list as online');

    const history = await waitFor(
      () => centre.api.json<AlertDetailView>('GET', `/api/alerts/${alertId}`, { token }),
      (h) => h.alert.state === 'resolved',
      'the offline alert to resolve',
    );
    expect(history.events.map((e) => e.type)).toEqual(['raised', 'resolved']);
    // Resolved but never looked at: still listed for the duty desk.
    expect(only(await alerts(), 'station_offline', silent.id)).toMatchObject({ id: alertId, state: 'resolved', acknowledged: false });

    await waitFor(async () => stream.received.some((e) => e.type === 'resolved' && e.event.alertId === alertId), Boolean, 'the resolution on the event stream');
    await waitFor(
      async () => mqttAlerts.received.some((m) => m.body.type === 'resolved' && m.body.alertId === alertId && m.topic === `hydro/v1/alerts/yellow/station_offline/${silent.id}`),
      Boolean,
      'the resolution on MQTT',
    );
    // The station that reported right after start has no open offline alert (it may have had one for a sweep).
    expect((await alerts('state=active,acknowledged')).filter((a) => a.stationIds.includes(fresh.id))).toEqual([]);
  });

  describe('after the centre is killed (SIGKILL) and started again', () => {
    let before: { stations: readonly StationView[]; alerts: AlertView[]; lastSeen: number; mqttSeen: number };
    let firstAnswer: ApiAnswer;
    let resumed: AlertEventStream;

    beforeAll(async () => {
      before = { stations: (await listStations()).stations, alerts: await alerts(), lastSeen: stream.lastId ?? 0, mqttSeen: mqttAlerts.received.length };
      stream.close();
      await centre.kill();
      await centre.restart();
      firstAnswer = await centre.api.get('/api/stations?sort=id', { token });
      await centre.settled();
      resumed = await AlertEventStream.open(centre.api.baseUrl, { token, lastEventId: before.lastSeen });
    });

    afterAll(() => {
      resumed?.close();
    });

    it('answers its first station list from the stored history, neither all offline nor all online', () => {
      expect(firstAnswer.status).toBe(200);
      expect(statusesOf((firstAnswer.json as StationListView).stations)).toEqual(statusesOf(before.stations));
    });

    it('keeps every station status and last receipt across the crash', async () => {
      const after = (await listStations()).stations;
      expect(statusesOf(after)).toEqual(statusesOf(before.stations));
      expect(statusesOf(after)).toEqual({
        [silent.id]: 'online',
        [lateHourly.id]: 'late',
        [heardHourly.id]: 'online',
        [dual.id]: 'online',
        [fresh.id]: 'online',
        [never.id]: 'offline',
      });
      expect(after.map((s) => s.lastReceivedAt)).toEqual(before.stations.map((s) => s.lastReceivedAt));
      expect(indexById(after)(dual.id).degradedChannels).toEqual(['cellular']);
    });

    it('keeps the same alerts under the same ids, raises none again, and a resuming stream repeats nothing', async () => {
      const returningAlert = only(before.alerts, 'channel_down', `${dual.id}:cellular`);
      await publishNow(dual, ['cellular']);
      // The sweep that resolves the returning channel has handed over every other condition.
      await waitFor(async () => resumed.received.some((e) => e.type === 'resolved' && e.event.alertId === returningAlert.id), Boolean, 'the returning channel to resolve its alert');

      const after = await alerts();
      expect(after.map((a) => a.id).sort()).toEqual(before.alerts.map((a) => a.id).sort());
      const keys = after.map((a) => `${a.ruleId} ${a.subjectId}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const alert of after.filter((a) => a.id !== returningAlert.id)) {
        expect({ id: alert.id, state: alert.state, version: alert.version }).toEqual({
          id: alert.id,
          state: before.alerts.find((a) => a.id === alert.id)?.state,
          version: before.alerts.find((a) => a.id === alert.id)?.version,
        });
      }

      const ids = resumed.received.map((e) => e.id);
      expect(ids.every((id) => id > before.lastSeen)).toBe(true);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(ids.length);
      expect(resumed.received.filter((e) => e.type === 'raised')).toEqual([]);

      await waitFor(async () => mqttAlerts.received.slice(before.mqttSeen).some((m) => m.body.alertId === returningAlert.id && m.body.type === 'resolved'), Boolean, 'the resolution on MQTT after the restart');
      expect(mqttAlerts.received.slice(before.mqttSeen).filter((m) => m.body.type === 'raised')).toEqual([]);
    });
  });
});

function indexById(stations: readonly StationView[]): (id: string) => StationView {
  return (id) => {
    const station = stations.find((s) => s.id === id);
    if (station === undefined) throw new Error(`station ${id} is not in the list`);
    return station;
  };
}

function channelOf(station: StationView, channel: string): StationView['channels'][number] | undefined {
  return station.channels.find((c) => c.channel === channel);
}

function statusesOf(stations: readonly StationView[]): Record<string, string> {
  return Object.fromEntries(stations.map((s) => [s.id, s.status]));
}

/** The one alert of a kind for a subject; more than one is itself a failure (a duplicate). */
function only(alerts: readonly AlertView[], kind: string, subjectId: string): AlertView {
  const matching = alerts.filter((a) => a.kind === kind && a.subjectId === subjectId);
  if (matching.length !== 1) throw new Error(`expected one ${kind} alert for ${subjectId}, found ${matching.length}: ${JSON.stringify(matching)}`);
  return matching[0]!;
}

function messageOf(answer: ApiAnswer): string {
  const message = (answer.json as { message?: unknown } | undefined)?.message;
  return Array.isArray(message) ? message.join('; ') : String(message);
}
