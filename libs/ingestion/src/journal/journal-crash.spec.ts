import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { makeTempDir, removeDir } from './__fixtures__/temp-dir';
import { Journal } from './journal';

const FIXTURE = path.join(__dirname, '__fixtures__', 'append-until-killed.ts');
const REPO_ROOT = path.resolve(__dirname, '../../../..');

interface ChildRun {
  /** seq → payload for every append the child reported as resolved. */
  readonly acknowledged: Map<number, string>;
  /** The journal's lastSeq when the child opened it. */
  readonly startedAt: number;
}

/**
 * Runs the appending child until it has reported `killAfter` resolved appends, then SIGKILLs it
 * (no close, no flush: whatever is not durable by then is lost, as in a crash).
 */
function appendUntilKilled(dir: string, killAfter: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', FIXTURE, dir, '16', '65536'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acknowledged = new Map<number, string>();
    let startedAt = -1;
    let partial = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const space = line.indexOf(' ');
        const [head, rest] = [line.slice(0, space), line.slice(space + 1)];
        if (head === 'ready') startedAt = Number(rest);
        else acknowledged.set(Number(head), rest);
      }
      if (acknowledged.size >= killAfter && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the child exited on its own (code ${code}): ${stderr}`));
      else resolve({ acknowledged, startedAt });
    });
  });
}

async function readEverything(journal: Journal): Promise<Map<number, string>> {
  const records = new Map<number, string>();
  let after = 0;
  for (;;) {
    const page = await journal.readAfter(after, 1024 * 1024);
    if (page.length === 0) return records;
    for (const record of page) records.set(record.seq, record.payload.toString());
    after = page[page.length - 1]!.seq;
  }
}

describe('Journal after SIGKILL', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir('journal-crash-');
  });
  afterEach(() => removeDir(dir));

  it('keeps every acknowledged record intact and in order across two crashes', async () => {
    const acknowledged = new Map<number, string>();
    let previousLast = 0;
    for (const killAfter of [3_000, 5_000]) {
      const run = await appendUntilKilled(dir, killAfter);
      // The child continued the sequence from what the previous crash left durable.
      expect(run.startedAt).toBe(previousLast);
      for (const [seq, payload] of run.acknowledged) acknowledged.set(seq, payload);

      const warnings: string[] = [];
      const journal = await Journal.open(dir, { segmentBytes: 65_536, log: { warn: (message) => warnings.push(message) } });
      try {
        const stored = await readEverything(journal);
        expect(journal.lastSeq).toBeGreaterThanOrEqual(Math.max(...acknowledged.keys()));
        // Contiguous from 1: nothing in the middle went missing.
        expect([...stored.keys()]).toEqual(Array.from({ length: journal.lastSeq }, (_, i) => i + 1));
        const lost = [...acknowledged].filter(([seq, payload]) => stored.get(seq) !== payload);
        expect(lost).toEqual([]);
        previousLast = journal.lastSeq;
      } finally {
        await journal.close();
      }
    }
  }, 120_000);
});
