import type { Severity } from './severity';

/**
 * Deterministic alert id: `<crossing observation time, UTC, to the second>-<16 hex digits>`, e.g.
 * `20240915T083000Z-9c1e5f0b2a7d4e36`. The hash covers rule, subject and the exact millisecond, so
 * re-feeding the same readings gives the same ids. Only [0-9A-Za-z-]: safe as a URL path segment and
 * as an MQTT topic level (no '/', '+' or '#'). The time prefix makes ids sort by crossing time.
 * An alert raised for a higher peak a late batch revealed within an episode already resolved may
 * share its crossing time with that episode's alert; `revealedPeak` then tells the two apart.
 */
export function alertIdOf(ruleId: string, subjectId: string, raisedObservedAt: number, revealedPeak?: Severity): string {
  if (!Number.isFinite(raisedObservedAt)) {
    throw new RangeError(`Alert crossing time must be a finite epoch ms, got ${raisedObservedAt}`);
  }
  const revealed = revealedPeak === undefined ? '' : `\u0000revealed ${revealedPeak}`;
  const hash = fnv1a64(`${ruleId}\u0000${subjectId}\u0000${raisedObservedAt}${revealed}`);
  return `${compactUtc(raisedObservedAt)}-${hash}`;
}

/** 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z. */
const MIN_FOUR_DIGIT_YEAR_MS = -62_167_219_200_000;
const MAX_FOUR_DIGIT_YEAR_MS = 253_402_300_799_999;

function compactUtc(epochMs: number): string {
  // Outside four-digit years ISO strings gain a '+' sign; fall back to the plain number there.
  if (epochMs < MIN_FOUR_DIGIT_YEAR_MS || epochMs > MAX_FOUR_DIGIT_YEAR_MS) return `t${Math.trunc(epochMs)}`;
  const iso = new Date(epochMs).toISOString(); // 2024-09-15T08:30:00.000Z
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

/** FNV-1a over the UTF-16 code units; runs once per raised alert, so BigInt speed is no concern. */
function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash.toString(16).padStart(16, '0');
}
