import { crc32 } from './crc32';

/**
 * One journal record on disk, little-endian:
 *   [u32 payload length][u32 CRC-32 of seq + payload][u64 seq][payload]
 * The seq sits right before the payload so a single CRC pass covers both.
 */
export const HEADER_BYTES = 16;

/** Far above any telemetry message; a larger length field is taken as damage, not as a record. */
export const MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;

const TWO_POW_32 = 2 ** 32;
/** Highest u32 that keeps `high * 2^32 + low` within Number.MAX_SAFE_INTEGER. */
const MAX_SEQ_HIGH = 2 ** 21 - 1;

export type ParsedFrame =
  | { readonly kind: 'record'; readonly seq: number; readonly payload: Buffer; readonly bytes: number }
  /** The buffer ends inside the frame; `needBytes` from the frame start would be enough to decide. */
  | { readonly kind: 'incomplete'; readonly needBytes: number }
  | { readonly kind: 'corrupt'; readonly reason: string };

export function frameBytes(payloadLength: number): number {
  return HEADER_BYTES + payloadLength;
}

/** Writes one frame into `target` at `offset` and returns the offset after it. */
export function writeFrame(target: Buffer, offset: number, seq: number, payload: Uint8Array): number {
  const end = offset + HEADER_BYTES + payload.length;
  target.writeUInt32LE(payload.length, offset);
  target.writeUInt32LE(seq >>> 0, offset + 8);
  target.writeUInt32LE(Math.floor(seq / TWO_POW_32), offset + 12);
  target.set(payload, offset + HEADER_BYTES);
  target.writeUInt32LE(crc32(target.subarray(offset + 8, end)), offset + 4);
  return end;
}

/** Reads the frame at `offset`; the payload is a view into `buffer`, not a copy. */
export function parseFrame(buffer: Buffer, offset: number): ParsedFrame {
  const available = buffer.length - offset;
  if (available < HEADER_BYTES) return { kind: 'incomplete', needBytes: HEADER_BYTES };
  const length = buffer.readUInt32LE(offset);
  if (length > MAX_PAYLOAD_BYTES) return { kind: 'corrupt', reason: `length field ${length} exceeds the maximum ${MAX_PAYLOAD_BYTES}` };
  const bytes = HEADER_BYTES + length;
  if (available < bytes) return { kind: 'incomplete', needBytes: bytes };
  const high = buffer.readUInt32LE(offset + 12);
  if (high > MAX_SEQ_HIGH) return { kind: 'corrupt', reason: 'sequence number beyond 2^53' };
  const end = offset + bytes;
  const stored = buffer.readUInt32LE(offset + 4);
  const actual = crc32(buffer.subarray(offset + 8, end));
  if (stored !== actual) return { kind: 'corrupt', reason: `CRC mismatch (stored ${hex(stored)}, computed ${hex(actual)})` };
  const seq = high * TWO_POW_32 + buffer.readUInt32LE(offset + 8);
  return { kind: 'record', seq, payload: buffer.subarray(offset + HEADER_BYTES, end), bytes };
}

function hex(value: number): string {
  return `0x${value.toString(16).padStart(8, '0')}`;
}
