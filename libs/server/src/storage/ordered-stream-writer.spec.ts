import { describe, expect, it, jest } from '@jest/globals';
import { type EventStream, type Log, type NewEvent, type StoredEvent, StoreRejectedError, StoreUnavailableError } from '@hydro/ingestion';
import { MemoryEventLog } from '@hydro/ingestion/store/memory-event-log';
import { OrderedStreamWriter } from './ordered-stream-writer';

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

  it('retries a batch while the store is unavailable, and the batches behind it wait rather than overtake', async () => {
    const log = new FlakyForOneEvent('raised', 3);
    await log.prepare();
    const writer = new OrderedStreamWriter(log, 'alerts', recordingLog(), NO_WAIT);
    const first = writer.append([event('raised')]);
    const second = writer.append([event('escalated')]);
    expect(writer.backlog).toBe(2);
    expect((await first).map((e) => e.seq)).toEqual([1]);
    expect((await second).map((e) => e.seq)).toEqual([2]);
    expect(names(await log.read('alerts'))).toEqual(['raised', 'escalated']);
    // Three refusals, the raised batch, then the escalated batch: nothing was sent out of turn.
    expect(log.attempts).toBe(5);
    expect(writer.backlog).toBe(0);
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
    const refused = writer.append([event('a')]);
    const next = writer.append([event('b')]);
    await expect(refused).rejects.toBe(error);
    expect((await next).map((e) => [e.seq, e.body['name']])).toEqual([[1, 'b']]);
    await writer.close();
    expect(writer.backlog).toBe(0);
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
