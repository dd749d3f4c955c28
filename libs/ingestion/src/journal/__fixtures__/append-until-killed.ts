/**
 * Child process for the crash test: appends records from several concurrent producers and prints
 * "<seq> <payload>" for each append as soon as it resolves, until the parent SIGKILLs it.
 * stdout to a pipe is synchronous on Linux, so every line the parent got was printed before the kill.
 * Run as: node -r ts-node/register/transpile-only append-until-killed.ts <dir> <producers> <segmentBytes>
 */
import { Journal } from '../journal';

async function main(): Promise<void> {
  const [dir, producers = '8', segmentBytes = '65536'] = process.argv.slice(2);
  if (!dir) throw new Error('usage: append-until-killed <dir> [producers] [segmentBytes]');
  const journal = await Journal.open(dir, { segmentBytes: Number(segmentBytes) });
  process.stdout.write(`ready ${journal.lastSeq}\n`);
  const run = process.pid;
  await Promise.all(
    Array.from({ length: Number(producers) }, async (_, producer) => {
      for (let i = 0; ; i++) {
        const payload = `${run}:${producer}:${i}:${'x'.repeat(i % 200)}`;
        const seq = await journal.append(Buffer.from(payload));
        process.stdout.write(`${seq} ${payload}\n`);
      }
    }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
