import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { StoreUnavailableError } from '../reading-store';
import { type Answer, FakeInflux, type Seen } from './__fixtures__/fake-influx';
import { eventLine } from './event-lines';
import { InfluxEventLog } from './influx-event-log';

/**
 * The InfluxDB event log against a scripted server: the requests it sends, and the failures a real 1.6
 * does not produce on demand. The contract on a real InfluxDB is in test/event-log-contract.test.ts.
 */

const AT = Date.UTC(2023, 8, 21, 2, 5, 0); // 1695261900000
const ok = { results: [{ statement_id: 0 }] };
const series = (columns: string[], values: unknown[][], tags?: Record<string, string>) => ({
  results: [{ statement_id: 0, series: [{ name: 'event', ...(tags ? { tags } : {}), columns, values }] }],
});
const lastSeqs = { results: [{ statement_id: 0, series: [
  { name: 'event', tags: { stream: 'alerts' }, columns: ['time', 'max'], values: [[AT, 41]] },
  { name: 'event', tags: { stream: 'audit' }, columns: ['time', 'max'], values: [[AT, 3]] },
] }] };

const statement = (seen: Seen): string => seen.params.get('q') ?? '';
const writes = (seen: readonly Seen[]): string[] => seen.filter((s) => s.path === '/write').map((s) => s.body);
const queries = (seen: readonly Seen[]): string[] => seen.filter((s) => s.path === '/query').map(statement);

describe('InfluxEventLog over HTTP', () => {
  let fake: FakeInflux;
  let log: InfluxEventLog;
  /** Answers to /write, in order; then 204. */
  let writeAnswers: Answer[];
  /** Answers to SELECT statements other than the last-seq one, in order; then an empty result. */
  let selectAnswers: Answer[];

  beforeEach(async () => {
    fake = new FakeInflux();
    writeAnswers = [];
    selectAnswers = [];
    fake.script = (seen) => {
      if (seen.path === '/write') return writeAnswers.shift() ?? { status: 204 };
      const q = statement(seen);
      if (q.startsWith('SELECT max("seq")')) return { status: 200, json: lastSeqs };
      if (q.startsWith('SELECT')) return selectAnswers.shift() ?? { status: 200, json: ok };
      return { status: 200, json: ok };
    };
    log = new InfluxEventLog({ url: await fake.listen(), database: 'hydro', timeoutMs: 2_000 });
    await log.prepare();
  });
  afterEach(async () => {
    await log.close();
    await fake.close();
  });

  it('learns the last seq of each stream at prepare and numbers on from it', async () => {
    expect(queries(fake.seen)).toEqual(['CREATE DATABASE "hydro"', 'SELECT max("seq") FROM "event" GROUP BY "stream"']);
    expect([log.lastSeq('alerts'), log.lastSeq('audit'), log.lastSeq('tokens')]).toEqual([41, 3, 0]);
    const stored = await log.append('alerts', [{ at: AT, body: { level: 'yellow' } }, { at: AT, body: { level: 'orange' } }]);
    expect(stored.map((e) => e.seq)).toEqual([42, 43]);
    expect(log.lastSeq('alerts')).toBe(43);
  });

  it('writes one append as one request of points at `at` plus seq mod 1e6 ns, the body as a JSON string field', async () => {
    await log.append('audit', [{ at: AT, body: { who: '值班员', said: 'a "quote"\nand a \\' } }]);
    expect(writes(fake.seen)).toEqual([
      'event,stream=audit seq=4i,at=1695261900000i,body="{\\"who\\":\\"值班员\\",\\"said\\":\\"a \\\\\\"quote\\\\\\"\\\\nand a \\\\\\\\\\"}" 1695261900000000004',
    ]);
    expect(fake.seen.find((s) => s.path === '/write')?.params.get('precision')).toBe('ns');
  });

  it('consumes no seq when a write fails, and before the next append removes what the failed write may have stored', async () => {
    writeAnswers.push({ status: 500, json: { error: 'timeout' } });
    const event = { at: AT + 60_000, body: { level: 'red' } };
    await expect(log.append('alerts', [event])).rejects.toThrow(StoreUnavailableError);
    expect(log.lastSeq('alerts')).toBe(41);

    // InfluxDB answered 500 but had stored the point: the next append finds it past seq 41 and deletes it.
    selectAnswers.push({ status: 200, json: series(['time', 'seq', 'at'], [[AT + 60_000, 42, AT + 60_000]]) });
    const before = fake.seen.length;
    expect((await log.append('alerts', [{ at: AT + 120_000, body: { level: 'orange' } }])).map((e) => e.seq)).toEqual([42]);
    const after = fake.seen.slice(before);
    expect(after.map((s) => (s.path === '/write' ? `write ${s.body.split(' ')[1]}` : statement(s)))).toEqual([
      `SELECT "seq", "at" FROM "event" WHERE "stream" = 'alerts' AND "seq" > 41`,
      `DELETE FROM "event" WHERE "stream" = 'alerts' AND time = 1695261960000000042`,
      'write seq=42i,at=1695262020000i,body="{\\"level\\":\\"orange\\"}"',
    ]);
    // Sure again: the append after that sends no clean-up.
    const settled = fake.seen.length;
    await log.append('alerts', [event]);
    expect(fake.seen.slice(settled).map((s) => s.path)).toEqual(['/write']);
  });

  it('appends nothing while the clean-up after a failure fails, and stays unsure', async () => {
    writeAnswers.push({ status: 503, json: { error: 'overloaded' } });
    await expect(log.append('tokens', [{ at: AT, body: {} }])).rejects.toThrow(StoreUnavailableError);
    selectAnswers.push({ status: 500, json: { error: 'timeout' } });
    await expect(log.append('tokens', [{ at: AT, body: {} }])).rejects.toThrow(StoreUnavailableError);
    expect(writes(fake.seen)).toHaveLength(1);
    expect(await log.append('tokens', [{ at: AT, body: {} }])).toEqual([{ stream: 'tokens', seq: 1, at: AT, body: {} }]);
    expect(queries(fake.seen).filter((q) => q.includes('"seq" > 0'))).toHaveLength(2);
  });

  it('queues concurrent appends to a stream: after a failed one, the next takes the seq it did not consume', async () => {
    writeAnswers.push({ status: 500, json: { error: 'error syncing wal' } });
    const [failed, next] = await Promise.allSettled([
      log.append('alerts', [{ at: AT, body: { n: 1 } }]),
      log.append('alerts', [{ at: AT, body: { n: 2 } }, { at: AT, body: { n: 3 } }]),
    ]);
    expect(failed.status).toBe('rejected');
    expect(next.status === 'fulfilled' ? next.value.map((e) => [e.seq, e.body['n']]) : next.reason).toEqual([
      [42, 2],
      [43, 3],
    ]);
    expect(writes(fake.seen).map((body) => body.split('\n').map((line) => line.split(/[ ,]/)[2]))).toEqual([['seq=42i'], ['seq=42i', 'seq=43i']]);
  });

  it('reads in seq order whatever order InfluxDB answers in; a limit without time bounds is a seq window', async () => {
    const rows = [6, 7, 5].map((seq) => [AT - seq, seq, AT - seq, JSON.stringify({ seq })]);
    selectAnswers.push({ status: 200, json: series(['time', 'seq', 'at', 'body'], rows) });
    expect((await log.read('alerts', { afterSeq: 4, limit: 3 })).map((e) => e.seq)).toEqual([5, 6, 7]);
    selectAnswers.push({ status: 200, json: series(['time', 'seq', 'at', 'body'], rows) });
    expect((await log.read('alerts', { afterSeq: 4, from: AT - 10, limit: 2 })).map((e) => e.seq)).toEqual([5, 6]);
    expect(queries(fake.seen).slice(-2)).toEqual([
      `SELECT "seq", "at", "body" FROM "event" WHERE "stream" = 'alerts' AND "seq" > 4 AND "seq" <= 7`,
      `SELECT "seq", "at", "body" FROM "event" WHERE "stream" = 'alerts' AND "seq" > 4 AND time >= 1695261899990ms`,
    ]);
  });

  it('encodes an event exactly as the write carries it', () => {
    expect(eventLine('maintenance', 1_000_007, { at: -5, body: '{}' })).toBe('event,stream=maintenance seq=1000007i,at=-5i,body="{}" -4999993');
  });
});
