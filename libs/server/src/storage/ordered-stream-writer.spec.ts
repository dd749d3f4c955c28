import { describe, expect, it, jest } from '@jest/globals';
import { type EventStream, type Log, type NewEvent, type StoredEvent, StoreRejectedError, StoreUnavailableError } from '@hydro/ingestion';
import { MemoryEventLog } from '@hydro/ingestion/store/memory-event-log';
import { MAX_EVENTS_PER_WRITE, OrderedStreamWriter } from './ordered-stream-writer';

const T0 = Date.parse('2024-07-10T14:00:00+08:00');
/** Retries at once: the specs are about order and outcome, not about the backoff. */
const NO_WAIT = { initialMs: 1, maxMs: 1 };

function recordingLog(): Log & { warn: jest.Mock<Log['warn']> } {
  return { log: jest.fn(), warn: jest.fn<Log['warn']>(), error: jest.fn() };
}

const event = (name: string): NewEvent => ({ at: T0, body: { name } });
const names = (events: readonly StoredEvent[]): unknown[] => events.map((e) => e.body['name']);

/** A log that refuses, as unavailable, appends holding the named event until it has failed `times` times. */
class FlakyForOneEvent extends MemoryEventLog {
  attempts = 0;

  constructor(
    private readonly failing: string,
    private times: number,
  ) {
    super();
  }

  override async append(stream: EventStream, events: readonly NewEvent[]): Promise<StoredEvent[]> {
    this.attempts += 1;
    if (this.times > 0 && events.some((e) => e.body['name'] === this.failing)) {
      this.times -= 1;
      throw new StoreUnavailableError('connection refused');
    }
    return super.append(stream, events);
  }
}

/** A log that refuses, for its content, every append holding the named event. */
class RefusingEvent extends MemoryEventLog {
  constructor(private readonly refused: string) {
    super();
  }

  override async append(stream: EventStream, events: readonly NewEvent[]): Promise<StoredEvent[]> {
    if (events.some((e) => e.body['name'] === this.refused)) throw new StoreRejectedError(`${this.refused} is refused`);
    return super.append(stream, events);
  }
}

async function preparedMemoryLog(): Promise<MemoryEventLog> {
  const log = new MemoryEventLog();
  await log.prepare();
  return log;
}

describe('OrderedStreamWriter', () => {
  it('settles each append with its events as stored, numbered in the order appended', async () => {
    const log = await preparedMemoryLog();
    const writer = new OrderedStreamWriter(log, 'alerts', recordingLog(), NO_WAIT);
    const [first, second] = await Promise.all([writer.append([event('a'), event('b')]), writer.append([event('c')])]);
    expect(first.map((e) => [e.seq, e.body['name']])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect(second.map((e) => [e.seq, e.body['name']])).toEqual([[3, 'c']]);
    expect(names(await log.read('alerts'))).toEqual(['a', 'b', 'c']);
  });

  it('resolves an empty append with nothing, without asking the store', async () => {
    const log = new FlakyForOneEvent('x', 0);
    await log.prepare();
    const writer = new OrderedStreamWriter(log, 'alerts', recordingLog(), NO_WAIT);
    expect(await writer.append([])).toEqual([]);
    expect(log.attempts).toBe(0);
  });

  it('retries a batch while the store is unavailable, and the batches appended behind it wait rather than overtake', async () => {
    const log = new FlakyForOneEvent('raised', 3);
    await log.prepare();
    const writer = new OrderedStreamWriter(log, 'alerts', recordingLog(), NO_WAIT);
    const first = writer.append([event('raised')]);
    await new Promise((resolve) => setImmediate(resolve));
    const second = writer.append([event('escalated')]);
    expect(writer.backlog).toBe(2);
    expect((await first).map((e) => e.seq)).toEqual([1]);
    expect((await second).map((e) => e.seq)).toEqual([2]);
    expect(names(await log.read('alerts'))).toEqual(['raised', 'escalated']);
    // Three refusals and the raised batch, then the escalated batch: nothing was sent out of turn.
    expect(log.attempts).toBe(5);
    expect(writer.backlog).toBe(0);
  });

  it('writes the batches appended together in one store write, each settled with its own events', async () => {
    const log = new FlakyForOneEvent('none', 0);
    await log.prepare();
    const writer = new OrderedStreamWriter(log, 'alerts', recordingLog(), NO_WAIT);
    const batches = await Promise.all([writer.append([event('a'), event('b')]), writer.append([event('c')]), writer.append([event('d')])]);
    expect(batches.map((b) => b.map((e) => [e.seq, e.body['name']]))).toEqual([
      [
        [1, 'a'],
        [2, 'b'],
      ],
      [[3, 'c']],
      [[4, 'd']],
    ]);
    expect(log.attempts).toBe(1);
  });

  it.each([
    [MAX_EVENTS_PER_WRITE, 1],
    [MAX_EVENTS_PER_WRITE + 1, 2],
  ])('puts at most MAX_EVENTS_PER_WRITE events in one write: %d single-event batches take %d writes', async (batches, writes) => {
    const log = new FlakyForOneEvent('none', 0);
    await log.prepare();
    const writer = new OrderedStreamWriter(log, 'alerts', recordingLog(), NO_WAIT);
    const stored = await Promise.all(Array.from({ length: batches }, (_, i) => writer.append([event(`e${i}`)])));
    expect(log.attempts).toBe(writes);
    expect(stored.map((b) => b.map((e) => e.seq))).toEqual(Array.from({ length: batches }, (_, i) => [i + 1]));
  });

  it('keeps a batch larger than MAX_EVENTS_PER_WRITE whole in one write', async () => {
    const log = new FlakyForOneEvent('none', 0);
    await log.prepare();
    const writer = new OrderedStreamWriter(log, 'alerts', recordingLog(), NO_WAIT);
    const big = Array.from({ length: MAX_EVENTS_PER_WRITE + 10 }, (_, i) => event(`e${i}`));
    const [first, second] = await Promise.all([writer.append(big), writer.append([event('after')])]);
    expect(first).toHaveLength(MAX_EVENTS_PER_WRITE + 10);
    expect(second.map((e) => e.seq)).toEqual([MAX_EVENTS_PER_WRITE + 11]);
    expect(log.attempts).toBe(2);
  });

  it('gives the event loop a turn between two writes, so a burst of batches does not hold it', async () => {
    const log = new FlakyForOneEvent('none', 0);
    await log.prepare();
    const writer = new OrderedStreamWriter(log, 'alerts', recordingLog(), NO_WAIT);
    const burst = Promise.all(Array.from({ length: 3 * MAX_EVENTS_PER_WRITE }, (_, i) => writer.append([event(`e${i}`)])));
    const attemptsAtNextTurn = await new Promise<number>((resolve) => setImmediate(() => resolve(log.attempts)));
    await burst;
    expect(attemptsAtNextTurn).toBeLessThan(3);
    expect(log.attempts).toBe(3);
  });

  it.each([
    [1, 1],
    [10, 1],
    [11, 2],
  ])('after %d unavailable attempts has warned %d times, not once per retry', async (failures, warnings) => {
    const log = new FlakyForOneEvent('raised', failures);
    await log.prepare();
    const recorded = recordingLog();
    const writer = new OrderedStreamWriter(log, 'alerts', recorded, NO_WAIT);
    await writer.append([event('raised')]);
    expect(recorded.warn).toHaveBeenCalledTimes(warnings);
    expect(recorded.warn.mock.calls[0]?.[0]).toContain('alerts events wait for the store: connection refused');
  });

  it.each([
    ['a refusal of the content', new StoreRejectedError('body too large')],
    ['a programming error', new TypeError('cannot read properties of undefined')],
  ])('fails a batch at once on %s, and writes the next batch', async (_, error) => {
    const log = await preparedMemoryLog();
    log.failNext(1, error);
    const writer = new OrderedStreamWriter(log, 'alerts', recordingLog(), NO_WAIT);
    const refused = writer.append([event('a')]).then(
      () => 'stored',
      (failure: unknown) => failure,
    );
    await new Promise((resolve) => setImmediate(resolve));
    const next = writer.append([event('b')]);
    expect(await refused).toBe(error);
    expect((await next).map((e) => [e.seq, e.body['name']])).toEqual([[1, 'b']]);
    await writer.close();
    expect(writer.backlog).toBe(0);
  });

  it('when batches written together are refused, writes each alone, so only the batch at fault fails', async () => {
    const log = new RefusingEvent('bad');
    await log.prepare();
    const writer = new OrderedStreamWriter(log, 'alerts', recordingLog(), NO_WAIT);
    const before = writer.append([event('a')]);
    const refused = writer.append([event('bad')]);
    const after = writer.append([event('c')]);
    await expect(refused).rejects.toBeInstanceOf(StoreRejectedError);
    expect((await before).map((e) => [e.seq, e.body['name']])).toEqual([[1, 'a']]);
    expect((await after).map((e) => [e.seq, e.body['name']])).toEqual([[2, 'c']]);
    expect(names(await log.read('alerts'))).toEqual(['a', 'c']);
  });

  it('on close waits for what is queued, even through an outage', async () => {
    const log = new FlakyForOneEvent('a', 2);
    await log.prepare();
    const writer = new OrderedStreamWriter(log, 'alerts', recordingLog(), NO_WAIT);
    const written = writer.append([event('a')]);
    writer.append([event('b')]).catch(() => undefined);
    await writer.close();
    expect(names(await log.read('alerts'))).toEqual(['a', 'b']);
    await expect(written).resolves.toHaveLength(1);
  });

  it('on close gives up on a store that stays down after the grace, and stops retrying', async () => {
    const log = new FlakyForOneEvent('a', Number.POSITIVE_INFINITY);
    await log.prepare();
    const writer = new OrderedStreamWriter(log, 'alerts', recordingLog(), { initialMs: 1, maxMs: 1 });
    const written = writer.append([event('a')]);
    written.catch(() => undefined);
    await writer.close(20);
    await expect(written).rejects.toBeInstanceOf(StoreUnavailableError);
    const attempts = log.attempts;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log.attempts).toBe(attempts);
  });

  it('after close no longer retries: an unavailable store fails the append at once', async () => {
    const log = new FlakyForOneEvent('late', 1);
    await log.prepare();
    const writer = new OrderedStreamWriter(log, 'alerts', recordingLog(), NO_WAIT);
    await writer.close();
    await expect(writer.append([event('late')])).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(log.attempts).toBe(1);
    expect(await log.read('alerts')).toEqual([]);
  });

  it('writes only its own stream', async () => {
    const log = await preparedMemoryLog();
    const writer = new OrderedStreamWriter(log, 'maintenance', recordingLog(), NO_WAIT);
    await writer.append([event('opened')]);
    expect(names(await log.read('maintenance'))).toEqual(['opened']);
    expect(await log.read('alerts')).toEqual([]);
  });
});
