/**
 * Preloaded into the centre under test (NODE_OPTIONS `--require`, after ts-node) when BENCH_STALL_FILE
 * names a file: a timer due every TICK_MS notes each turn of the event loop that held it up by
 * STALL_MS or more (a synchronous block: a store write, a sweep, a GC pause), and the file gets those
 * stalls when the centre is told to stop, each with the CPU time the process used meanwhile (much less
 * than the stall: the process was off the CPU, descheduled or blocked in a system call, not computing).
 * With BENCH_CPU_PROFILE_FILE too, a CPU profile of the run
 * (Node refuses --cpu-prof in NODE_OPTIONS; an in-process inspector session answers synchronously).
 * Written on SIGTERM, before the centre's own shutdown, which ends by re-raising the signal (no 'exit').
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { type LoopStallRecord, STALL_MS, TICK_MS } from './loop-stalls';

const stallFile = process.env['BENCH_STALL_FILE'];
if (stallFile !== undefined && stallFile !== '') {
  const stalls: Array<[number, number, number]> = [];
  const round = (ms: number): number => Math.round(ms * 10) / 10;
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    const late = now - last - TICK_MS;
    if (late >= STALL_MS) stalls.push([Date.now(), round(late), round((cpu.user + cpu.system) / 1000)]);
    last = now;
    lastCpu = process.cpuUsage();
  }, TICK_MS).unref();
  process.once('SIGTERM', () => {
    const record: LoopStallRecord = { stalls };
    writeFileSync(stallFile, JSON.stringify(record));
  });
}

const profileFile = process.env['BENCH_CPU_PROFILE_FILE'];
if (profileFile !== undefined && profileFile !== '') {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  process.once('SIGTERM', () => {
    session.post('Profiler.stop', (error, result) => {
      if (error === null) writeFileSync(profileFile, JSON.stringify(result.profile));
    });
  });
}
