import { StoreRejectedError, StoreUnavailableError } from '../reading-store';

/**
 * Sorting InfluxDB failures into "may work later" (StoreUnavailableError: the caller keeps the data
 * spooled and retries with backoff) and "will never work" (StoreRejectedError: the caller isolates
 * the refused points). When in doubt a failure is "unavailable": keeping good data is cheap, and
 * dead-lettering it because of a passing fault is not.
 */

/** What the client's HttpError carries; checked structurally so a second copy of the client still matches. */
export interface HttpErrorLike {
  readonly statusCode: number;
  readonly body?: string | undefined;
  readonly message: string;
}

/** An InfluxQL statement refused inside a 200 answer (`{"results":[{"error": …}]}`). */
export class InfluxStatementError extends Error {
  override readonly name = 'InfluxStatementError';
}

export function isHttpError(error: unknown): error is HttpErrorLike {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { statusCode?: unknown }).statusCode === 'number' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/**
 * InfluxDB's own words: 1.x answers `{"error":"…"}`, 2.x/3.x `{"code":…,"message":"…"}`.
 * The client only unpacks the 2.x form, so the body is read here.
 */
export function influxMessage(error: unknown): string {
  if (isHttpError(error)) {
    const body = error.body ?? '';
    try {
      const parsed: unknown = JSON.parse(body);
      if (typeof parsed === 'object' && parsed !== null) {
        const { error: text, message } = parsed as { error?: unknown; message?: unknown };
        if (typeof text === 'string') return text;
        if (typeof message === 'string') return message;
      }
    } catch {
      // Not JSON (a proxy's HTML page, say): the raw body says more than nothing.
    }
    return body.trim() !== '' ? body.trim().slice(0, 500) : error.message;
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

/** InfluxDB 1.x's answer to a write into a database that does not exist (dropped, or never created). */
export function isDatabaseNotFound(error: unknown): boolean {
  if (error instanceof InfluxStatementError) return /database not found/i.test(error.message);
  return isHttpError(error) && error.statusCode === 404 && /database not found/i.test(influxMessage(error));
}

/** Classifies a failed /write or /query request. `what` names the operation for the message. */
export function classifyFailure(error: unknown, what: string): StoreUnavailableError | StoreRejectedError {
  if (error instanceof StoreUnavailableError || error instanceof StoreRejectedError) return error;
  const message = influxMessage(error);
  if (error instanceof InfluxStatementError) {
    // A missing database is a store not yet prepared; any other statement error is a query InfluxDB refuses.
    return isDatabaseNotFound(error) ? unavailable(what, message) : new StoreRejectedError(`InfluxDB refused ${what}: ${message}`);
  }
  if (!isHttpError(error)) {
    // Connection refused or reset, DNS, our deadline (AbortError / RequestTimedOutError): all pass.
    return unavailable(what, message);
  }
  const status = error.statusCode;
  if (status === 401 || status === 403) {
    return unavailable(what, `${status} not authorised (${message}); check the token or username/password and their rights on the database`);
  }
  if (status === 400 && /^partial write/i.test(message)) {
    return new StoreRejectedError(
      `InfluxDB refused part of ${what} (400): ${message}. The other points of the request were stored; rewriting them is harmless`,
    );
  }
  if (status === 413) {
    return new StoreRejectedError(`InfluxDB refused ${what} as too large (413): ${message}; write fewer points per request`);
  }
  if (status >= 400 && status < 500 && status !== 404 && status !== 408 && status !== 429) {
    // 400 unparsable / field type conflict, 422 outside retention (2.x), and other refusals of the content.
    return new StoreRejectedError(`InfluxDB refused ${what} (${status}): ${message}`);
  }
  // 404 (database gone), 408, 429, 5xx (1.6: 500 "error syncing wal" / "timeout" under load), odd statuses.
  return unavailable(what, `${status} ${message}`);
}

function unavailable(what: string, detail: string): StoreUnavailableError {
  return new StoreUnavailableError(`InfluxDB could not take ${what}: ${detail}`);
}
