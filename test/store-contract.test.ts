import { InfluxReadingStore } from '@hydro/ingestion/store/influx';
import { describeReadingStoreContract } from '@hydro/ingestion/store/reading-store.contract';
import { InfluxServer } from './support/influxdb-server';

/**
 * The ReadingStore contract (libs/ingestion/src/store/reading-store.contract.ts) against a real InfluxDB 1.6:
 * the same tests the SQLite store passes in its unit spec, arrival counts included. Each test gets a database of
 * its own, dropped after.
 */

let server: InfluxServer;
let databases = 0;

beforeAll(async () => {
  server = await InfluxServer.start();
});
afterAll(async () => {
  await server?.dispose();
});

describeReadingStoreContract('InfluxReadingStore on InfluxDB 1.6', async () => {
  databases += 1;
  const database = `hydro_contract_${databases}`;
  const store = new InfluxReadingStore({ url: server.url, database });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await server.query(`DROP DATABASE "${database}"`);
    },
  };
});
