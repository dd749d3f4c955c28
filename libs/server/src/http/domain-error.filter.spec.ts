import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import {
  AlertAlreadyAcknowledgedError,
  AlertNotFoundError,
  AmbiguousMaintenanceError,
  InvalidMaintenanceRequestError,
  type MaintenanceWindow,
  MaintenanceOverlapError,
  NoOpenMaintenanceError,
  TimeInputError,
  UnknownMaintenanceWindowError,
  UnknownStationError,
  UnknownTokenError,
} from '@hydro/domain';
import { StoreRejectedError, StoreUnavailableError } from '@hydro/ingestion';
import { type ArgumentsHost, BadRequestException, ForbiddenException, HttpException, Logger, NotFoundException } from '@nestjs/common';
import { type ApiError, DomainErrorFilter } from './domain-error.filter';

const HOUR = 3_600_000;
const FROM = Date.parse('2024-05-20T09:00:00+08:00');
const window = (id: string, channel?: 'cellular' | 'beidou'): MaintenanceWindow => ({
  id,
  stationId: '70100001',
  ...(channel === undefined ? {} : { channel }),
  reason: 'replacing the battery',
  from: FROM,
  until: FROM + 4 * HOUR,
  openedBy: 'zhang.wei',
});

/** What the filter wrote: status and JSON body. */
function answerTo(exception: unknown): { status: number; body: ApiError } {
  const sent: { status?: number; body?: ApiError } = {};
  const response = {
    status(code: number) {
      sent.status = code;
      return response;
    },
    json(body: ApiError) {
      sent.body = body;
      return response;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new DomainErrorFilter().catch(exception, host);
  if (sent.status === undefined || sent.body === undefined) throw new Error('the filter sent no answer');
  return { status: sent.status, body: sent.body };
}

describe('DomainErrorFilter', () => {
  let logged: jest.Mock<(message: unknown) => void>;

  beforeEach(() => {
    logged = jest.fn();
    jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => logged(message));
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it.each([
    ['a time that cannot be read', new TimeInputError('from', 'malformed', 'from: "yesterday" is not an ISO 8601 time with a UTC offset'), 400, 'Bad Request', 'from'],
    ['an empty time range', new TimeInputError('to', 'empty-range', 'to must be after from'), 400, 'Bad Request', 'to'],
    ['an invalid maintenance request', new InvalidMaintenanceRequestError('reason', 'Say why the station is under maintenance'), 400, 'Bad Request', 'reason'],
    ['an unknown station', new UnknownStationError('70999999'), 404, 'Not Found', 'stationId'],
    ['an unknown maintenance window', new UnknownMaintenanceWindowError('MW-404'), 404, 'Not Found', 'windowId'],
    ['an overlapping maintenance window', new MaintenanceOverlapError(window('MW-1')), 409, 'Conflict', undefined],
    ['nothing open to end', new NoOpenMaintenanceError('Station 70100001 has no maintenance window open now; nothing to end'), 409, 'Conflict', undefined],
    ['several windows open', new AmbiguousMaintenanceError('70100001', [window('MW-1', 'cellular'), window('MW-2', 'beidou')]), 409, 'Conflict', 'windowId'],
    ['an unknown alert', new AlertNotFoundError('20240915T083000Z-9c1e5f0b2a7d4e36'), 404, 'Not Found', undefined],
    ['an unknown token', new UnknownTokenError('no active token with id 0123456789ab'), 404, 'Not Found', undefined],
    ['an alert acknowledged already', new AlertAlreadyAcknowledgedError('20240915T083000Z-9c1e5f0b2a7d4e36', 'acknowledged', 'li.na', FROM), 409, 'Conflict', undefined],
  ])('answers %s with %d and the error’s own message', (_, error, status, reason, field) => {
    const { status: sent, body } = answerTo(error);
    expect(sent).toBe(status);
    expect(body).toEqual({ statusCode: status, error: reason, message: error.message, ...(field === undefined ? {} : { field }) });
    expect(logged).not.toHaveBeenCalled();
  });

  it('names who acknowledged first in the 409 for a second acknowledgement', () => {
    const { body } = answerTo(new AlertAlreadyAcknowledgedError('A-1', 'acknowledged', 'li.na', FROM));
    expect(body.message).toBe('Alert A-1 (acknowledged) is already acknowledged by li.na');
  });

  it('answers an unavailable store with 503 and asks to try again', () => {
    const { status, body } = answerTo(new StoreUnavailableError('ECONNREFUSED 127.0.0.1:8086'));
    expect(status).toBe(503);
    expect(body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: 'the store cannot be reached; try again shortly (ECONNREFUSED 127.0.0.1:8086)' });
  });

  it.each([
    ['a 400 with one message', new BadRequestException('state: "open" is not one of active, acknowledged, resolved'), 400, 'Bad Request', 'state: "open" is not one of active, acknowledged, resolved'],
    ['a validation 400 listing every problem', new BadRequestException(['reason must say why', 'until is required']), 400, 'Bad Request', ['reason must say why', 'until is required']],
    ['a 403', new ForbiddenException('this needs the role maintainer or admin'), 403, 'Forbidden', 'this needs the role maintainer or admin'],
    ['a 404', new NotFoundException('no alert X'), 404, 'Not Found', 'no alert X'],
    ['an HttpException with a plain string body', new HttpException('slow down', 429), 429, 'Too Many Requests', 'slow down'],
  ])('passes Nest’s own %s through', (_, exception, status, reason, message) => {
    expect(answerTo(exception)).toEqual({ status, body: { statusCode: status, error: reason, message } });
  });

  it.each([
    ['an unexpected error', new TypeError("Cannot read properties of undefined (reading 'stationId') at /srv/hydro/alert-desk.js:42")],
    ['a refusal of the store nobody mapped', new StoreRejectedError('field type conflict: input field "value" on measurement "reading" is type string')],
    ['something thrown that is not an Error', 'SQLITE_CORRUPT: database disk image is malformed'],
  ])('answers %s with a bare 500 and a correlation id, and logs the details under that id', (_, exception) => {
    const { status, body } = answerTo(exception);
    expect(status).toBe(500);
    expect(Object.keys(body).sort()).toEqual(['correlationId', 'error', 'message', 'statusCode']);
    expect(body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'internal error; quote the correlation id to the operators', correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const internals = exception instanceof Error ? exception.message : exception;
    expect(JSON.stringify(body)).not.toContain(internals);
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0]?.[0])).toMatch(new RegExp(`^${body.correlationId}: `));
    expect(String(logged.mock.calls[0]?.[0])).toContain(internals);
  });

  it('gives every 500 its own correlation id', () => {
    const first = answerTo(new Error('one')).body.correlationId;
    const second = answerTo(new Error('two')).body.correlationId;
    expect(first).not.toBe(second);
  });
});
