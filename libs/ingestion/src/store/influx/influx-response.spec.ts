import { InfluxStatementError } from './influx-errors';
import { expectStatementOk, statementCount, statementRows } from './influx-response';

describe('InfluxDB /query answers', () => {
  it('turns series into rows keyed by column, tags included', () => {
    const answer = {
      results: [
        {
          statement_id: 0,
          series: [
            { name: 'reading', columns: ['time', 'value', 'station'], values: [[1000, 3, 'A'], [2000, 3.5, 'A']] },
            { name: 'reading', tags: { element: 'flow' }, columns: ['time', 'value'], values: [[3000, 1]] },
          ],
        },
      ],
    };
    expect(statementRows(answer)).toEqual([
      { time: 1000, value: 3, station: 'A' },
      { time: 2000, value: 3.5, station: 'A' },
      { time: 3000, value: 1, element: 'flow' },
    ]);
  });

  it('reads an answer without series as no rows and a zero count', () => {
    const empty = { results: [{ statement_id: 0 }] };
    expect(statementRows(empty)).toEqual([]);
    expect(statementCount(empty)).toBe(0);
  });

  it('reads a count', () => {
    expect(statementCount({ results: [{ statement_id: 0, series: [{ name: 'reading', columns: ['time', 'count'], values: [[0, 7]] }] }] })).toBe(7);
  });

  it('throws statement errors and truncated results as InfluxStatementError', () => {
    expect(() => expectStatementOk({ results: [{ statement_id: 0, error: 'database not found: x' }] })).toThrow(
      new InfluxStatementError('database not found: x'),
    );
    expect(() => statementRows({ error: 'error parsing query' })).toThrow(InfluxStatementError);
    expect(() => statementRows({ results: [{ statement_id: 0, partial: true, series: [] }] })).toThrow(/cut short/);
  });

  it('refuses answers of another shape', () => {
    expect(() => statementRows(undefined)).toThrow(/not a JSON object/);
    expect(() => statementRows({ results: [{ series: [{ columns: [1], values: [] }] }] })).toThrow(/columns/);
  });
});
