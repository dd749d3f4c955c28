import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AlertEventStream, type StreamedAlert } from './support/alert-event-stream';
import type { AlertDetailView, AlertView, AuditEntryView, IssuedTokenView } from './support/api-views';
import { ADMIN_TOKEN, CentreUnderTest } from './support/centre-under-test';
import { levelAt, writeFloodRules } from './support/flood-rule-files';
import { issueToken } from './support/issue-token';
import { publishReports, slotAt } from './support/live-reports';
import { MqttAlertListener } from './support/mqtt-alert-listener';
import { type Services, startServices, uniqueName } from './support/services';
import {
  calmRain,
  canaryRiver,
  onlyOfRule,
  report,
  SLOT,
  STORM_RULES,
  STORM_STATIONS,
  stormRain,
  stormReports,
  stormRiver,
  stormSlotsBefore,
  SUSPECT_VILLAGE,
  suspectRain,
  suspectRiver,
  VILLAGE,
} from './support/storm-scenario';
import { waitFor } from './support/wait-for';

/**
 * Flood alerts as the duty desk meets them: a short storm over a mountain village and a river gauge,
 * published over MQTT with current observation times, raising and escalating alerts on every outlet; a
 * forecaster acknowledging one; a crash that must neither lose nor repeat them; and suspect readings,
 * which are stored but never judged. Once on the centre's embedded broker and store, once on real
 * Mosquitto and InfluxDB.
 */

const BACKENDS = [
  { backend: 'the embedded broker and SQLite store', external: false },
  { backend: 'Mosquitto and InfluxDB', external: true },
];

describe.each(BACKENDS)('flood alerts from a storm, on $backend', ({ external }) => {
  let services: Services | undefined;
  let centre: CentreUnderTest;
  let stream: AlertEventStream;
  let mqttAlerts: MqttAlertListener;
  let forecaster: IssuedTokenView;
  /** The storm's observation times: the last six slots before the start, oldest first. */
  let stormSlots: number[];
  const floodAlerts = (headers: Record<string, string> = {}): Promise<AlertView[]> =>
    centre.api.json<AlertView[]>('GET', '/api/alerts?audience=flood', { token: ADMIN_TOKEN, headers });
  const streamedFor = (received: readonly StreamedAlert[], alertId: string): StreamedAlert[] => received.filter((e) => e.event.alertId === alertId);

  beforeAll(async () => {
    if (external) {
      services = await startServices();
      const database = uniqueName('hydro');
      centre = await CentreUnderTest.prepare({ stations: STORM_STATIONS, external: { mqttUrl: services.broker.url, influxUrl: services.influx.url, database } });
    } else {
      centre = await CentreUnderTest.prepare({ stations: STORM_STATIONS });
    }
    writeFloodRules(centre.rulesDir, STORM_RULES);
    await centre.start();
    await centre.settled();
    await waitFor(async () => centre.loggedSince('flood rule windows rebuilt'), Boolean, 'the flood rules to rebuild their windows');
    forecaster = await issueToken(centre.api, 'forecaster 1', 'forecaster');
    stream = await AlertEventStream.open(centre.api.baseUrl, { token: ADMIN_TOKEN, lastEventId: 0, query: 'audience=flood' });
    mqttAlerts = await MqttAlertListener.subscribe(centre.brokerUrl, uniqueName('sms'));

    stormSlots = stormSlotsBefore(Date.now());
    await publishReports(centre.brokerUrl, uniqueName('rtu'), stormReports(stormSlots));
  });

  afterAll(async () => {
    stream?.close();
    await mqttAlerts?.close();
    await centre?.dispose();
    await services?.dispose();
  });

  it('raises one mountain-torrent and one water-level alert exactly at their thresholds, and escalates them, listed for the flood audience', async () => {
    const alerts = await waitFor(
      () => floodAlerts(),
      (list) => list.some((a) => a.ruleId === 'mt-storm' && a.severity === 'red') && list.some((a) => a.ruleId === 'wl-storm' && a.severity === 'orange'),
      'the storm to raise and escalate both flood alerts',
    );
    expect(alerts.map((a) => a.ruleId).sort()).toEqual(['mt-storm', 'wl-storm']);
    expect(onlyOfRule(alerts, 'mt-storm')).toMatchObject({
      kind: 'mountain_torrent',
      subjectId: VILLAGE.id,
      stationIds: [stormRain.id, calmRain.id],
      district: stormRain.district,
      state: 'active',
      acknowledged: false,
      severity: 'red',
      peakSeverity: 'red',
      raisedObservedAt: stormSlots[3],
      lastObservedAt: stormSlots[5],
      // The BeiDou copies counted once: 50 mm, not twice that.
      details: { level: 'evacuate', windowHours: 1, rainfall: 50, threshold: 50, gaugeId: stormRain.id },
    });
    expect(onlyOfRule(alerts, 'wl-storm')).toMatchObject({
      kind: 'water_level',
      subjectId: stormRiver.id,
      stationIds: [stormRiver.id],
      state: 'active',
      severity: 'orange',
      peakSeverity: 'orange',
      raisedObservedAt: stormSlots[2],
      details: { value: levelAt(stormRiver, 0.7), level: levelAt(stormRiver, 0.7), thresholdCode: 'guaranteed' },
    });
    // Most severe first.
    expect(alerts.map((a) => a.severity)).toEqual(['red', 'orange']);
  });

  it.each([
    // [type, severity, crossing, index of the storm slot observed]
    ['mt-storm', [['raised', 'orange', 'prepare', 3], ['escalated', 'red', 'evacuate', 4]]],
    ['wl-storm', [['raised', 'yellow', 'warning', 2], ['escalated', 'orange', 'guaranteed', 4]]],
  ] as const)('streams %s as raised then escalated, at the observation time of each crossing', async (ruleId, expected) => {
    const alert = onlyOfRule(await floodAlerts(), ruleId);
    const events = await waitFor(async () => streamedFor(stream.received, alert.id), (e) => e.length >= 2, `the transitions of ${ruleId} on the stream`);
    const crossing = ruleId === 'mt-storm' ? 'level' : 'thresholdCode';
    expect(events.map((e) => [e.type, e.event.severity, e.event.details[crossing], e.event.observedAt])).toEqual(expected.map(([type, severity, code, slot]) => [type, severity, code, stormSlots[slot]]));
    expect(events[1]?.event.previousSeverity).toBe(expected[0][1]);
    const ids = events.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it.each([
    ['mt-storm', 'mountain_torrent', VILLAGE.id, ['orange', 'red']],
    ['wl-storm', 'water_level', stormRiver.id, ['yellow', 'orange']],
  ] as const)('publishes %s on the MQTT topic of each new severity, with the stream position as seq', async (ruleId, kind, subjectId, severities) => {
    const alert = onlyOfRule(await floodAlerts(), ruleId);
    const published = await waitFor(async () => mqttAlerts.received.filter((m) => m.body.alertId === alert.id), (m) => m.length >= 2, `the transitions of ${ruleId} on MQTT`);
    expect(published.map((m) => [m.topic, m.body.type])).toEqual([
      [`hydro/v1/alerts/${severities[0]}/${kind}/${subjectId}`, 'raised'],
      [`hydro/v1/alerts/${severities[1]}/${kind}/${subjectId}`, 'escalated'],
    ]);
    const streamed = streamedFor(stream.received, alert.id);
    expect(published.map((m) => m.body.seq)).toEqual(streamed.map((e) => e.id));
  });

  it.each([
    ['Chinese by default', {}, ['立即转移', '1小时雨量 50 mm', '立即转移阈值 50 mm']],
    ['English when Accept-Language asks for it', { 'accept-language': 'en' }, ['evacuate now', '50 mm of rain in 1 h', 'above the 50 mm evacuate-now threshold']],
  ])('words the village warning in %s, naming the village, the window and the threshold', async (_language, headers, phrases) => {
    const alert = onlyOfRule(await floodAlerts(headers), 'mt-storm') as AlertView & { message: { title: string; body: string } };
    expect(alert.message.title).toContain(VILLAGE.name);
    const text = `${alert.message.title} ${alert.message.body}`;
    for (const phrase of phrases) expect(text).toContain(phrase);
  });

  it('lets a forecaster acknowledge the village warning with a note, on the stream and in the audit log', async () => {
    const alert = onlyOfRule(await floodAlerts(), 'mt-storm');
    const note = 'town office called: 12 people moving to the school';
    const answer = await centre.api.post(`/api/alerts/${alert.id}/ack`, { token: forecaster.token, body: { note } });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ id: alert.id, state: 'acknowledged', acknowledged: true, acknowledgedBy: 'forecaster 1', ackNote: note, severity: 'red', version: alert.version + 1 });

    const acked = await waitFor(async () => stream.received.find((e) => e.type === 'acknowledged' && e.event.alertId === alert.id), (e) => e !== undefined, 'the acknowledgement on the stream');
    expect(acked?.event).toMatchObject({ actor: 'forecaster 1', note, state: 'acknowledged', severity: 'red' });
    const detail = await centre.api.json<AlertDetailView>('GET', `/api/alerts/${alert.id}`, { token: ADMIN_TOKEN });
    expect(detail.events.map((e) => e.type)).toEqual(['raised', 'escalated', 'acknowledged']);

    const audit = await centre.api.json<AuditEntryView[]>('GET', '/api/audit', { token: ADMIN_TOKEN });
    expect(audit.filter((e) => e.action === 'alert.acknowledge').map((e) => [e.actor.name, e.actor.role, e.target, e.detail?.['note']])).toEqual([['forecaster 1', 'forecaster', alert.id, note]]);
    // The river alert is nobody's yet.
    expect(onlyOfRule(await floodAlerts(), 'wl-storm')).toMatchObject({ state: 'active', acknowledged: false });
  });

  describe('after the centre is killed (SIGKILL) and started again', () => {
    let before: { alerts: AlertView[]; lastSeen: number; mqttSeen: number };
    let resumed: AlertEventStream;

    beforeAll(async () => {
      // The acknowledgement is the last transition before the crash.
      await waitFor(async () => stream.received.some((e) => e.type === 'acknowledged'), Boolean, 'the acknowledgement on the stream');
      before = { alerts: await floodAlerts(), lastSeen: stream.lastId ?? 0, mqttSeen: mqttAlerts.received.length };
      stream.close();
      await centre.kill();
      await centre.restart();
      await centre.settled();
      await waitFor(async () => centre.loggedSince('flood rule windows rebuilt'), Boolean, 'the flood rules to rebuild their windows');
      resumed = await AlertEventStream.open(centre.api.baseUrl, { token: ADMIN_TOKEN, lastEventId: before.lastSeen, query: 'audience=flood' });
    });

    afterAll(() => {
      resumed?.close();
    });

    it('holds the same open alerts, with the same ids, states and versions, and no duplicates', async () => {
      const after = await floodAlerts();
      const summary = (alerts: readonly AlertView[]): unknown[] =>
        alerts.map((a) => ({ id: a.id, ruleId: a.ruleId, state: a.state, acknowledged: a.acknowledged, severity: a.severity, version: a.version }));
      expect(summary(after)).toEqual(summary(before.alerts));
      expect(before.alerts.map((a) => a.state).sort()).toEqual(['acknowledged', 'active']);
      const detail = await centre.api.json<AlertDetailView>('GET', `/api/alerts/${onlyOfRule(after, 'mt-storm').id}`, { token: ADMIN_TOKEN });
      expect(detail.events.map((e) => [e.type, e.severity])).toEqual([['raised', 'orange'], ['escalated', 'red'], ['acknowledged', 'red']]);
    });

    it('neither raises nor re-notifies them again: a resuming stream and MQTT carry nothing for them', async () => {
      // A gauge nobody has asked about yet: its crossing observed 15 minutes ago raises a new alert, the next rule
      // tick finds it silent (stale), and a later report makes it fresh. Everything the restart would have
      // triggered for the old alerts, on a reading or on a tick, comes before that.
      const last = slotAt(canaryRiver, Date.now());
      const canaryReport = (at: number): Promise<void> =>
        publishReports(centre.brokerUrl, uniqueName('rtu'), [report(canaryRiver, 'cellular', at, { water_level: levelAt(canaryRiver, 0.6) })]);
      await canaryReport(last - 3 * SLOT);
      await waitFor(async () => resumed.received.some((e) => e.type === 'stale' && e.event.ruleId === 'wl-canary'), Boolean, 'a rule tick to find the canary gauge silent');
      await canaryReport(last - 2 * SLOT);
      await waitFor(async () => resumed.received.some((e) => e.type === 'fresh' && e.event.ruleId === 'wl-canary'), Boolean, 'the canary gauge to report again');

      const oldIds = new Set(before.alerts.map((a) => a.id));
      expect(resumed.received.filter((e) => oldIds.has(e.event.alertId))).toEqual([]);
      const types = resumed.received.filter((e) => e.event.ruleId === 'wl-canary').map((e) => e.type);
      expect(types.slice(0, 3)).toEqual(['raised', 'stale', 'fresh']);
      expect(resumed.received.every((e) => e.id > before.lastSeen)).toBe(true);

      const canaryAlertId = resumed.received.find((e) => e.event.ruleId === 'wl-canary')?.event.alertId;
      await waitFor(async () => mqttAlerts.received.slice(before.mqttSeen).some((m) => m.body.alertId === canaryAlertId && m.body.type === 'fresh'), Boolean, 'the canary on MQTT');
      expect(mqttAlerts.received.slice(before.mqttSeen).filter((m) => oldIds.has(m.body.alertId))).toEqual([]);

      const after = await floodAlerts();
      expect(after.filter((a) => a.ruleId !== 'wl-canary').map((a) => [a.id, a.version])).toEqual(before.alerts.map((a) => [a.id, a.version]));
    });
  });

  describe('suspect readings', () => {
    it('never judges a level beyond the hard limits: only the valid crossing after them raises, at its own severity', async () => {
      const last = slotAt(suspectRiver, Date.now());
      const limits = suspectRiver.limits.water_level!;
      await publishReports(centre.brokerUrl, uniqueName('rtu'), [
        report(suspectRiver, 'cellular', last - 2 * SLOT, { water_level: limits.max + 5 }),
        report(suspectRiver, 'cellular', last - SLOT, { water_level: limits.max + 0.001 }),
        report(suspectRiver, 'cellular', last, { water_level: levelAt(suspectRiver, 0.55) }),
      ]);
      const alert = await waitFor(async () => (await floodAlerts()).find((a) => a.ruleId === 'wl-suspect'), (a) => a !== undefined, 'the valid crossing to raise');
      // Had either suspect reading been judged, the alert would have been raised earlier, at the guaranteed level.
      expect(alert).toMatchObject({ severity: 'yellow', peakSeverity: 'yellow', raisedObservedAt: last, details: { value: levelAt(suspectRiver, 0.55), thresholdCode: 'warning' } });
      const detail = await centre.api.json<AlertDetailView>('GET', `/api/alerts/${alert!.id}`, { token: ADMIN_TOKEN });
      expect(detail.events.map((e) => [e.type, e.severity])).toEqual([['raised', 'yellow']]);
    });

    it('never counts rain beyond the hard limit in a village total', async () => {
      const last = slotAt(suspectRain, Date.now());
      const limit = suspectRain.limits.rainfall!.max;
      await publishReports(centre.brokerUrl, uniqueName('rtu'), [
        report(suspectRain, 'cellular', last - 2 * SLOT, { rainfall: limit + 100 }),
        report(suspectRain, 'cellular', last - SLOT, { rainfall: limit + 0.1 }),
        report(suspectRain, 'cellular', last, { rainfall: 31 }),
      ]);
      const alert = await waitFor(async () => (await floodAlerts()).find((a) => a.ruleId === 'mt-suspect'), (a) => a !== undefined, 'the valid rain to raise');
      // With the suspect reports counted the hour would hold far more than the 50 mm of 立即转移.
      expect(alert).toMatchObject({ subjectId: SUSPECT_VILLAGE.id, severity: 'orange', peakSeverity: 'orange', raisedObservedAt: last, details: { level: 'prepare', windowHours: 1, rainfall: 31 } });
    });
  });
});
