import { ConsoleLogger, type LogLevel, type Type, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Server } from 'node:http';
import { RuleConfigError, StationRegistryError } from '@hydro/domain';
import { ConfigurationError, loadEnvironment } from './config/load-environment';
import { DomainErrorFilter } from './http/domain-error.filter';
import { invalidRequest } from './http/invalid-request';
import { serveApiDocs } from './http/api-docs';
import { NotificationsConfigError } from './notifications/notifications-config.error';
import { whereToLook } from './where-to-look';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** sysexits.h EX_CONFIG: the configuration is wrong; restarting will not help. */
const EX_CONFIG = 78;

/**
 * Starts a service: validates the environment first (exit 78, EX_CONFIG, naming what is wrong),
 * logs JSON lines, closes cleanly on SIGTERM/SIGINT (draining buffers before acknowledging).
 */
export interface ServiceOptions {
  /** Serve the OpenAPI document of the HTTP API at /api/docs (the centre). */
  readonly apiDocs?: boolean;
}

export async function runService(module: Type, name: string, options: ServiceOptions = {}): Promise<void> {
  let env;
  try {
    env = loadEnvironment(process.env);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`${name}: ${error.message}\n`);
    process.exit(EX_CONFIG);
  }
  const logger = new ConsoleLogger(name, {
    json: env.LOG_FORMAT === 'json',
    logLevels: LEVELS.slice(0, LEVELS.indexOf(env.LOG_LEVEL) + 1),
  });
  try {
    // abortOnError off: start-up errors reach the catch below, which names them and picks the exit code.
    const app = await NestFactory.create(module, { logger, abortOnError: false });
    app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
    // Request bodies and queries are checked against their DTOs; unknown fields are refused, not ignored.
    app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: invalidRequest }));
    app.useGlobalFilters(new DomainErrorFilter());
    if (options.apiDocs === true) serveApiDocs(app);
    await app.listen(env.HTTP_PORT, env.HTTP_HOST);
    const address = (app.getHttpServer() as Server).address();
    const port = typeof address === 'object' && address !== null ? address.port : env.HTTP_PORT;
    for (const line of whereToLook(env, port)) logger.log(line);
  } catch (error) {
    logger.fatal(`cannot start: ${(error as Error).message}`);
    process.exit(error instanceof StationRegistryError || error instanceof NotificationsConfigError || error instanceof RuleConfigError ? EX_CONFIG : 1);
  }
}
