import {
  ALERT_AUDIENCES,
  ALERT_KINDS,
  ALERT_STATES,
  type Alert,
  type AlertFilter,
  type AlertHistory,
  type AlertMessage,
  alertMessage,
  audienceOf,
  BASIN_CODES,
  capDocument,
  localeFrom,
  type MessageLocale,
  type StationRegistry,
  can,
  DISTRICT_CODES,
  parseInstant,
  type Principal,
  rolesThatCan,
  SEVERITIES,
} from '@hydro/domain';
import { systemClock } from '@hydro/ingestion';
import { BadRequestException, Body, Controller, ForbiddenException, Get, Header, Headers, HttpCode, Inject, NotFoundException, Param, Post, Query, Sse } from '@nestjs/common';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Observable } from 'rxjs';
import { AuditTrail } from '../access/audit-trail';
import { Caller } from '../access/principal.decorator';
import { booleanParam, listParam } from '../http/list-param';
import type { Environment } from '../config/environment.dto';
import { ENVIRONMENT } from '../config/environment.token';
import { STATION_REGISTRY } from '../storage/storage.tokens';
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
    @Inject(STATION_REGISTRY) private readonly registry: StationRegistry,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  /** Held alerts in duty order (most severe, then longest waiting), each with its message in the caller's language. */
  @Get()
  async list(@Query() query: AlertQuery, @Headers('accept-language') language: string | undefined): Promise<Array<Alert & { message: AlertMessage }>> {
    await this.desk.ready;
    const locale = localeFrom(language);
    return this.desk.list(alertFilter(query)).map((alert) => ({ ...alert, message: this.message(alert, locale) }));
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
  async get(@Param('id') id: string, @Headers('accept-language') language: string | undefined): Promise<AlertHistory & { message: AlertMessage }> {
    const history = await this.history(id);
    return { ...history, message: this.message(history.alert, localeFrom(language)) };
  }

  /** The alert as an OASIS CAP 1.2 document (Alert, Update or Cancel, with references to the earlier messages). */
  @Get(':id/cap')
  @Header('Content-Type', 'application/cap+xml; charset=utf-8')
  async cap(@Param('id') id: string): Promise<string> {
    const history = await this.history(id);
    return capDocument(history.alert, history.events, {
      sender: this.env.CAP_SENDER,
      names: (stationId) => this.registry.get(stationId)?.name,
      positions: (stationId) => this.registry.get(stationId),
    });
  }

  private async history(id: string): Promise<AlertHistory> {
    const history = await this.desk.history(id);
    if (history === undefined) throw new NotFoundException(`no alert ${id}`);
    return history;
  }

  private message(alert: Alert, locale: MessageLocale): AlertMessage {
    return alertMessage(alert, locale, { names: (stationId) => this.registry.get(stationId)?.name });
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
