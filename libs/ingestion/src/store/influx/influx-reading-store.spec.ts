import type { Reading } from '@hydro/domain';
import { StoreRejectedError, StoreUnavailableError, type TelemetryBatch } from '../reading-store';
import { type Answer, FakeInflux } from './__fixtures__/fake-influx';
import { InfluxReadingStore } from './influx-reading-store';

/**
 * The store against a scripted HTTP server: the answers of InfluxDB 2.x/3.x and the odd failures that
 * a real 1.6 does not produce on demand. The real-server behaviour is in test/influx-reading-store.test.ts.
 */

const ok = { results: [{ statement_id: 0 }] };
const reading: Reading = { stationId: '70601234', element: 'rainfall', observedAt: 1686817800000, value: 2, quality: 'good' };
const batch: TelemetryBatch = { readings: [reading], arrivals: [], deadLetters: [] };

describe('InfluxReadingStore over HTTP', () => {
  let fake: FakeInflux;
  let url: string;
  const stores: InfluxReadingStore[] = [];
  const store = (extra: Partial<ConstructorParameters<typeof InfluxReadingStore>[0]> = {}): InfluxReadingStore => {
    const created = new InfluxReadingStore({ url, database: 'hydro', timeoutMs: 2_000, ...extra });
    stores.push(created);
    return created;
  };

  beforeEach(async () => {
    fake = new FakeInflux();
    url = await fake.listen();
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    await fake.close();
  });

  it('sends one v1 write per batch, with ns precision, over one kept-alive connection', async () => {
    const s = store({ token: 'secret' });
    await s.write(batch);
    await s.write(batch);
    expect(fake.seen.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /write', 'POST /write']);
    const [first] = fake.seen;
    expect(Object.fromEntries(first?.params ?? [])).toEqual({ db: 'hydro', precision: 'ns' });
    expect(first?.headers['authorization']).toBe('Token secret');
    expect(first?.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(first?.body).toBe('reading,element=rainfall,station=70601234 value=2.0,quality="good",qc="" 1686817800000000000');
    expect(fake.connections).toBe(1);
  });

  it('sends nothing for an empty batch', async () => {
    await store().write({ readings: [], arrivals: [], deadLetters: [] });
    expect(fake.seen).toHaveLength(0);
  });

  it('passes 1.x credentials and the retention policy as u, p and rp', async () => {
    await store({ username: 'writer', password: 'p&ss', retentionPolicy: { name: 'two_years', duration: '104w' } }).write(batch);
    expect(Object.fromEntries(fake.seen[0]?.params ?? [])).toEqual({ db: 'hydro', precision: 'ns', rp: 'two_years', u: 'writer', p: 'p&ss' });
  });

  it('re-creates a vanished database once and writes again', async () => {
    let writes = 0;
    fake.script = (r) => {
      if (r.path === '/query') return { status: 200, json: ok };
      writes += 1;
      return writes === 1 ? { status: 404, json: { error: 'database not found: "hydro"' } } : { status: 204 };
    };
    await store().write(batch);
    expect(fake.seen.map((r) => r.params.get('q') ?? r.path)).toEqual(['/write', 'CREATE DATABASE "hydro"', '/write']);
  });

  it('gives up after that one retry with StoreUnavailableError', async () => {
    fake.script = (r) => (r.path === '/query' ? { status: 200, json: ok } : { status: 404, json: { error: 'database not found: "hydro"' } });
    await expect(store().write(batch)).rejects.toThrow(StoreUnavailableError);
    expect(fake.seen).toHaveLength(3);
  });

  it('classifies a 400 as rejected and a 500 as unavailable, without retrying either', async () => {
    fake.script = () => ({ status: 400, json: { error: 'partial write: field type conflict dropped=1' } });
    await expect(store().write(batch)).rejects.toThrow(StoreRejectedError);
    fake.script = () => ({ status: 500, json: { error: 'error syncing wal' } });
    await expect(store().write(batch)).rejects.toThrow(new StoreUnavailableError('InfluxDB could not take a write of 1 points: 500 error syncing wal'));
    expect(fake.seen).toHaveLength(2);
  });

  it('turns a server that never answers into StoreUnavailableError after the timeout', async () => {
    fake.script = () => 'hang';
    await expect(store({ timeoutMs: 200 }).write(batch)).rejects.toThrow(/no answer from InfluxDB within 200 ms/);
  });

  it('sends queries as a form with epoch=ms', async () => {
    fake.script = () => ({ status: 200, json: ok });
    await store().countReadings({ stationId: '70601234' });
    const [query] = fake.seen;
    expect(query?.params.get('q')).toBe(`SELECT count("value") FROM "reading" WHERE "station" = '70601234'`);
    expect(query?.params.get('db')).toBe('hydro');
    expect(query?.params.get('epoch')).toBe('ms');
  });

  describe('prepare', () => {
    it('creates the retention policy when missing and alters it when present', async () => {
      const policies = (names: string[]): Answer => ({
        status: 200,
        json: { results: [{ statement_id: 0, series: [{ columns: ['name', 'duration'], values: names.map((n) => [n, '0s']) }] }] },
      });
      fake.script = (r) => (r.params.get('q')?.startsWith('SHOW') ? policies(['autogen']) : { status: 200, json: ok });
      await store({ retentionPolicy: { name: 'two_years', duration: '104w' } }).prepare();
      fake.script = (r) => (r.params.get('q')?.startsWith('SHOW') ? policies(['autogen', 'two_years']) : { status: 200, json: ok });
      await store({ retentionPolicy: { name: 'two_years', duration: '104w' } }).prepare();
      expect(fake.seen.map((r) => r.params.get('q'))).toEqual([
        'CREATE DATABASE "hydro"',
        'SHOW RETENTION POLICIES ON "hydro"',
        'CREATE RETENTION POLICY "two_years" ON "hydro" DURATION 104w REPLICATION 1 DEFAULT',
        'CREATE DATABASE "hydro"',
        'SHOW RETENTION POLICIES ON "hydro"',
        'ALTER RETENTION POLICY "two_years" ON "hydro" DURATION 104w DEFAULT',
      ]);
    });

    it('accepts a 2.x that refuses CREATE DATABASE when the database takes writes', async () => {
      fake.script = (r) =>
        r.path === '/query'
          ? { status: 401, json: { code: 'unauthorized', message: 'unauthorized access' } }
          : { status: 400, json: { code: 'invalid', message: 'writing requires points' } };
      await expect(store({ token: 't' }).prepare()).resolves.toBeUndefined();
      expect(fake.seen.map((r) => r.params.get('q') ?? `${r.path} with ${r.body.length} bytes`)).toEqual(['CREATE DATABASE "hydro"', '/write with 0 bytes']);
    });

    it('says what to provision when CREATE DATABASE is refused and the database takes no writes', async () => {
      fake.script = (r) =>
        r.path === '/query'
          ? { status: 200, json: { results: [{ statement_id: 0, error: 'not implemented: CREATE DATABASE' }] } }
          : { status: 404, json: { code: 'not found', message: 'bucket "hydro" not found' } };
      const failure = store({ token: 't' }).prepare();
      await expect(failure).rejects.toThrow(StoreUnavailableError);
      await expect(failure).rejects.toThrow(/bucket and a DBRP mapping for database "hydro"/);
    });

    it('fails as unavailable when the server is down', async () => {
      await fake.close();
      await expect(store().prepare()).rejects.toThrow(StoreUnavailableError);
    });
  });

  describe('ping', () => {
    it('is true when /ping answers and the database takes an empty write', async () => {
      expect(await store().ping()).toBe(true);
      expect(fake.seen.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /ping', 'POST /write']);
    });

    it('is false when the database is missing', async () => {
      fake.script = (r) => (r.path === '/ping' ? { status: 204 } : { status: 404, json: { error: 'database not found: "hydro"' } });
      expect(await store().ping()).toBe(false);
    });
  });
});
