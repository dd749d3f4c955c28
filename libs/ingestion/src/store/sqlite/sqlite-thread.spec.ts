import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import Sqlite from 'better-sqlite3';
import { StoreUnavailableError } from '../reading-store';
import { levelAt, removeStoreFiles, rowsIn, storeFile } from './__fixtures__/store-files';
import { SqliteThread } from './sqlite-thread';
import type { SqliteRead } from './sqlite-reader';

const dirs: string[] = [];
const threads: SqliteThread[] = [];
afterEach(async () => {
  for (const thread of threads.splice(0)) await thread.close();
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  removeStoreFiles();
});

/** A WAL database with a table `n` of the numbers 1..count. */
function databaseOf(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'hydro-read-thread-'));
  dirs.push(dir);
  const file = join(dir, 'store.sqlite');
  const db = new Sqlite(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE n (v INTEGER PRIMARY KEY)');
  const insert = db.prepare('INSERT INTO n (v) VALUES (?)');
  db.transaction(() => {
    for (let v = 1; v <= count; v += 1) insert.run(v);
  })();
  db.close();
  return file;
}

function threadOn(file: string, role: 'read' | 'write' = 'read'): SqliteThread {
  const thread = new SqliteThread(file, role);
  threads.push(thread);
  return thread;
}

const sql = (text: string): SqliteRead => ({ kind: 'all', sql: { text, params: {} } });

/** A read that keeps SQLite busy for a while (most of a second here): a recursive count to 3 million. */
const SLOW = sql('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT count(*) AS count FROM c');

describe('SqliteThread', () => {
  it('answers a read with the rows of the file', async () => {
    const thread = threadOn(databaseOf(5));
    await expect(thread.read(sql('SELECT sum(v) AS total FROM n'))).resolves.toEqual([{ total: 15 }]);
  });

  it('keeps the event loop turning while a long read runs', async () => {
    const thread = threadOn(databaseOf(1));
    await thread.read(sql('SELECT 1')); // the thread is up
    const order: string[] = [];
    const read = thread.read(SLOW).then(() => order.push('read'));
    await new Promise<void>((resolve) => setImmediate(resolve)).then(() => order.push('turn'));
    await read;
    expect(order).toEqual(['turn', 'read']);
  });

  it('answers reads in the order they were asked', async () => {
    const thread = threadOn(databaseOf(3));
    const answers = await Promise.all([1, 2, 3].map((v) => thread.read({ kind: 'all', sql: { text: 'SELECT v FROM n WHERE v = @v', params: { v } } })));
    expect(answers).toEqual([[{ v: 1 }], [{ v: 2 }], [{ v: 3 }]]);
  });

  it('hands back what SQLite refused as data, with its result code', async () => {
    const thread = threadOn(databaseOf(1));
    await expect(thread.read(sql('SELECT * FROM no_such_table'))).rejects.toMatchObject({ code: 'SQLITE_ERROR', message: 'no such table: no_such_table' });
    await expect(thread.read(sql('SELECT v FROM n'))).resolves.toEqual([{ v: 1 }]);
  });

  it('fails reads against a file that is not there, and opens the file once it is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hydro-read-thread-'));
    dirs.push(dir);
    const thread = threadOn(join(dir, 'later.sqlite'));
    await expect(thread.read(sql('SELECT 1 AS one'))).rejects.toEqual(expect.objectContaining({ code: 'SQLITE_CANTOPEN' }));
    new Sqlite(join(dir, 'later.sqlite')).close();
    await expect(thread.read(sql('SELECT 1 AS one'))).resolves.toEqual([{ one: 1 }]);
  });

  it('fails the reads a dead thread held as unavailable, and starts another for the next read', async () => {
    const thread = threadOn(databaseOf(2));
    await thread.read(sql('SELECT 1'));
    const held = thread.read(SLOW).catch((error: unknown) => error);
    await (thread as unknown as { worker: Worker }).worker.terminate();
    const error = await held;
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(/read thread of the SQLite store .* stopped with exit code 1; the next piece of work starts another/);
    await expect(thread.read(sql('SELECT count(*) AS count FROM n'))).resolves.toEqual([{ count: 2 }]);
  });

  it('fails a read still running when it is closed, and refuses reads afterwards', async () => {
    const thread = threadOn(databaseOf(1));
    const running = thread.read(SLOW).catch((error: unknown) => error);
    await thread.close();
    expect(await running).toEqual(new StoreUnavailableError(`the SQLite store ${thread.file} was closed during the read`));
    await expect(thread.read(sql('SELECT 1'))).rejects.toThrow(/is closed/);
  });

  it('lets the process exit when idle, though never closed', () => {
    const file = databaseOf(1);
    const script = `
      const { SqliteThread } = require(${JSON.stringify(join(__dirname, 'sqlite-thread.ts'))});
      new SqliteThread(${JSON.stringify(file)}, 'read').read({ kind: 'all', sql: { text: 'SELECT 42 AS answer', params: {} } })
        .then((rows) => console.log(JSON.stringify(rows)));`;
    const child = spawnSync(process.execPath, ['--require', require.resolve('ts-node/register/transpile-only'), '--eval', script], { encoding: 'utf8', timeout: 60_000 });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('[{"answer":42}]');
    expect(child.status).toBe(0);
  });

  describe('a write thread', () => {
    it('has a batch committed, for any other connection to see, when the write resolves', async () => {
      const file = await storeFile();
      const thread = threadOn(file, 'write');
      await thread.write({ readings: [levelAt(0), levelAt(5)], arrivals: [], deadLetters: [] });
      expect(rowsIn(file, 'reading')).toBe(2);
    });

    it('gives contiguous seqs to appends asked one after another without waiting', async () => {
      const file = await storeFile();
      const thread = threadOn(file, 'write');
      const event = (at: number) => ({ at, body: JSON.stringify({ type: 'raised', at }) });
      const firsts = await Promise.all([thread.append('alerts', [event(1), event(2)]), thread.append('alerts', [event(3)]), thread.append('audit', [event(4)])]);
      expect(firsts).toEqual([1, 3, 1]);
      expect(rowsIn(file, 'event')).toBe(4);
    });

    it('hands back a value SQLite cannot bind as data, and goes on writing', async () => {
      const file = await storeFile();
      const thread = threadOn(file, 'write');
      const unbindable = { ...levelAt(0), value: true as unknown as number };
      await expect(thread.write({ readings: [unbindable], arrivals: [], deadLetters: [] })).rejects.toMatchObject({ name: 'TypeError' });
      await thread.write({ readings: [levelAt(10)], arrivals: [], deadLetters: [] });
      expect(rowsIn(file, 'reading')).toBe(1);
    });

    it('finishes the writes it was given before it closes', async () => {
      const file = await storeFile();
      const thread = threadOn(file, 'write');
      const readings = Array.from({ length: 20_000 }, (_, minute) => levelAt(minute));
      const written = thread.write({ readings, arrivals: [], deadLetters: [] });
      await thread.close();
      await expect(written).resolves.toBeUndefined();
      expect(rowsIn(file, 'reading')).toBe(20_000);
      await expect(thread.write({ readings: [levelAt(0)], arrivals: [], deadLetters: [] })).rejects.toThrow(/is closed/);
    });

    it('keeps the event loop turning while a large batch is written', async () => {
      const file = await storeFile();
      const thread = threadOn(file, 'write');
      await thread.write({ readings: [levelAt(-1)], arrivals: [], deadLetters: [] }); // the thread is up
      const order: string[] = [];
      const written = thread.write({ readings: Array.from({ length: 50_000 }, (_, minute) => levelAt(minute)), arrivals: [], deadLetters: [] }).then(() => order.push('write'));
      await new Promise<void>((resolve) => setImmediate(resolve)).then(() => order.push('turn'));
      await written;
      expect(order).toEqual(['turn', 'write']);
    });
  });
});
