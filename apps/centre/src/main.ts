import { runService } from '@hydro/server';
import { CentreModule } from './centre.module';

void runService(CentreModule, 'centre', { apiDocs: true });
