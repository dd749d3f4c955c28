import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { monitorEventLoopDelay, type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';

/**
 * Preloaded into the ingestor (NODE_OPTIONS=--require …) to look inside it during one run,
 * start-up excluded: the first SIGUSR2 starts V8's sampling profiler, an event-loop delay
 * histogram, a log of GC pauses and a memory sampler; the second writes them all to
 * BENCH_CPU_PROFILE_DIR. `node --cpu-prof` cannot be used: NODE_OPTIONS refuses it,
 * IngestorProcess fixes the command line, and it writes only at a normal exit, while Nest ends
 * a SIGTERMed app by raising the signal again.
 */
const directory = process.env['BENCH_CPU_PROFILE_DIR'];
if (directory !== undefined) {
  const session = new Session();
  session.connect();
  let profiling = false;
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  const gcPauses: Record<string, { count: number; totalMs: number; maxMs: number }> = {};
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = String((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 'gc');
      const stats = (gcPauses[kind] ??= { count: 0, totalMs: 0, maxMs: 0 });
      stats.count += 1;
      stats.totalMs += entry.duration;
      stats.maxMs = Math.max(stats.maxMs, entry.duration);
    }
  });
  const peak = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
  let memoryTimer: NodeJS.Timeout | undefined;
  process.on('SIGUSR2', () => {
    if (!profiling) {
      profiling = true;
      loopDelay.enable();
      gcObserver.observe({ entryTypes: ['gc'] });
      memoryTimer = setInterval(() => {
        const usage = process.memoryUsage();
        for (const key of Object.keys(peak) as Array<keyof typeof peak>) peak[key] = Math.max(peak[key], usage[key]);
      }, 100);
      session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 500 }, () => session.post('Profiler.start')));
      return;
    }
    loopDelay.disable();
    gcObserver.disconnect();
    clearInterval(memoryTimer);
    const ms = (ns: number): number => Math.round(ns / 1e5) / 10;
    const mib = (bytes: number): number => Math.round(bytes / 1024 / 1024);
    const inside = {
      eventLoopDelayMs: { p50: ms(loopDelay.percentile(50)), p99: ms(loopDelay.percentile(99)), max: ms(loopDelay.max), mean: ms(loopDelay.mean) },
      // V8 GC kinds: 1 scavenge (young generation), 2 mark-sweep-compact (full), 4 incremental marking, 8 weak callbacks.
      gcPauses: Object.fromEntries(Object.entries(gcPauses).map(([kind, s]) => [kind, { count: s.count, totalMs: Math.round(s.totalMs), maxMs: Math.round(s.maxMs) }])),
      peakMemoryMiB: Object.fromEntries(Object.entries(peak).map(([key, bytes]) => [key, mib(bytes)])),
    };
    writeFileSync(join(directory, `ingestor-${process.pid}.inside.json`), JSON.stringify(inside));
    session.post('Profiler.stop', (error, result) => {
      if (error) throw error;
      writeFileSync(join(directory, `ingestor-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
