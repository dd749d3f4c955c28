import type { Log } from '@hydro/ingestion';
import { Logger } from '@nestjs/common';

/** The ingestion code's logger, routed through Nest's, with the caller's context on each line. */
export function nestLog(defaultContext: string): Log {
  return {
    log: (message, context) => Logger.log(message, context ?? defaultContext),
    warn: (message, context) => Logger.warn(message, context ?? defaultContext),
    error: (message, context) => Logger.error(message, undefined, context ?? defaultContext),
    debug: (message, context) => Logger.debug(message, context ?? defaultContext),
  };
}
