import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { makeTempDir, removeDir } from './__fixtures__/temp-dir';
import { CHECKPOINT_FILE, decodeCheckpoint, encodeCheckpoint, readCheckpoint, writeCheckpoint } from './checkpoint-file';
import { JournalCorruptionError } from './errors';

describe('checkpoint file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(() => removeDir(dir));

  it('is 0 before anything was checkpointed', async () => {
    expect(await readCheckpoint(dir)).toBe(0);
  });

  it('persists the latest seq, also above 2^32', async () => {
    await writeCheckpoint(dir, 17);
    expect(await readCheckpoint(dir)).toBe(17);
    await writeCheckpoint(dir, 2 ** 33 + 5);
    expect(await readCheckpoint(dir)).toBe(2 ** 33 + 5);
    expect(await fs.readdir(dir)).toEqual([CHECKPOINT_FILE]);
  });

  it('ignores and removes a temp file a crash left behind', async () => {
    await writeCheckpoint(dir, 3);
    await fs.writeFile(path.join(dir, 'checkpoint.tmp'), 'half');
    expect(await readCheckpoint(dir)).toBe(3);
    expect(await fs.readdir(dir)).toEqual([CHECKPOINT_FILE]);
  });

  it('refuses a damaged checkpoint, naming the file', async () => {
    const content = encodeCheckpoint(99);
    content[5] = (content[5] as number) ^ 1;
    expect(decodeCheckpoint(content)).toBeUndefined();
    await fs.writeFile(path.join(dir, CHECKPOINT_FILE), content);
    await expect(readCheckpoint(dir)).rejects.toThrow(JournalCorruptionError);
    await expect(readCheckpoint(dir)).rejects.toThrow(path.join(dir, CHECKPOINT_FILE));
  });
});
