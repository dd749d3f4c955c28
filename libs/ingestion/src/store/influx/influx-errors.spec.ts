import { HttpError, RequestTimedOutError } from '@influxdata/influxdb-client';
import { StoreRejectedError, StoreUnavailableError } from '../reading-store';
import { InfluxStatementError, classifyFailure, influxMessage, isDatabaseNotFound } from './influx-errors';

/** What the client throws for a non-2xx answer, as InfluxDB 1.6 sends it. */
function http1x(status: number, error: string): HttpError {
  return new HttpError(status, 'status text', JSON.stringify({ error }), undefined, 'application/json');
}

function networkError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:8086`), { code });
}

describe('InfluxDB failure classification', () => {
  it.each([
    ['a refused connection', networkError('ECONNREFUSED')],
    ['a reset connection', networkError('ECONNRESET')],
    ['a client timeout', new RequestTimedOutError()],
    ['500 error syncing wal (1.6 under concurrent writes)', http1x(500, 'error syncing wal')],
    ['500 timeout', http1x(500, 'timeout')],
    ['503', http1x(503, 'service unavailable')],
    ['429 too many requests', new HttpError(429, 'Too Many Requests', '', '5')],
    ['408', http1x(408, 'request timeout')],
    ['404 database not found', http1x(404, 'database not found: "hydro"')],
    ['401 bad credentials', http1x(401, 'authorization failed')],
    ['403 no write right', http1x(403, '"u" user is not authorized to write to database "hydro"')],
    ['a statement on a missing database', new InfluxStatementError('database not found: hydro')],
  ])('treats %s as unavailable', (_what, error) => {
    expect(classifyFailure(error, 'a write')).toBeInstanceOf(StoreUnavailableError);
  });

  it.each([
    ['a field type conflict', http1x(400, 'partial write: field type conflict: input field "value" on measurement "reading" is type integer, already exists as type float dropped=1')],
    ['unparsable line protocol', http1x(400, "unable to parse 'reading,station= value=1': missing tag value")],
    ['points beyond retention', http1x(400, 'partial write: points beyond retention policy dropped=2')],
    ['a too large body', http1x(413, 'Request Entity Too Large')],
    ['2.x 422', new HttpError(422, 'Unprocessable Entity', '{"code":"unprocessable entity","message":"failure writing points"}', undefined, 'application/json')],
    ['a query InfluxDB cannot parse', new InfluxStatementError('error parsing query: found EOF')],
  ])('treats %s as rejected', (_what, error) => {
    expect(classifyFailure(error, 'a write')).toBeInstanceOf(StoreRejectedError);
  });

  it("quotes InfluxDB's own message and says a partial write stored the other points", () => {
    const error = classifyFailure(
      http1x(400, 'partial write: field type conflict: input field "value" on measurement "reading" is type integer, already exists as type float dropped=1'),
      'a write of 3 points',
    );
    expect(error.message).toContain('field type conflict: input field "value"');
    expect(error.message).toContain('dropped=1');
    expect(error.message).toContain('The other points of the request were stored');
  });

  it('names the status and the cause of an unavailable store', () => {
    const error = classifyFailure(http1x(500, 'error syncing wal'), 'a write of 3 points');
    expect(error.message).toBe('InfluxDB could not take a write of 3 points: 500 error syncing wal');
    expect(classifyFailure(networkError('ECONNREFUSED'), 'a write').message).toContain('ECONNREFUSED');
  });

  it('passes store errors through unchanged', () => {
    const rejected = new StoreRejectedError('no');
    expect(classifyFailure(rejected, 'a write')).toBe(rejected);
  });

  describe('messages', () => {
    it('reads the 1.x {"error"} body, the 2.x {"message"} body, and a plain body', () => {
      expect(influxMessage(http1x(400, 'unable to parse'))).toBe('unable to parse');
      expect(influxMessage(new HttpError(401, 'Unauthorized', '{"code":"unauthorized","message":"unauthorized access"}', undefined, 'application/json'))).toBe(
        'unauthorized access',
      );
      expect(influxMessage(new HttpError(502, 'Bad Gateway', '<html>bad gateway</html>', undefined, 'text/html'))).toBe('<html>bad gateway</html>');
      expect(influxMessage(new HttpError(503, 'Service Unavailable'))).toBe('503 Service Unavailable');
    });

    it('works on structurally similar objects, not only the client class', () => {
      expect(influxMessage({ statusCode: 400, body: '{"error":"x"}', message: 'm' })).toBe('x');
    });
  });

  it('recognises a missing database in a write answer and in a statement', () => {
    expect(isDatabaseNotFound(http1x(404, 'database not found: "hydro"'))).toBe(true);
    expect(isDatabaseNotFound(new InfluxStatementError('database not found: hydro'))).toBe(true);
    expect(isDatabaseNotFound(new HttpError(404, 'Not Found', '{"code":"not found","message":"bucket \\"x\\" not found"}', undefined, 'application/json'))).toBe(false);
    expect(isDatabaseNotFound(http1x(500, 'database not found'))).toBe(false);
  });
});
