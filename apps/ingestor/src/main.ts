import { runService } from '@hydro/server';
import { IngestorModule } from './ingestor.module';

void runService(IngestorModule, 'ingestor');
