import 'reflect-metadata';
import { ALERT_AUDIENCES, ALERT_KINDS, type AlertAudience, type AlertKind, SEVERITIES, type Severity } from '@hydro/domain';
import { MESSAGE_LOCALES, type MessageLocale } from '@hydro/domain/alerts/messages';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUrl, Matches, MinLength } from 'class-validator';

/*
 * One entry of config/notifications.json as it must be written. Messages are predicates ("must be …"):
 * the parser prefixes the field path and appends the value found. Within a field, decorators run
 * bottom-up and only the first failure is reported, so the most basic check sits lowest.
 */
const URL_MESSAGE = 'must be an http(s) URL such as https://example.org/hooks/alerts';

export class WebhookEntryDto {
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'must be 1-64 letters, digits, "_", "." or "-" (it names the webhook in logs and metrics)' })
  @IsString({ message: 'must be a string' })
  id!: string;

  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: URL_MESSAGE })
  @IsString({ message: URL_MESSAGE })
  url!: string;

  @ArrayUnique({ message: 'must not repeat a colour' })
  @IsIn(SEVERITIES, { each: true, message: `must contain only ${SEVERITIES.join(', ')}` })
  @ArrayNotEmpty({ message: 'must not be empty' })
  @IsArray({ message: 'must be an array of colours' })
  severities!: Severity[];

  @ArrayUnique({ message: 'must not repeat a kind' })
  @IsIn(ALERT_KINDS, { each: true, message: `must contain only ${ALERT_KINDS.join(', ')}` })
  @ArrayNotEmpty({ message: 'must not be empty' })
  @IsArray({ message: 'must be an array of alert kinds' })
  @IsOptional()
  kinds?: AlertKind[];

  @IsIn(ALERT_AUDIENCES, { message: `must be one of ${ALERT_AUDIENCES.join(', ')}` })
  @IsOptional()
  audience?: AlertAudience;

  @IsIn(MESSAGE_LOCALES, { message: `must be one of ${MESSAGE_LOCALES.join(', ')}` })
  locale!: MessageLocale;

  // Short secrets are guessable from a captured signature.
  @MinLength(16, { message: 'must be at least 16 characters' })
  @IsString({ message: 'must be a string' })
  @IsOptional()
  secret?: string;

  // The secret kept out of the file (which is often in version control): the name of a variable holding it.
  @Matches(/^[A-Z_][A-Z0-9_]{0,127}$/, { message: 'must be the name of an environment variable (capitals, digits and "_")' })
  @IsString({ message: 'must be a string' })
  @IsOptional()
  secretEnv?: string;
}
