import * as crypto from 'node:crypto';
import * as zlib from 'node:zlib';
import { crc32, crc32Implementation } from './crc32';
import { crc32Table } from './crc32-table';

describe('crc32', () => {
  it('gives the standard check value for "123456789"', () => {
    const data = Buffer.from('123456789');
    expect(crc32Table(data)).toBe(0xcbf43926);
    expect(crc32(data)).toBe(0xcbf43926);
  });

  it('uses zlib.crc32 when this Node.js has it', () => {
    expect(crc32Implementation).toBe(typeof zlib.crc32 === 'function' ? 'zlib' : 'table');
  });

  it('the table fallback matches the native one, also when continuing from a previous value', () => {
    for (let i = 0; i < 50; i++) {
      const data = crypto.randomBytes(i * 37);
      expect(crc32Table(data)).toBe(crc32(data));
      const split = Math.floor(data.length / 3);
      expect(crc32Table(data.subarray(split), crc32Table(data.subarray(0, split)))).toBe(crc32(data));
    }
  });
});
