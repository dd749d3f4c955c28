import { InfluxStatementError } from './influx-errors';

/**
 * The JSON that InfluxDB's v1 `/query` answers, read without trusting its shape:
 * {"results":[{"statement_id":0,"series":[{"name":"…","columns":["time",…],"values":[[…],…]}],"error":"…"}]}
 */

export type Row = Readonly<Record<string, unknown>>;

/**
 * The rows of the single statement sent, one object per row keyed by column name (tags included).
 * A statement error arrives inside a 200 answer and is thrown as InfluxStatementError.
 */
export function statementRows(answer: unknown): Row[] {
  const result = singleResult(answer);
  const series = result['series'];
  if (series === undefined) return [];
  if (!Array.isArray(series)) throw malformed('series is not a list');
  return series.flatMap((entry: unknown) => seriesRows(entry));
}

/** The value of a `SELECT count(…)` statement; no series means nothing matched. */
export function statementCount(answer: unknown): number {
  const rows = statementRows(answer);
  const total = rows.reduce((sum, row) => {
    const count = row['count'];
    if (typeof count !== 'number') throw malformed('count is not a number');
    return sum + count;
  }, 0);
  return total;
}

/** Only checks that the statement succeeded (CREATE, ALTER, SHOW used as an existence check). */
export function expectStatementOk(answer: unknown): void {
  singleResult(answer);
}

function singleResult(answer: unknown): Record<string, unknown> {
  if (!isRecord(answer)) throw malformed('the answer is not a JSON object');
  if (typeof answer['error'] === 'string') throw new InfluxStatementError(answer['error']);
  const results = answer['results'];
  if (!Array.isArray(results)) throw malformed('results is missing');
  const result: unknown = results[0];
  if (!isRecord(result)) throw malformed('results[0] is missing');
  if (typeof result['error'] === 'string') throw new InfluxStatementError(result['error']);
  // Without chunking, 1.x cuts a result at max-row-limit and marks it partial: never hand out half an answer.
  if (result['partial'] === true) throw new InfluxStatementError('the result was cut short by the server (max-row-limit); ask for a narrower time range');
  return result;
}

function seriesRows(entry: unknown): Row[] {
  if (!isRecord(entry)) throw malformed('a series is not an object');
  const { columns, values } = entry;
  if (!Array.isArray(columns) || !columns.every((c): c is string => typeof c === 'string')) throw malformed('series columns are not strings');
  if (values === undefined) return [];
  if (!Array.isArray(values)) throw malformed('series values are not a list');
  const tags = isRecord(entry['tags']) ? entry['tags'] : {};
  return values.map((value: unknown) => {
    if (!Array.isArray(value)) throw malformed('a series row is not a list');
    const row: Record<string, unknown> = { ...tags };
    columns.forEach((column, index) => {
      row[column] = value[index] as unknown;
    });
    return row;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function malformed(what: string): Error {
  return new Error(`unexpected answer from InfluxDB /query: ${what}`);
}
