import type { Principal, RuleSet } from '@hydro/domain';
import { systemClock } from '@hydro/ingestion';
import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { AuditTrail } from '../access/audit-trail';
import { Requires } from '../access/permission.decorator';
import { Caller } from '../access/principal.decorator';
import { FloodRules, type RuleSetSummary } from './flood-rules';

/** What rules are loaded, and reloading them (administrators; SIGHUP does the same). */
@Controller('api/rules')
export class RulesController {
  constructor(
    private readonly rules: FloodRules,
    private readonly audit: AuditTrail,
  ) {}

  @Get()
  loaded(): { summary: RuleSetSummary; rules: RuleSet } {
    return { summary: this.rules.summary(), rules: this.rules.rules };
  }

  /** 200 with the new counts; 400 naming the file, entry and field when the files are invalid (the old rules stay). */
  @Post('reload')
  @HttpCode(200)
  @Requires('administer')
  async reload(@Caller() caller: Principal): Promise<RuleSetSummary> {
    const at = systemClock.now();
    try {
      const summary = await this.rules.reload();
      await this.audit.record(caller, 'rules.reload', 'config/rules', at, { ...summary });
      return summary;
    } catch (error) {
      await this.audit.record(caller, 'rules.reload', 'config/rules', at, { refused: (error as Error).message });
      throw error;
    }
  }
}
