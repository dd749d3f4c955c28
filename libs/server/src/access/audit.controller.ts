import { Controller, Get, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { type AuditEntry, AuditTrail } from './audit-trail';
import { Requires } from './permission.decorator';

export class AuditQueryDto {
  /** Entries after this position (paging, or following the log). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  afterSeq?: number;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10_000)
  limit?: number;
}

/** Who did what, when, through the API: for administrators. */
@Controller('api/audit')
@Requires('administer')
export class AuditController {
  constructor(private readonly audit: AuditTrail) {}

  @Get()
  entries(@Query() query: AuditQueryDto): Promise<AuditEntry[]> {
    return this.audit.entries({ limit: query.limit ?? 1000, ...(query.afterSeq === undefined ? {} : { afterSeq: query.afterSeq }) });
  }
}
