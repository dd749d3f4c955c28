import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/**
 * The OpenAPI document at /api/docs (UI) and /api/docs-json. It describes the API, it grants
 * nothing, so it is served without a token; every route it lists still needs one.
 */
export function serveApiDocs(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Wenzhou hydrological telemetry and alerting centre')
    .setDescription('Stations, readings, arrival rates, maintenance windows, alerts (flood and equipment) and rules. Every /api route needs a bearer token; see docs/api.md.')
    .setVersion('1')
    .addBearerAuth()
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
