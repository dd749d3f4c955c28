import {
  ALERT_AUDIENCES,
  ALERT_KINDS,
  ALERT_STATES,
  type Alert,
  type AlertFilter,
  type AlertHistory,
  audienceOf,
  BASIN_CODES,
  can,
  DISTRICT_CODES,
  parseInstant,
  type Principal,
  rolesThatCan,
  SEVERITIES,
} from '@hydro/domain';
import { systemClock } from '@hydro/ingestion';
import { BadRequestException, Body, Controller, ForbiddenException, Get, Headers, HttpCode, Inject, NotFoundException, Param, Post, Query, Sse } from '@nestjs/common';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Observable } from 'rxjs';
import { AuditTrail } from '../access/audit-trail';
import { Caller } from '../access/principal.decorator';
import { booleanParam, listParam } from '../http/list-param';
import { AlertDesk } from './alert-desk';
import { type AlertMessageEvent, alertStream } from './alert-stream';

export class AcknowledgeDto {
  /** What the forecaster did or decided, for the record and the next shift. */
  @IsOptional() @IsString() @MaxLength(2000)
  note?: string;
}

type AlertQuery = Partial<Record<'state' | 'severity' | 'kind', string | string[]>> &
  Partial<Record<'audience' | 'district' | 'basin' | 'from' | 'to' | 'acknowledged' | 'includeClosed', string>>;

/** Alerts of every kind for the duty desks: list, detail with history, acknowledge, and a live stream. */
@Controller('api/alerts')
export class AlertsController {
  constructor(
    @Inject(AlertDesk) private readonly desk: AlertDesk,
    private readonly audit: AuditTrail,
  ) {}

  @Get()
  async list(@Query() query: AlertQuery): Promise<Alert[]> {
    await this.desk.ready;
    return this.desk.list(alertFilter(query));
  }

  /**
   * Server-Sent Events, one per durable transition, `id` = its position in the alert log. A client
   * that reconnects with `Last-Event-ID` (or `?lastEventId=`) first gets every transition it missed.
   */
  @Sse('stream')
  stream(@Headers('last-event-id') header: string | undefined, @Query('lastEventId') param: string | undefined, @Query() query: AlertQuery): Observable<AlertMessageEvent> {
    const raw = header ?? param;
    const afterSeq = raw === undefined ? undefined : Number(raw);
    if (afterSeq !== undefined && !(Number.isSafeInteger(afterSeq) && afterSeq >= 0)) throw new BadRequestException(`Last-Event-ID must be an event id (a whole number), not "${raw}"`);
    const filter = alertFilter(query);
    return alertStream(this.desk, afterSeq, (event) => (filter.kind === undefined || (filter.kind as readonly string[]).includes(event.kind)) && (filter.audience === undefined || audienceOf(event.kind) === filter.audience));
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<AlertHistory> {
    const history = await this.desk.history(id);
    if (history === undefined) throw new NotFoundException(`no alert ${id}`);
    return history;
  }

  /** Forecasters acknowledge flood alerts, maintainers equipment alerts; administrators both. */
  @Post(':id/ack')
  @HttpCode(200)
  async acknowledge(@Param('id') id: string, @Body() body: AcknowledgeDto, @Caller() caller: Principal): Promise<Alert> {
    await this.desk.ready;
    const alert = this.desk.get(id);
    if (alert === undefined) throw new NotFoundException(`no alert ${id}`);
    const permission = audienceOf(alert.kind) === 'flood' ? 'acknowledge_flood' : 'acknowledge_equipment';
    if (!can(caller.role, permission)) {
      throw new ForbiddenException(`${audienceOf(alert.kind)} alerts are acknowledged by the role ${rolesThatCan(permission).join(' or ')}; the token "${caller.name}" has the role ${caller.role}`);
    }
    const at = systemClock.now();
    const acknowledged = await this.desk.acknowledge(id, caller.name, body.note, at);
    await this.audit.record(caller, 'alert.acknowledge', id, at, body.note === undefined ? undefined : { note: body.note });
    return acknowledged;
  }
}

function alertFilter(query: AlertQuery): AlertFilter {
  const state = listParam('state', query.state, ALERT_STATES);
  const severity = listParam('severity', query.severity, SEVERITIES);
  const kind = listParam('kind', query.kind, ALERT_KINDS);
  const audience = listParam('audience', query.audience, ALERT_AUDIENCES)?.[0];
  const district = listParam('district', query.district, DISTRICT_CODES)?.[0];
  const basin = listParam('basin', query.basin, BASIN_CODES)?.[0];
  const acknowledged = booleanParam('acknowledged', query.acknowledged);
  const includeClosed = booleanParam('includeClosed', query.includeClosed);
  return {
    ...(state === undefined ? {} : { state }),
    ...(severity === undefined ? {} : { severity }),
    ...(kind === undefined ? {} : { kind }),
    ...(audience === undefined ? {} : { audience }),
    ...(district === undefined ? {} : { district }),
    ...(basin === undefined ? {} : { basin }),
    ...(acknowledged === undefined ? {} : { acknowledged }),
    ...(includeClosed === undefined ? {} : { includeClosed }),
    ...(query.from === undefined ? {} : { raisedFrom: parseInstant(query.from, 'from') }),
    ...(query.to === undefined ? {} : { raisedTo: parseInstant(query.to, 'to') }),
  };
}
