import {
  AlertAlreadyAcknowledgedError,
  AlertNotFoundError,
  MaintenanceError,
  RuleConfigError,
  type MaintenanceErrorCode,
  TimeInputError,
  UnknownTokenError,
} from '@hydro/domain';
import { StoreUnavailableError } from '@hydro/ingestion';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';

const MAINTENANCE_STATUS: Readonly<Record<MaintenanceErrorCode, number>> = {
  invalid: HttpStatus.BAD_REQUEST,
  'unknown-station': HttpStatus.NOT_FOUND,
  'unknown-window': HttpStatus.NOT_FOUND,
  overlap: HttpStatus.CONFLICT,
  'not-open': HttpStatus.CONFLICT,
  ambiguous: HttpStatus.CONFLICT,
};

/** The answer to a request that could not be done: what was wrong, and which field, when one was. */
export interface ApiError {
  readonly statusCode: number;
  readonly error: string;
  readonly message: string | string[];
  readonly field?: string;
  /** On a 500 only: quote it to find the log line; internals never reach the client. */
  readonly correlationId?: string;
}

/**
 * Maps domain errors to HTTP at the edge (the domain knows nothing of HTTP), passes Nest's own
 * HTTP exceptions through, and turns anything else into a bare 500 with a correlation id that is logged.
 */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.answer(exception);
    response.status(body.statusCode).json(body);
  }

  private answer(exception: unknown): ApiError {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const given = exception.getResponse();
      const body = typeof given === 'string' ? { message: given } : (given as { message?: string | string[]; error?: string; field?: string });
      return { statusCode: status, error: body.error ?? reasonPhrase(status), message: body.message ?? exception.message, ...(body.field === undefined ? {} : { field: body.field }) };
    }
    // A rules reload refused: the message names the file, entry and field; the rules in force stay.
    if (exception instanceof RuleConfigError) return error(HttpStatus.BAD_REQUEST, exception.message);
    if (exception instanceof TimeInputError) return error(HttpStatus.BAD_REQUEST, exception.message, exception.field);
    if (exception instanceof MaintenanceError) return error(MAINTENANCE_STATUS[exception.code], exception.message, exception.field);
    if (exception instanceof AlertNotFoundError || exception instanceof UnknownTokenError) return error(HttpStatus.NOT_FOUND, exception.message);
    if (exception instanceof AlertAlreadyAcknowledgedError) return error(HttpStatus.CONFLICT, exception.message);
    if (exception instanceof StoreUnavailableError) return error(HttpStatus.SERVICE_UNAVAILABLE, `the store cannot be reached; try again shortly (${exception.message})`);
    const correlationId = randomUUID();
    this.logger.error(`${correlationId}: ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`);
    return { statusCode: 500, error: 'Internal Server Error', message: 'internal error; quote the correlation id to the operators', correlationId };
  }
}

function error(statusCode: number, message: string, field?: string): ApiError {
  return { statusCode, error: reasonPhrase(statusCode), message, ...(field === undefined ? {} : { field }) };
}

/** `NOT_FOUND` → `Not Found`, as HTTP words it. */
function reasonPhrase(status: number): string {
  const name = HttpStatus[status];
  return name === undefined ? 'Error' : name.toLowerCase().split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}
