import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { MAX_EVENT_BODY_BYTES } from './event-encoding';
import { EVENT_STREAMS, type EventBody, type EventLog, type EventQuery, type EventStream, type NewEvent } from './event-log';
import { StoreRejectedError, StoreUnavailableError } from './reading-store';

/**
 * What every EventLog adapter must do, as one jest suite declared per adapter: the in-memory log in
 * memory-event-log.spec.ts, SQLite in sqlite/sqlite-event-log.spec.ts, InfluxDB 1.6 in
 * test/event-log-contract.test.ts. Not a spec file itself.
 */
export interface OpenedEventLog {
  /** A new, empty log, not yet prepared. */
  readonly log: EventLog;
  /** Another log over the same storage, as a restarted process opens it; not yet prepared. The suite closes it. */
  reopen(): Promise<EventLog>;
  /** Closes the log and disposes of its storage. */
  cleanup(): Promise<void>;
}

const T0 = Date.UTC(2023, 8, 21, 2, 5, 0);
const MIN = 60_000;

const event = (at: number, body: EventBody = { at }): NewEvent => ({ at, body });
const seqs = (events: readonly { readonly seq: number }[]): number[] => events.map((e) => e.seq);
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export function describeEventLogContract(name: string, open: () => Promise<OpenedEventLog>): void {
  describe(`${name} keeps the EventLog contract`, () => {
    let log: EventLog;
    let opened: OpenedEventLog | undefined;
    const reopened: EventLog[] = [];

    beforeEach(async () => {
      opened = await open();
      log = opened.log;
      await log.prepare();
    });
    afterEach(async () => {
      await Promise.all(reopened.splice(0).map((each) => each.close()));
      await opened?.cleanup();
      opened = undefined;
    });

    const restart = async (): Promise<EventLog> => {
      await log.close();
      const again = await opened!.reopen();
      reopened.push(again);
      await again.prepare();
      return again;
    };

    it('prepares twice without harm, and every stream starts empty at seq 0', async () => {
      await log.prepare();
      for (const stream of EVENT_STREAMS) {
        expect(log.lastSeq(stream)).toBe(0);
        expect(await log.read(stream)).toEqual([]);
      }
    });

    it('numbers each stream 1, 2, 3… on its own and returns the events as stored', async () => {
      expect(await log.append('alerts', [event(T0, { alert: 'a' }), event(T0 + MIN, { alert: 'b' })])).toEqual([
        { stream: 'alerts', seq: 1, at: T0, body: { alert: 'a' } },
        { stream: 'alerts', seq: 2, at: T0 + MIN, body: { alert: 'b' } },
      ]);
      expect(seqs(await log.append('audit', [event(T0)]))).toEqual([1]);
      expect(seqs(await log.append('alerts', [event(T0 + 2 * MIN)]))).toEqual([3]);
      expect(seqs(await log.append('tokens', [event(T0), event(T0)]))).toEqual([1, 2]);
      expect(EVENT_STREAMS.map((stream) => [stream, log.lastSeq(stream)])).toEqual([
        ['alerts', 3],
        ['maintenance', 0],
        ['audit', 1],
        ['tokens', 2],
      ]);
      expect(await log.read('alerts')).toEqual([
        { stream: 'alerts', seq: 1, at: T0, body: { alert: 'a' } },
        { stream: 'alerts', seq: 2, at: T0 + MIN, body: { alert: 'b' } },
        { stream: 'alerts', seq: 3, at: T0 + 2 * MIN, body: { at: T0 + 2 * MIN } },
      ]);
      expect(seqs(await log.read('maintenance'))).toEqual([]);
    });

    it('appends nothing for an empty list, consuming no seq', async () => {
      expect(await log.append('audit', [])).toEqual([]);
      expect(log.lastSeq('audit')).toBe(0);
      expect(seqs(await log.append('audit', [event(T0)]))).toEqual([1]);
    });

    describe('read', () => {
      // `at` out of seq order on purpose: an event may be recorded after a later one (a maintenance window
      // entered afterwards, an alert on a satellite report hours late). Minutes after T0, for seq 1…6:
      const minutes = [30, 10, 20, 20, 0, 5];
      const at = (m: number): number => T0 + m * MIN;
      it.each<[string, EventQuery, number[]]>([
        ['everything, in seq order', {}, [1, 2, 3, 4, 5, 6]],
        ['after seq 0', { afterSeq: 0 }, [1, 2, 3, 4, 5, 6]],
        ['after seq 4', { afterSeq: 4 }, [5, 6]],
        ['after the last seq', { afterSeq: 6 }, []],
        ['after a seq not yet given', { afterSeq: 9 }, []],
        ['from exactly an event’s at (inclusive)', { from: at(20) }, [1, 3, 4]],
        ['from one ms past it', { from: at(20) + 1 }, [1]],
        ['to exactly an event’s at (exclusive)', { to: at(20) }, [2, 5, 6]],
        ['to one ms past it', { to: at(20) + 1 }, [2, 3, 4, 5, 6]],
        ['from and to', { from: at(5), to: at(20) }, [2, 6]],
        ['from one ms past an event, and to', { from: at(5) + 1, to: at(20) }, [2]],
        ['limit 1', { limit: 1 }, [1]],
        ['limit equal to the count', { limit: 6 }, [1, 2, 3, 4, 5, 6]],
        ['limit above the count', { limit: 7 }, [1, 2, 3, 4, 5, 6]],
        ['after seq 2, limit 2', { afterSeq: 2, limit: 2 }, [3, 4]],
        ['from, limit 2: the first two in seq order, not in time order', { from: at(5), limit: 2 }, [1, 2]],
        ['after seq 1, to, limit 2', { afterSeq: 1, to: at(20), limit: 2 }, [2, 5]],
      ])('%s', async (_title, query, expected) => {
        await log.append('maintenance', minutes.map((m) => event(at(m), { minute: m })));
        await log.append('audit', [event(at(0)), event(at(10))]);
        const read = await log.read('maintenance', query);
        expect(seqs(read)).toEqual(expected);
        expect(read.map((e) => e.body)).toEqual(expected.map((seq) => ({ minute: minutes[seq - 1] })));
      });

      it.each<[string, EventQuery]>([
        ['a negative afterSeq', { afterSeq: -1 }],
        ['a fractional afterSeq', { afterSeq: 1.5 }],
        ['a fractional from', { from: T0 + 0.5 }],
        ['a NaN to', { to: Number.NaN }],
        ['a zero limit', { limit: 0 }],
        ['a fractional limit', { limit: 2.5 }],
      ])('refuses %s with RangeError', async (_title, query) => {
        await expect(log.read('alerts', query)).rejects.toThrow(RangeError);
      });
    });

    it('round-trips bodies: nested objects, arrays, Chinese text, quotes, backslashes, newlines, numbers', async () => {
      const bodies: EventBody[] = [
        { station: { id: '70100001', name: '温溪站', district: '永嘉' }, levels: [3.42, -0.25, 0, 1e21, 9007199254740991], ok: true, note: null },
        { text: 'say "stop" and \'go\'', path: 'C:\\data\\new', lines: 'first\nsecond\r\nthird\ttab', emoji: '🌊🌧️', accents: 'e\u0301' },
        { 'key with spaces, commas=and equals': 1, 'event,stream=alerts seq=1i': 'looks like line protocol', '': '' },
        { deeply: { nested: { list: [[1, [2, { three: '三' }]], []], empty: {} } } },
        {},
      ];
      await log.append('audit', bodies.map((body, i) => event(T0 + i, body)));
      expect((await log.read('audit')).map((e) => e.body)).toEqual(bodies);
    });

    it.each<[string, number, boolean]>([
      ['exactly the largest body', MAX_EVENT_BODY_BYTES, true],
      ['one byte more', MAX_EVENT_BODY_BYTES + 1, false],
    ])('takes %s only up to the limit', async (_title, bytes, taken) => {
      const body = { text: 'x'.repeat(bytes - '{"text":""}'.length) };
      const appending = log.append('audit', [event(T0, body)]);
      if (taken) {
        expect(seqs(await appending)).toEqual([1]);
        expect((await log.read('audit'))[0]?.body).toEqual(body);
      } else {
        await expect(appending).rejects.toThrow(StoreRejectedError);
        expect(log.lastSeq('audit')).toBe(0);
      }
    });

    it.each<[string, NewEvent]>([
      ['a fractional at', { at: T0 + 0.5, body: {} }],
      ['a NaN at', { at: Number.NaN, body: {} }],
      ['a body that is an array', { at: T0, body: [1, 2] as unknown as EventBody }],
      ['a body that is null', { at: T0, body: null as unknown as EventBody }],
      ['a body holding a BigInt', { at: T0, body: { n: 1n } }],
      ['a body that refers to itself', { at: T0, body: selfReferring() }],
    ])('refuses an append holding %s whole, consuming no seq', async (_title, bad) => {
      await expect(log.append('alerts', [event(T0), bad])).rejects.toThrow(StoreRejectedError);
      expect(log.lastSeq('alerts')).toBe(0);
      expect(seqs(await log.append('alerts', [event(T0)]))).toEqual([1]);
      expect(seqs(await log.read('alerts'))).toEqual([1]);
    });

    it('refuses a stream that does not exist', async () => {
      const bogus = 'alarms' as EventStream;
      await expect(log.append(bogus, [event(T0)])).rejects.toThrow(RangeError);
      await expect(log.read(bogus)).rejects.toThrow(RangeError);
      expect(() => log.lastSeq(bogus)).toThrow(RangeError);
    });

    it('keeps what was appended across a close and a reopen, and goes on numbering without a gap or a repeat', async () => {
      await log.append('alerts', [event(T0, { n: 1 }), event(T0 + MIN, { n: 2 }), event(T0 + 2 * MIN, { n: 3 })]);
      await log.append('audit', [event(T0, { who: '值班员' })]);
      const again = await restart();
      expect(again.lastSeq('alerts')).toBe(3);
      expect(again.lastSeq('audit')).toBe(1);
      expect(again.lastSeq('tokens')).toBe(0);
      expect(seqs(await again.append('alerts', [event(T0 + 3 * MIN, { n: 4 })]))).toEqual([4]);
      expect((await again.read('alerts')).map((e) => [e.seq, e.body])).toEqual([
        [1, { n: 1 }],
        [2, { n: 2 }],
        [3, { n: 3 }],
        [4, { n: 4 }],
      ]);
      expect(await again.read('audit')).toEqual([{ stream: 'audit', seq: 1, at: T0, body: { who: '值班员' } }]);
    });

    it('appends 500 events in one call, numbered 1 to 500', async () => {
      const many = range(1, 500).map((n) => event(T0 + Math.floor(n / 7) * 1_000, { n }));
      expect(seqs(await log.append('alerts', many))).toEqual(range(1, 500));
      expect(log.lastSeq('alerts')).toBe(500);
      const read = await log.read('alerts');
      expect(seqs(read)).toEqual(range(1, 500));
      expect(read.map((e) => e.body['n'])).toEqual(range(1, 500));
      expect(seqs(await log.read('alerts', { afterSeq: 250, limit: 100 }))).toEqual(range(251, 350));
    });

    it('keeps concurrent appends to one stream in call order, each contiguous, without gaps', async () => {
      const sizes = range(0, 19).map((i) => (i % 3) + 1);
      const results = await Promise.all(
        sizes.flatMap((size, call) => [
          log.append('alerts', range(1, size).map((n) => event(T0 + call * MIN, { call, n }))),
          ...(call % 5 === 0 ? [log.append('audit', [event(T0, { call })])] : []),
        ]),
      );
      const alerts = results.filter((each) => each[0]?.stream === 'alerts');
      const total = sizes.reduce((sum, size) => sum + size, 0);
      expect(alerts.flatMap(seqs)).toEqual(range(1, total));
      expect(alerts.map((each) => each.map((e) => e.body['call']))).toEqual(sizes.map((size, call) => Array<number>(size).fill(call)));
      expect(log.lastSeq('alerts')).toBe(total);
      expect(log.lastSeq('audit')).toBe(4);
      const read = await log.read('alerts');
      expect(read.map((e) => [e.seq, e.body])).toEqual(alerts.flat().map((e) => [e.seq, e.body]));
    });

    it('is unavailable before prepare and after close', async () => {
      const unprepared = await opened!.reopen();
      reopened.push(unprepared);
      await expect(unprepared.append('alerts', [event(T0)])).rejects.toThrow(StoreUnavailableError);
      await expect(unprepared.read('alerts')).rejects.toThrow(StoreUnavailableError);
      expect(() => unprepared.lastSeq('alerts')).toThrow(StoreUnavailableError);
      await log.append('alerts', [event(T0)]);
      await log.close();
      await expect(log.append('alerts', [event(T0)])).rejects.toThrow(StoreUnavailableError);
      await expect(log.read('alerts')).rejects.toThrow(StoreUnavailableError);
    });
  });
}

function selfReferring(): EventBody {
  const body: Record<string, unknown> = {};
  body['self'] = body;
  return body;
}
