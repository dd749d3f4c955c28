import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Channel, type Station, telemetryTopic } from '@hydro/domain';
import { AlertEventStream, type StreamedAlert } from './support/alert-event-stream';
import type { AlertDetailView, AlertView, AuditEntryView, IssuedTokenView } from './support/api-views';
import { ADMIN_TOKEN, CentreUnderTest } from './support/centre-under-test';
import { type CriticalRainfall, levelAt, villageWarningArea, warningAndGuaranteedLevels, writeFloodRules } from './support/flood-rule-files';
import { issueToken } from './support/issue-token';
import { publishReports, slotAt } from './support/live-reports';
import { MqttAlertListener } from './support/mqtt-alert-listener';
import { uniqueName } from './support/services';
import { type Report, registryStations } from './support/station-reports';
import { waitFor } from './support/wait-for';

/**
 * Flood alerts as the duty desk meets them: a short storm over a mountain village and a river gauge,
 * published over MQTT with current observation times, raising and escalating alerts on every outlet; a
 * forecaster acknowledging one; a crash that must neither lose nor repeat them; and suspect readings,
 * which are stored but never judged.
 */

const MINUTE = 60_000;
const SLOT = 5 * MINUTE;

const taken = new Set<string>();
const [stormRiver, suspectRiver, canaryRiver] = distinctStations((s) => s.kind === 'river' && s.reportingIntervalMinutes === 5, 3) as [Station, Station, Station];
const stormRain = distinctStations((s) => s.kind === 'rain' && s.reportingIntervalMinutes === 5 && s.channels.length === 2, 1)[0]!;
const calmRain = distinctStations((s) => s.kind === 'rain' && s.reportingIntervalMinutes === 5 && s.channels.length === 1 && s.district === stormRain.district, 1)[0]!;
const suspectRain = distinctStations((s) => s.kind === 'rain' && s.reportingIntervalMinutes === 5 && s.channels.length === 1 && s.id !== calmRain.id, 1)[0]!;
const STATIONS = [stormRiver, suspectRiver, canaryRiver, stormRain, calmRain, suspectRain];

/** Critical rainfall in mm, 准备转移 / 立即转移, shortest window first; only the 1 h window is reached. */
const THRESHOLDS: readonly CriticalRainfall[] = [
  { windowHours: 1, prepare: 30, evacuate: 50 },
  { windowHours: 3, prepare: 60, evacuate: 80 },
  { windowHours: 6, prepare: 80, evacuate: 100 },
  { windowHours: 24, prepare: 100, evacuate: 130 },
];
const VILLAGE = { id: '330324990101', name: '岩头村' };
const SUSPECT_VILLAGE = { id: '330324990102', name: '下坳村' };
/**
 * 5-minute rain at the storm gauge. The hour holds 29.9 mm (0.1 mm short of 准备转移), then exactly 30
 * (准备转移 reached), then exactly 50 (立即转移 reached), then stays there.
 */
const STORM_RAIN = [0, 10, 19.9, 0.1, 20, 0];
/** Levels at the storm river gauge against its warning and guaranteed levels: 1 cm short, then exactly at each. */
const stormLevels = (): number[] => {
  const [warning, guaranteed] = [levelAt(stormRiver, 0.5), levelAt(stormRiver, 0.7)];
  return [warning - 1, warning - 0.01, warning, warning + 0.2, guaranteed, guaranteed].map((m) => Math.round(m * 100) / 100);
};

describe('flood alerts from a storm, on the embedded broker and store', () => {
  let centre: CentreUnderTest;
  let stream: AlertEventStream;
  let mqttAlerts: MqttAlertListener;
  let forecaster: IssuedTokenView;
  /** The storm's observation times: the last six slots before the start, oldest first. */
  let stormSlots: number[];
  const floodAlerts = (headers: Record<string, string> = {}): Promise<AlertView[]> =>
    centre.api.json<AlertView[]>('GET', '/api/alerts?audience=flood', { token: ADMIN_TOKEN, headers });
  const byRule = (alerts: readonly AlertView[], ruleId: string): AlertView => only(alerts, ruleId);
  const streamedFor = (received: readonly StreamedAlert[], alertId: string): StreamedAlert[] => received.filter((e) => e.event.alertId === alertId);

  beforeAll(async () => {
    centre = await CentreUnderTest.prepare({ stations: STATIONS });
    writeFloodRules(centre.rulesDir, {
      // The canary goes stale 6 minutes after its newest reading: a rule tick after the restart says so.
      waterLevels: [warningAndGuaranteedLevels('wl-storm', stormRiver), warningAndGuaranteedLevels('wl-suspect', suspectRiver), warningAndGuaranteedLevels('wl-canary', canaryRiver, 6)],
      warningAreas: [villageWarningArea('mt-storm', VILLAGE, [stormRain, calmRain], THRESHOLDS), villageWarningArea('mt-suspect', SUSPECT_VILLAGE, [suspectRain], THRESHOLDS)],
    });
    await centre.start();
    await centre.settled();
    await waitFor(async () => centre.loggedSince('flood rule windows rebuilt'), Boolean, 'the flood rules to rebuild their windows');
    forecaster = await issueToken(centre.api, 'forecaster 1', 'forecaster');
    stream = await AlertEventStream.open(centre.api.baseUrl, { token: ADMIN_TOKEN, lastEventId: 0, query: 'audience=flood' });
    mqttAlerts = await MqttAlertListener.subscribe(centre.brokerUrl, uniqueName('sms'));

    const last = slotAt(stormRiver, Date.now());
    stormSlots = STORM_RAIN.map((_, i) => last - (STORM_RAIN.length - 1 - i) * SLOT);
    const reports = stormSlots.flatMap((at, i) => [
      report(stormRain, 'cellular', at, { rainfall: STORM_RAIN[i]! }),
      // The same report over BeiDou: a copy, which must not count twice in the rainfall totals.
      report(stormRain, 'beidou', at, { rainfall: STORM_RAIN[i]! }),
      report(calmRain, 'cellular', at, { rainfall: 0 }),
      report(stormRiver, 'cellular', at, { water_level: stormLevels()[i]! }),
    ]);
    await publishReports(centre.brokerUrl, uniqueName('rtu'), reports);
  });

  afterAll(async () => {
    stream?.close();
    await mqttAlerts?.close();
    await centre?.dispose();
  });

  it('raises one mountain-torrent and one water-level alert exactly at their thresholds, and escalates them, listed for the flood audience', async () => {
    const alerts = await waitFor(
      () => floodAlerts(),
      (list) => list.some((a) => a.ruleId === 'mt-storm' && a.severity === 'red') && list.some((a) => a.ruleId === 'wl-storm' && a.severity === 'orange'),
      'the storm to raise and escalate both flood alerts',
    );
    expect(alerts.map((a) => a.ruleId).sort()).toEqual(['mt-storm', 'wl-storm']);
    expect(byRule(alerts, 'mt-storm')).toMatchObject({
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
    expect(byRule(alerts, 'wl-storm')).toMatchObject({
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
    const alert = byRule(await floodAlerts(), ruleId);
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
    const alert = byRule(await floodAlerts(), ruleId);
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
    const alert = byRule(await floodAlerts(headers), 'mt-storm') as AlertView & { message: { title: string; body: string } };
    expect(alert.message.title).toContain(VILLAGE.name);
    const text = `${alert.message.title} ${alert.message.body}`;
    for (const phrase of phrases) expect(text).toContain(phrase);
  });

  it('lets a forecaster acknowledge the village warning with a note, on the stream and in the audit log', async () => {
    const alert = byRule(await floodAlerts(), 'mt-storm');
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
    expect(byRule(await floodAlerts(), 'wl-storm')).toMatchObject({ state: 'active', acknowledged: false });
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
      const detail = await centre.api.json<AlertDetailView>('GET', `/api/alerts/${byRule(after, 'mt-storm').id}`, { token: ADMIN_TOKEN });
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

/** The first `count` registry stations that fit, distinct from every station taken so far. */
function distinctStations(fits: (s: Station) => boolean, count: number): Station[] {
  const found = registryStations().filter((s) => !taken.has(s.id) && fits(s) && (s.kind === 'rain' || s.limits.water_level !== undefined)).slice(0, count);
  if (found.length < count) throw new Error(`the registry has fewer than ${count} such stations`);
  for (const s of found) taken.add(s.id);
  return found;
}

/** A timed report carrying the given readings and a healthy battery. */
function report(station: Station, channel: Channel, observedAt: number, readings: Readonly<Record<string, number>>): Report {
  return { topic: telemetryTopic(station.id), payload: JSON.stringify({ stationId: station.id, observedAt, channel, readings: { ...readings, battery_voltage: 12.6 } }) };
}

function only(alerts: readonly AlertView[], ruleId: string): AlertView {
  const matching = alerts.filter((a) => a.ruleId === ruleId);
  if (matching.length !== 1) throw new Error(`expected one alert of ${ruleId}, found ${matching.length}: ${JSON.stringify(matching)}`);
  return matching[0]!;
}
