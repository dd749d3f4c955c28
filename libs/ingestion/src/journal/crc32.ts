import * as zlib from 'node:zlib';
import { crc32Table } from './crc32-table';

export type Crc32 = (data: Uint8Array, initial?: number) => number;

/**
 * `zlib.crc32` is native and several times faster than the table; `engines` asks for Node 20.19,
 * which has it, but the check stays because the typings cannot tell us what the runtime has.
 */
const native: Crc32 | undefined = typeof zlib.crc32 === 'function' ? zlib.crc32 : undefined;

export const crc32: Crc32 = native ?? crc32Table;
export const crc32Implementation: 'zlib' | 'table' = native ? 'zlib' : 'table';
