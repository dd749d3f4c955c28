import { InfluxEventLog } from '@hydro/ingestion/store/influx';
import { eventLine } from '@hydro/ingestion/store/influx/event-lines';
import { describeEventLogContract } from '@hydro/ingestion/store/event-log.contract';
import { StoreUnavailableError } from '@hydro/ingestion/store/reading-store';
import { InfluxServer } from './support/influxdb-server';

/**
 * The EventLog contract (libs/ingestion/src/store/event-log.contract.ts) against a real InfluxDB 1.6: the
 * same tests the SQLite and in-memory logs pass in their unit specs. Each test gets a database of its own,
 * dropped after. Then what only a real server shows: an outage, and a failed write that was stored after all.
 */

let server: InfluxServer;
let databases = 0;

beforeAll(async () => {
  server = await InfluxServer.start();
});
afterAll(async () => {
  await server?.dispose();
});

describeEventLogContract('InfluxEventLog on InfluxDB 1.6', async () => {
  databases += 1;
  const database = `hydro_events_${databases}`;
  const log = new InfluxEventLog({ url: server.url, database });
  return {
    log,
    reopen: async () => new InfluxEventLog({ url: server.url, database }),
    cleanup: async () => {
      await log.close();
      await server.query(`DROP DATABASE "${database}"`);
    },
  };
});

describe('InfluxEventLog when InfluxDB fails', () => {
  const T0 = Date.UTC(2023, 8, 21, 2, 5, 0);

  it('consumes no seq while InfluxDB is down, and replaces what a failed write stored with the next append', async () => {
    const database = 'hydro_events_outage';
    const log = new InfluxEventLog({ url: server.url, database, timeoutMs: 5_000 });
    try {
      await log.prepare();
      await log.append('alerts', [{ at: T0, body: { n: 1 } }]);

      await server.stop();
      await expect(log.append('alerts', [{ at: T0 + 60_000, body: { n: 2 } }])).rejects.toThrow(StoreUnavailableError);
      expect(log.lastSeq('alerts')).toBe(1);
      await server.restart();

      // As if the failed write had reached the disk before the connection broke: seq 2 with another body.
      await server.write(database, eventLine('alerts', 2, { at: T0 + 60_000, body: '{"n":"ghost"}' }), 'ns');
      const stored = await log.append('alerts', [{ at: T0 + 120_000, body: { n: 2 } }]);
      expect(stored.map((e) => e.seq)).toEqual([2]);
      expect((await log.read('alerts')).map((e) => [e.seq, e.at - T0, e.body])).toEqual([
        [1, 0, { n: 1 }],
        [2, 120_000, { n: 2 }],
      ]);
    } finally {
      await log.close();
      await server.query(`DROP DATABASE "${database}"`);
    }
  });
});
