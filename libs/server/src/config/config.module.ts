import { Global, Module } from '@nestjs/common';
import { loadEnvironment } from './load-environment';
import { ENVIRONMENT } from './environment.token';

@Global()
@Module({
  providers: [{ provide: ENVIRONMENT, useFactory: () => loadEnvironment(process.env) }],
  exports: [ENVIRONMENT],
})
export class ConfigModule {}
