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
