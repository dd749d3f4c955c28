/** What the ingestion code needs of a logger; Nest's LoggerService satisfies it. */
export interface Log {
  log(message: string, context?: string): void;
  warn(message: string, context?: string): void;
  error(message: string, context?: string): void;
  debug?(message: string, context?: string): void;
}

export const silentLog: Log = { log: () => undefined, warn: () => undefined, error: () => undefined };
