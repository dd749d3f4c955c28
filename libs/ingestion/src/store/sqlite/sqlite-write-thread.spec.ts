import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { levelAt, removeStoreFiles, rowsIn, storeFile } from './__fixtures__/store-files';
import { openWriteThread } from './sqlite-write-thread';

afterAll(removeStoreFiles);

const batchOf = (...minutes: number[]) => ({ readings: minutes.map(levelAt), arrivals: [], deadLetters: [] });
const event = (at: number) => ({ at, body: JSON.stringify({ type: 'raised', at }) });

describe('openWriteThread', () => {
  it('gives the users of one file one queue: appends and batch writes asked together are all stored', async () => {
    const file = await storeFile();
    const readings = openWriteThread(file);
    const events = openWriteThread(join(file, '..', '.', 'hydro.sqlite'));
    const firsts = await Promise.all([readings.write(batchOf(0)), events.append('alerts', [event(1)]), readings.write(batchOf(5)), events.append('alerts', [event(2)])]);
    expect(firsts).toEqual([undefined, 1, undefined, 2]);
    expect([rowsIn(file, 'reading'), rowsIn(file, 'event')]).toEqual([2, 2]);
    await Promise.all([readings.release(), events.release()]);
  });

  it('keeps the thread for the other user when one releases, and stops it when the last does', async () => {
    const file = await storeFile();
    const first = openWriteThread(file);
    const second = openWriteThread(file);
    await first.write(batchOf(0));
    await first.release();
    await first.release(); // idempotent: it does not take the second user's hold
    await second.write(batchOf(5));
    await second.release();
    await expect(second.write(batchOf(10))).rejects.toThrow(/is closed/);
    const later = openWriteThread(file);
    await later.write(batchOf(15));
    await later.release();
    expect(rowsIn(file, 'reading')).toBe(3);
  });
});
