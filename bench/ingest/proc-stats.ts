import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * What /proc says about the processes of a run: who they are, CPU time used, peak RSS.
 * Linux only. The servers are children of this process (ManagedProcess spawns them), found by
 * a string unique to them: the config file in their command line, or an environment entry
 * such as the ingestor's DATA_DIR (its command line is the same for every ingestor).
 */

/** Clock ticks per second of utime/stime in /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

function readProc(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

/** Pids of the direct children of `parent`. */
export function childPids(parent: number = process.pid): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(Number(entry), 'stat');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields && Number(fields[1]) === parent) pids.push(Number(entry));
  }
  return pids;
}

/** The child of this process whose command line (or, with `inEnvironment`, environment) contains `needle`. */
export function findChild(needle: string, inEnvironment = false): number | undefined {
  return childPids().find((pid) => (readProc(pid, inEnvironment ? 'environ' : 'cmdline') ?? '').split('\0').some((part) => part.includes(needle)));
}

/** User + system CPU seconds used so far by the process (all its threads). */
export function cpuSeconds(pid: number): number {
  const stat = readProc(pid, 'stat');
  if (stat === undefined) return Number.NaN;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat, i.e. 11 and 12 after the command name.
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/**
 * Bytes the process has passed to write calls so far (`wchar` in /proc/<pid>/io): files, pipes and
 * sockets alike. For a store writer it is dominated by what goes to disk: the journal, SQLite's WAL.
 */
export function bytesWritten(pid: number): number {
  const match = /^wchar:\s+(\d+)$/m.exec(readProc(pid, 'io') ?? '');
  return match ? Number(match[1]) : Number.NaN;
}

/** Peak resident set size (VmHWM) in MiB. */
export function peakRssMiB(pid: number): number {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(readProc(pid, 'status') ?? '');
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** CPU use of named processes between two moments, as % of one core (200 % = both cores of this machine). */
export class CpuMeter {
  private readonly before = new Map<string, number>();
  private startedAt = 0;
  private machineBefore = { busy: 0, total: 0 };

  constructor(private readonly processes: () => Record<string, readonly number[]>) {}

  start(): void {
    this.startedAt = performance.now();
    this.machineBefore = machineJiffies();
    this.before.clear();
    for (const [name, pids] of Object.entries(this.processes())) this.before.set(name, sum(pids.map(cpuSeconds)));
  }

  /**
   * % of one core per name since start() (a process gone by now reads NaN), and `machine`:
   * every process on the machine, ours and other people's, on the same scale.
   */
  read(): Record<string, number> {
    const seconds = (performance.now() - this.startedAt) / 1000;
    const machine = machineJiffies();
    const cores = cpus().length;
    const shares: Record<string, number> = {
      machine: ((machine.busy - this.machineBefore.busy) / Math.max(1, machine.total - this.machineBefore.total)) * cores * 100,
    };
    for (const [name, pids] of Object.entries(this.processes())) {
      shares[name] = ((sum(pids.map(cpuSeconds)) - (this.before.get(name) ?? Number.NaN)) / seconds) * 100;
    }
    return shares;
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

/** Busy and total jiffies of all CPUs (/proc/stat), to tell how busy the machine was overall, our processes or not. */
export function machineJiffies(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const values = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = sum(values);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}

/** Where a thread's wall time went, as fractions of it: running, runnable but waiting for a core, and neither (idle or blocked in I/O such as fsync). */
export interface ThreadTimeShares {
  readonly onCpu: number;
  readonly waitingForCpu: number;
  readonly offCpu: number;
}

/** Nanoseconds on a CPU and waiting in a run queue so far, of the thread whose id is `pid`: the main (JavaScript) thread of a Node process. */
function schedule(pid: number): { onCpuNs: number; waitingNs: number } {
  const [onCpu, waiting] = (readProc(pid, 'schedstat') ?? '').trim().split(' ').map(Number);
  return { onCpuNs: onCpu ?? Number.NaN, waitingNs: waiting ?? Number.NaN };
}

/**
 * Splits the wall time of a process's main thread between two moments (/proc/<pid>/schedstat). On a
 * shared machine "waiting for a CPU" is the share other processes took from it; for a thread that never
 * idles (a loop of synchronous SQLite writes), "off CPU" is the time blocked in I/O, fsync above all.
 */
export class MainThreadTime {
  private before = { onCpuNs: 0, waitingNs: 0 };
  private startedAt = 0;

  constructor(private readonly pid: number) {}

  start(): void {
    this.startedAt = performance.now();
    this.before = schedule(this.pid);
  }

  read(): ThreadTimeShares {
    const wallNs = (performance.now() - this.startedAt) * 1e6;
    const now = schedule(this.pid);
    const onCpu = (now.onCpuNs - this.before.onCpuNs) / wallNs;
    const waitingForCpu = (now.waitingNs - this.before.waitingNs) / wallNs;
    return { onCpu, waitingForCpu, offCpu: Math.max(0, 1 - onCpu - waitingForCpu) };
  }
}
