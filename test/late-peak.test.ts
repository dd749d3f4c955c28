import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Station } from '@hydro/domain';
import { AlertEventStream } from './support/alert-event-stream';
import type { AlertView, StationListView } from './support/api-views';
import { ADMIN_TOKEN, CentreUnderTest } from './support/centre-under-test';
import { levelAt, warningAndGuaranteedLevels, writeFloodRules } from './support/flood-rule-files';
import { publishReports, slotAt } from './support/live-reports';
import { type Services, startServices, uniqueName } from './support/services';
import { registryStations } from './support/station-reports';
import { report, SLOT } from './support/storm-scenario';
import { waitFor } from './support/wait-for';

/**
 * A river peak that reaches the centre only after it is over: the gauge's cellular link drops for two
 * reports, whose copies come later over BeiDou, after the cellular reports that followed them. The
 * duty desk must still see the peak, at the time it happened, as an alert that came and went.
 */

const BACKENDS = [
  { backend: 'the embedded broker and SQLite store', external: false },
  { backend: 'Mosquitto and InfluxDB', external: true },
];

const river: Station = (() => {
  const found = registryStations().find((s) => s.kind === 'river' && s.reportingIntervalMinutes === 5 && s.channels.length === 2 && s.limits.water_level !== undefined);
  if (found === undefined) throw new Error('the registry has no 5-minute dual-channel river gauge');
  return found;
})();
/** Resolves on the first normal level, so the revealed alert comes and goes within the batch. */
const RULE = { ...warningAndGuaranteedLevels('wl-late', river), clearingDelayMinutes: 0 };
const CALM = levelAt(river, 0.3);
const PEAK = levelAt(river, 0.7);

describe.each(BACKENDS)('a river peak revealed by a late BeiDou batch, on $backend', ({ external }) => {
  let services: Services | undefined;
  let centre: CentreUnderTest;
  let stream: AlertEventStream;
  /** Six slots up to now, oldest first: the peak is in the third and fourth. */
  let slots: number[];
  let batchSentAt: number;

  beforeAll(async () => {
    if (external) {
      services = await startServices();
      centre = await CentreUnderTest.prepare({ stations: [river], external: { mqttUrl: services.broker.url, influxUrl: services.influx.url, database: uniqueName('hydro') } });
    } else {
      centre = await CentreUnderTest.prepare({ stations: [river] });
    }
    writeFloodRules(centre.rulesDir, { waterLevels: [RULE] });
    await centre.start();
    await centre.settled();
    await waitFor(async () => centre.loggedSince('flood rule windows rebuilt'), Boolean, 'the flood rules to rebuild their windows');
    stream = await AlertEventStream.open(centre.api.baseUrl, { token: ADMIN_TOKEN, lastEventId: 0, query: 'audience=flood' });

    const last = slotAt(river, Date.now());
    slots = Array.from({ length: 6 }, (_, i) => last - (5 - i) * SLOT);
    const cellular = [0, 1, 4, 5].map((i) => report(river, 'cellular', slots[i]!, { water_level: CALM }));
    await publishReports(centre.brokerUrl, uniqueName('rtu'), cellular);
    await waitFor(
      () => centre.api.json<StationListView>('GET', '/api/stations', { token: ADMIN_TOKEN }),
      (list) => list.stations.some((s) => s.id === river.id && s.lastObservedAt === slots[5]),
      'the cellular reports around the gap to be taken',
    );
    batchSentAt = Date.now();
    await publishReports(centre.brokerUrl, uniqueName('beidou'), [2, 3].map((i) => report(river, 'beidou', slots[i]!, { water_level: PEAK })));
  });

  afterAll(async () => {
    stream?.close();
    await centre?.dispose();
    await services?.dispose();
  });

  it('raises the peak at its observation time, detected when the batch came, and resolves it at the next normal level', async () => {
    const alerts = await waitFor(
      () => centre.api.json<AlertView[]>('GET', '/api/alerts?audience=flood', { token: ADMIN_TOKEN }),
      (list) => list.some((a) => a.ruleId === 'wl-late' && a.state === 'resolved'),
      'the late peak to be raised and resolved',
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      ruleId: 'wl-late',
      subjectId: river.id,
      state: 'resolved',
      acknowledged: false,
      severity: 'orange',
      peakSeverity: 'orange',
      raisedObservedAt: slots[2],
      resolvedObservedAt: slots[4],
      // A resolved alert keeps the details of its last breach: the peak.
      details: { value: PEAK, thresholdCode: 'guaranteed' },
    });
    expect(alerts[0]!.raisedAt).toBeGreaterThanOrEqual(batchSentAt);
  });

  it('streams the raising and the resolution, each at its observation time', async () => {
    const events = await waitFor(
      async () => stream.received.filter((e) => e.event.ruleId === 'wl-late'),
      (received) => received.some((e) => e.event.type === 'resolved'),
      'the resolution on the stream',
    );
    expect(events.map((e) => [e.event.type, e.event.severity, e.event.observedAt])).toEqual([
      ['raised', 'orange', slots[2]],
      ['resolved', 'orange', slots[4]],
    ]);
  });
});
