import { type MaintenanceWindow, parseInstant, type Principal } from '@hydro/domain';
import { systemClock } from '@hydro/ingestion';
import { Body, Controller, Delete, Get, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { AuditTrail } from '../access/audit-trail';
import { Requires } from '../access/permission.decorator';
import { Caller } from '../access/principal.decorator';
import { booleanParam } from '../http/list-param';
import { MaintenanceDesk } from './maintenance-desk';

export class OpenMaintenanceDto {
  /** Absent: the whole station. */
  @IsOptional() @IsIn(['cellular', 'beidou'], { message: 'channel must be cellular or beidou (leave it out for the whole station)' })
  channel?: string;

  @IsString() @Length(1, 500, { message: 'reason must say why, in 1 to 500 characters' })
  reason!: string;

  /** ISO 8601 with an offset; absent: now. */
  @IsOptional() @IsString()
  from?: string;

  /** Planned end, ISO 8601 with an offset. */
  @IsString({ message: 'until (the planned end, ISO 8601 with an offset such as 2026-05-01T18:00:00+08:00) is required' })
  until!: string;
}

export class EndMaintenanceDto {
  /** Which window, when the station has more than one open (one per channel). */
  @IsOptional() @IsString()
  windowId?: string;

  @IsOptional() @IsString() @MaxLength(500)
  reason?: string;
}

/** Maintainers put a station, or one of its channels, under maintenance, and end it. Every change is audited. */
@Controller('api')
export class MaintenanceController {
  constructor(
    private readonly desk: MaintenanceDesk,
    private readonly audit: AuditTrail,
  ) {}

  @Get('maintenance')
  async list(@Query('active') active: string | undefined): Promise<MaintenanceWindow[]> {
    await this.desk.ready;
    return booleanParam('active', active) === true ? this.desk.current.active(systemClock.now()) : this.desk.current.windows();
  }

  @Post('stations/:id/maintenance')
  @Requires('maintain')
  async open(@Param('id') stationId: string, @Body() body: OpenMaintenanceDto, @Caller() caller: Principal): Promise<MaintenanceWindow> {
    const now = systemClock.now();
    const window = await this.desk.open(
      {
        stationId,
        reason: body.reason,
        until: parseInstant(body.until, 'until'),
        actor: caller.name,
        ...(body.channel === undefined ? {} : { channel: body.channel }),
        ...(body.from === undefined ? {} : { from: parseInstant(body.from, 'from') }),
      },
      now,
    );
    await this.audit.record(caller, 'maintenance.open', stationId, now, { windowId: window.id, reason: window.reason, from: window.from, until: window.until, ...(window.channel === undefined ? {} : { channel: window.channel }) });
    return window;
  }

  /** Ends the station's open window (or the one named by windowId) now. */
  @Delete('stations/:id/maintenance')
  @Requires('maintain')
  async end(@Param('id') stationId: string, @Query() query: EndMaintenanceDto, @Caller() caller: Principal): Promise<MaintenanceWindow> {
    const now = systemClock.now();
    await this.desk.ready;
    if (query.windowId !== undefined && this.desk.current.get(query.windowId)?.stationId !== stationId) {
      throw new NotFoundException(`station ${stationId} has no maintenance window ${query.windowId}`);
    }
    const window = await this.desk.end(query.windowId === undefined ? { stationId } : { windowId: query.windowId }, caller.name, query.reason, now);
    await this.audit.record(caller, 'maintenance.end', stationId, now, { windowId: window.id, ...(query.reason === undefined ? {} : { reason: query.reason }) });
    return window;
  }
}
