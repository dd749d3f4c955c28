import type { FileHandle } from 'node:fs/promises';
import { parseFrame } from './record';

export interface ScannedFrame {
  readonly seq: number;
  /** A view into the chunk read from disk; valid for as long as it is referenced. */
  readonly payload: Buffer;
  /** Byte offset of the frame's first header byte in the file. */
  readonly offset: number;
  readonly bytes: number;
}

/** What the visitor wants next: go on, stop here, or declare this frame damaged (e.g. a wrong seq). */
export type Visit = 'next' | 'stop' | { readonly corrupt: string };

export type ScanResult =
  /** Every frame up to `offset` (the end asked for) was valid and visited. */
  | { readonly kind: 'end'; readonly offset: number }
  /** The visitor stopped; `offset` is just after the last visited frame. */
  | { readonly kind: 'stopped'; readonly offset: number }
  /** The frame at `offset` is damaged or incomplete; nothing from there on was visited. */
  | { readonly kind: 'bad'; readonly offset: number; readonly reason: string };

/**
 * Walks the frames of a file from `start` to `end`, reading `chunkBytes` at a time, calling
 * `visit` synchronously for each valid frame. A callback rather than an async iterator because
 * recovery walks millions of records and a promise per record would dominate the start-up time.
 */
export async function scanFrames(
  handle: FileHandle,
  start: number,
  end: number,
  chunkBytes: number,
  visit: (frame: ScannedFrame) => Visit,
): Promise<ScanResult> {
  let buffer: Buffer = Buffer.alloc(0);
  let bufferStart = start;
  let position = start;
  while (position < end) {
    const parsed = parseFrame(buffer, position - bufferStart);
    if (parsed.kind === 'corrupt') return { kind: 'bad', offset: position, reason: parsed.reason };
    if (parsed.kind === 'incomplete') {
      if (position + parsed.needBytes > end) {
        return { kind: 'bad', offset: position, reason: `incomplete record: needs ${parsed.needBytes} bytes, ${end - position} left` };
      }
      buffer = await readAt(handle, position, Math.min(end - position, Math.max(chunkBytes, parsed.needBytes)));
      bufferStart = position;
      if (buffer.length < parsed.needBytes) {
        return { kind: 'bad', offset: position, reason: 'the file is shorter than expected' };
      }
      continue;
    }
    const frame: ScannedFrame = { seq: parsed.seq, payload: parsed.payload, offset: position, bytes: parsed.bytes };
    const next = visit(frame);
    if (next !== 'next' && next !== 'stop') return { kind: 'bad', offset: position, reason: next.corrupt };
    position += parsed.bytes;
    if (next === 'stop') return { kind: 'stopped', offset: position };
  }
  return { kind: 'end', offset: position };
}

/** Reads up to `length` bytes at `position`; shorter only if the file ends first. */
export async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === length ? buffer : buffer.subarray(0, filled);
}
