import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Role, Station } from '@hydro/domain';
import { SqliteReadingStore } from '@hydro/ingestion';
import { AlertEventStream } from './support/alert-event-stream';
import type { AlertDetailView, AlertView, AuditEntryView, IssuedTokenView, StationListView } from './support/api-views';
import type { ApiAnswer } from './support/centre-api';
import { ADMIN_TOKEN, CentreUnderTest } from './support/centre-under-test';
import { issueToken } from './support/issue-token';
import { publishReports, slotAt, timedReport } from './support/live-reports';
import { MqttAlertListener } from './support/mqtt-alert-listener';
import { historyBatch, seedStore } from './support/seeded-history';
import { uniqueName } from './support/services';
import { pickStations } from './support/station-picks';
import { waitFor } from './support/wait-for';

/**
 * Equipment alerts as station maintainers meet them: a weak battery and a drifting RTU clock found by the
 * health sweeps, and acknowledging them, which only maintainers (and administrators) may do.
 */

const MINUTE = 60_000;

const [weak, drifting, gone] = pickStations([
  // Heard 10 minutes ago with 11.2 V: reporting, but below the 11.5 V a 12 V system needs.
  { intervalMinutes: 60, channels: ['cellular'] },
  // Its reports arrive now, observed 20 to 30 minutes earlier: a clock behind, or a backlog.
  { intervalMinutes: 5, channels: ['cellular'] },
  // Last heard 20 minutes ago: offline (one never heard from is first given time to report).
  { intervalMinutes: 5, channels: ['cellular'] },
]) as [Station, Station, Station];

describe('equipment alerts for maintainers', () => {
  let centre: CentreUnderTest;
  let stream: AlertEventStream;
  let mqttAlerts: MqttAlertListener;
  const tokens: Partial<Record<Role, IssuedTokenView>> = {};
  const secret = (role: Role): string => tokens[role]?.token ?? 'no token issued';
  const alerts = (query = ''): Promise<AlertView[]> => centre.api.json<AlertView[]>('GET', `/api/alerts?${query}`, { token: ADMIN_TOKEN });
  const alertOf = async (kind: string, subjectId: string): Promise<AlertView> =>
    waitFor(async () => (await alerts()).find((a) => a.kind === kind && a.subjectId === subjectId), (a) => a !== undefined, `a ${kind} alert for ${subjectId}`) as Promise<AlertView>;

  beforeAll(async () => {
    centre = await CentreUnderTest.prepare({ stations: [weak, drifting, gone] });
    await seedStore(
      new SqliteReadingStore({ file: centre.sqliteFile }),
      historyBatch([
        { station: weak, channel: 'cellular', lastReceivedAt: Date.now() - 10 * MINUTE, batteryVolts: 11.2 },
        { station: gone, channel: 'cellular', lastReceivedAt: Date.now() - 20 * MINUTE },
      ]),
    );
    await centre.start();
    await centre.settled();
    stream = await AlertEventStream.open(centre.api.baseUrl, { token: ADMIN_TOKEN, lastEventId: 0 });
    mqttAlerts = await MqttAlertListener.subscribe(centre.brokerUrl, uniqueName('sms'));
    for (const role of ['maintainer', 'forecaster', 'dispatcher'] as const) tokens[role] = await issueToken(centre.api, `${role} 1`, role);
    const slot = slotAt(drifting, Date.now());
    await publishReports(
      centre.brokerUrl,
      uniqueName('rtu'),
      [30, 25, 20].map((minutesBehind) => timedReport(drifting, 'cellular', slot - minutesBehind * MINUTE)),
    );
  });

  afterAll(async () => {
    stream?.close();
    await mqttAlerts?.close();
    await centre?.dispose();
  });

  it('raises battery_low for a reporting station whose battery reads under 11.5 V, and shows the voltage in the list', async () => {
    const alert = await alertOf('battery_low', weak.id);
    expect(alert).toMatchObject({ state: 'active', severity: 'yellow', stationIds: [weak.id], details: { latestVolts: 11.2, low: true } });
    const listed = (await centre.api.json<StationListView>('GET', `/api/stations?q=${weak.id}`, { token: ADMIN_TOKEN })).stations;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ status: 'online', batteryVolts: 11.2 });
    expect(listed[0]!.findings).toContain('battery_low');
    expect((await alerts()).filter((a) => a.kind === 'station_offline' && a.subjectId === weak.id)).toEqual([]);
  });

  it('raises clock_drift for a station whose reports arrive 20 minutes after their observation time, yet lists it online', async () => {
    const alert = await alertOf('clock_drift', drifting.id);
    expect(alert).toMatchObject({ state: 'active', severity: 'blue', stationIds: [drifting.id] });
    const listed = (await centre.api.json<StationListView>('GET', `/api/stations?q=${drifting.id}`, { token: ADMIN_TOKEN })).stations;
    expect(listed[0]).toMatchObject({ status: 'online' });
    expect(listed[0]!.findings).toContain('clock_drift');
  });

  it.each([
    ['kind=battery_low', () => [`battery_low ${weak.id}`]],
    ['kind=clock_drift,battery_low', () => [`battery_low ${weak.id}`, `clock_drift ${drifting.id}`]],
    ['severity=blue', () => [`clock_drift ${drifting.id}`]],
    ['audience=equipment&kind=station_offline', () => [`station_offline ${gone.id}`]],
    ['audience=flood', () => []],
  ])('lists only the alerts that match %s', async (query, expected) => {
    await alertOf('station_offline', gone.id);
    await alertOf('clock_drift', drifting.id);
    const listed = await alerts(query);
    expect(listed.map((a) => `${a.kind} ${a.subjectId}`).sort()).toEqual(expected().sort());
  });

  it.each([
    ['kind=landslide', 'kind'],
    ['severity=purple', 'severity'],
    ['audience=public', 'audience'],
    ['from=yesterday', 'from'],
  ])('refuses the alert filter %s with a 400 naming the parameter', async (query, parameter) => {
    const answer = await centre.api.get(`/api/alerts?${query}`, { token: ADMIN_TOKEN });
    expect(answer.status).toBe(400);
    expect(messageOf(answer)).toContain(parameter);
  });

  it('streams only the kinds a client asks for', async () => {
    const batteryOnly = await AlertEventStream.open(centre.api.baseUrl, { token: secret('maintainer'), lastEventId: 0, query: 'kind=battery_low' });
    try {
      await alertOf('station_offline', gone.id);
      await waitFor(async () => batteryOnly.received.length, (n) => n > 0, 'the battery alert on the filtered stream');
      expect(new Set(batteryOnly.received.map((e) => e.event.kind))).toEqual(new Set(['battery_low']));
      expect(stream.received.some((e) => e.event.kind === 'station_offline')).toBe(true);
    } finally {
      batteryOnly.close();
    }
  });

  it.each([
    ['forecaster', 'forecaster 1'],
    ['dispatcher', 'dispatcher 1'],
  ] as const)('refuses to let a %s acknowledge an equipment alert, naming the roles that may', async (role, name) => {
    const alert = await alertOf('station_offline', gone.id);
    const answer = await centre.api.post(`/api/alerts/${alert.id}/ack`, { token: secret(role), body: { note: 'seen' } });
    expect(answer.status).toBe(403);
    expect(messageOf(answer)).toContain('maintainer or admin');
    expect(messageOf(answer)).toContain(`"${name}" has the role ${role}`);
    expect((await alertOf('station_offline', gone.id)).acknowledged).toBe(false);
  });

  it('lets a maintainer acknowledge an equipment alert with a note, once, and tells every outlet', async () => {
    const alert = await alertOf('station_offline', gone.id);
    const note = 'trip planned for tomorrow: SIM card suspected';
    const answer = await centre.api.post(`/api/alerts/${alert.id}/ack`, { token: secret('maintainer'), body: { note } });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ id: alert.id, state: 'acknowledged', acknowledged: true, acknowledgedBy: 'maintainer 1', ackNote: note });

    const again = await centre.api.post(`/api/alerts/${alert.id}/ack`, { token: secret('maintainer'), body: {} });
    expect(again.status).toBe(409);

    const detail = await centre.api.json<AlertDetailView>('GET', `/api/alerts/${alert.id}`, { token: secret('dispatcher') });
    expect(detail.events.map((e) => [e.type, e.actor, e.note])).toEqual([
      ['raised', undefined, undefined],
      ['acknowledged', 'maintainer 1', note],
    ]);
    await waitFor(async () => stream.received.find((e) => e.type === 'acknowledged' && e.event.alertId === alert.id), (e) => e?.event.actor === 'maintainer 1', 'the acknowledgement on the event stream');
    await waitFor(
      async () => mqttAlerts.received.find((m) => m.body.type === 'acknowledged' && m.body.alertId === alert.id),
      (m) => m?.topic === `hydro/v1/alerts/yellow/station_offline/${gone.id}`,
      'the acknowledgement on MQTT',
    );

    const audit = await centre.api.json<AuditEntryView[]>('GET', '/api/audit', { token: ADMIN_TOKEN });
    expect(audit.filter((e) => e.action === 'alert.acknowledge').map((e) => [e.actor.name, e.target, e.detail?.['note']])).toEqual([['maintainer 1', alert.id, note]]);
  });

  it.each([
    ['an alert id that was never raised', 404, '/api/alerts/20230921T000000Z-0000000000000000/ack'],
    ['an unknown field in the body', 400, null],
  ])('answers acknowledging with %s with %d', async (_what, status, path) => {
    const target = path ?? `/api/alerts/${(await alertOf('battery_low', weak.id)).id}/ack`;
    const answer = await centre.api.post(target, { token: secret('maintainer'), body: path === null ? { note: 'x', priority: 'high' } : { note: 'x' } });
    expect(answer.status).toBe(status);
  });

  it('answers the detail of an alert id that was never raised with 404', async () => {
    const answer = await centre.api.get('/api/alerts/20230921T000000Z-0000000000000000', { token: ADMIN_TOKEN });
    expect(answer.status).toBe(404);
  });
});

function messageOf(answer: ApiAnswer): string {
  const message = (answer.json as { message?: unknown } | undefined)?.message;
  return Array.isArray(message) ? message.join('; ') : String(message);
}
