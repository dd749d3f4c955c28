/** A cell: text as is, numbers in plain decimal, null and undefined as empty. */
export type CsvValue = string | number | null | undefined;

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * One RFC 4180 field: quoted when it holds a comma, quote or line break (or edge spaces, which some
 * readers trim), with quotes doubled. Chinese text needs nothing: the file is UTF-8.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Records separated and ended by CRLF, as RFC 4180 writes them. */
export function csvText(records: readonly (readonly CsvValue[])[]): string {
  return records.map((record) => `${record.map(csvField).join(',')}\r\n`).join('');
}
