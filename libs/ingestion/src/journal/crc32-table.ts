/**
 * Table-driven CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320, the one zlib uses).
 * Only used when this Node.js has no `zlib.crc32` (added in 20.15 / 22.2); kept so the
 * on-disk format does not depend on the runtime version.
 */
const TABLE = buildTable();

function buildTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** CRC-32 of `data`, continuing from `initial` (the CRC of the bytes before it) like `zlib.crc32`. */
export function crc32Table(data: Uint8Array, initial = 0): number {
  let crc = (initial ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) {
    crc = (TABLE[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}
