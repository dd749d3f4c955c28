import { BadRequestException } from '@nestjs/common';

const UNIT_MS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `5m`, `1h`, `1d`, `30s`: a bucket width for downsampling, or a 400 that says how to write one. */
export function durationParam(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const match = /^(\d{1,6})(s|m|h|d)$/.exec(value.trim());
  const ms = match === null ? Number.NaN : Number(match[1]) * (UNIT_MS[match[2] as string] as number);
  if (!(ms > 0)) throw new BadRequestException(`${name} must be a duration such as 5m, 1h or 1d, not "${value}"`);
  return ms;
}
