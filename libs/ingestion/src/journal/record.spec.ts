import { frameBytes, HEADER_BYTES, MAX_PAYLOAD_BYTES, parseFrame, writeFrame } from './record';

function frame(seq: number, payload: Buffer): Buffer {
  const buffer = Buffer.alloc(frameBytes(payload.length));
  writeFrame(buffer, 0, seq, payload);
  return buffer;
}

describe('record framing', () => {
  it('round-trips seq and payload, including seqs above 2^32', () => {
    for (const seq of [1, 42, 2 ** 32 - 1, 2 ** 32, 2 ** 40 + 7, Number.MAX_SAFE_INTEGER]) {
      const payload = Buffer.from(`payload ${seq}`);
      const parsed = parseFrame(frame(seq, payload), 0);
      expect(parsed).toEqual({ kind: 'record', seq, payload, bytes: HEADER_BYTES + payload.length });
    }
  });

  it('lays out [u32 length][u32 crc][u64 seq][payload]', () => {
    const buffer = frame(5, Buffer.from('abc'));
    expect(buffer.length).toBe(19);
    expect(buffer.readUInt32LE(0)).toBe(3);
    expect(buffer.readBigUInt64LE(8)).toBe(5n);
    expect(buffer.subarray(16).toString()).toBe('abc');
  });

  it('accepts an empty payload', () => {
    expect(parseFrame(frame(9, Buffer.alloc(0)), 0)).toMatchObject({ kind: 'record', seq: 9, bytes: HEADER_BYTES });
  });

  it('reports an incomplete header or payload with the bytes needed', () => {
    const buffer = frame(1, Buffer.alloc(100, 1));
    expect(parseFrame(buffer.subarray(0, 10), 0)).toEqual({ kind: 'incomplete', needBytes: HEADER_BYTES });
    expect(parseFrame(buffer.subarray(0, 50), 0)).toEqual({ kind: 'incomplete', needBytes: 116 });
  });

  it('detects a flipped bit in the payload or the seq', () => {
    for (const position of [20, 9]) {
      const buffer = frame(3, Buffer.alloc(32, 7));
      buffer[position] = (buffer[position] as number) ^ 0x10;
      const parsed = parseFrame(buffer, 0);
      expect(parsed.kind).toBe('corrupt');
      expect((parsed as { reason?: string }).reason).toMatch(/^CRC mismatch/);
    }
  });

  it('treats an absurd length as damage rather than waiting for more bytes', () => {
    const buffer = frame(3, Buffer.alloc(4));
    buffer.writeUInt32LE(MAX_PAYLOAD_BYTES + 1, 0);
    expect(parseFrame(buffer, 0).kind).toBe('corrupt');
  });

  it('finds frames at an offset inside a larger buffer', () => {
    const a = frame(1, Buffer.from('first'));
    const b = frame(2, Buffer.from('second'));
    const both = Buffer.concat([a, b]);
    expect(parseFrame(both, a.length)).toMatchObject({ kind: 'record', seq: 2, payload: Buffer.from('second') });
  });
});
