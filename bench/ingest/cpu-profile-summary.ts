import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** The parts of a V8 .cpuprofile (Chrome DevTools format) that a summary needs. */
interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface FrameShare {
  readonly frame: string;
  /** % of all samples whose innermost frame is this function. */
  readonly selfPercent: number;
  /** % of all samples with this function anywhere on the stack. */
  readonly totalPercent: number;
}

const ROOT = process.cwd();

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^file:\/\//, '');
  const where = file === '' ? '' : ` ${file.startsWith('/') ? relative(ROOT, file) : file}:${lineNumber + 1}`;
  return `${functionName || '(anonymous)'}${where}`;
}

/** Where a frame's code lives: an npm package, one of our files, Node's internals, or V8's own pseudo-frames. */
function moduleOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packageMatch) return `npm:${packageMatch[1]}`;
  if (url.startsWith('node:')) return 'node internals';
  return relative(ROOT, url.replace(/^file:\/\//, ''));
}

/** Self and total time per function, and self time per module, by sample counts, largest first. */
export function summariseProfile(path: string, top = 25): { self: FrameShare[]; total: FrameShare[]; modules: Array<[string, number]>; samples: number } {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const modules = new Map<string, number>();
  for (const sample of profile.samples) {
    const leaf = byId.get(sample);
    if (!leaf) continue;
    const leafName = frameName(leaf);
    self.set(leafName, (self.get(leafName) ?? 0) + 1);
    const module = moduleOf(leaf);
    modules.set(module, (modules.get(module) ?? 0) + 1);
    const onStack = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const node = byId.get(id);
      if (node) onStack.add(frameName(node));
    }
    for (const name of onStack) total.set(name, (total.get(name) ?? 0) + 1);
  }
  const n = profile.samples.length;
  const ranked = (counts: Map<string, number>): FrameShare[] =>
    [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([frame]) => ({ frame, selfPercent: ((self.get(frame) ?? 0) / n) * 100, totalPercent: ((total.get(frame) ?? 0) / n) * 100 }));
  const moduleShares = [...modules].sort((a, b) => b[1] - a[1]).slice(0, top).map(([module, count]): [string, number] => [module, (count / n) * 100]);
  return { self: ranked(self), total: ranked(total), modules: moduleShares, samples: n };
}
