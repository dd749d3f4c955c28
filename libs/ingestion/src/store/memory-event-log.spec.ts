import { describe, expect, it } from '@jest/globals';
import { describeEventLogContract } from './event-log.contract';
import { MemoryEventLog } from './memory-event-log';
import { StoreUnavailableError } from './reading-store';

describeEventLogContract('MemoryEventLog', async () => {
  const log = new MemoryEventLog();
  return { log, reopen: async () => log.reopened(), cleanup: () => log.close() };
});

const T0 = Date.UTC(2023, 8, 21, 2, 5, 0);

describe('MemoryEventLog', () => {
  it('fails exactly the next scripted appends, consuming no seq, then numbers on from where it was', async () => {
    const log = new MemoryEventLog();
    await log.prepare();
    await log.append('alerts', [{ at: T0, body: { n: 1 } }]);
    const down = new StoreUnavailableError('connection refused');
    log.failNext(2, down);
    await expect(log.append('alerts', [{ at: T0, body: { n: 2 } }])).rejects.toBe(down);
    await expect(log.append('alerts', [{ at: T0, body: { n: 2 } }])).rejects.toBe(down);
    expect(log.lastSeq('alerts')).toBe(1);
    expect(await log.append('alerts', [{ at: T0, body: { n: 2 } }])).toEqual([{ stream: 'alerts', seq: 2, at: T0, body: { n: 2 } }]);
    expect((await log.read('alerts')).map((e) => e.body)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('hands out copies: changing an event read or appended leaves the log as it was', async () => {
    const log = new MemoryEventLog();
    await log.prepare();
    const body = { alert: { level: 'yellow' } };
    const [appended] = await log.append('alerts', [{ at: T0, body }]);
    body.alert.level = 'red';
    (appended!.body['alert'] as { level: string }).level = 'orange';
    expect((await log.read('alerts'))[0]?.body).toEqual({ alert: { level: 'yellow' } });
  });
});
