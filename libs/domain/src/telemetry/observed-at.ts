/** An explicit UTC offset is required: a bare local time is ambiguous between RTU clocks and the centre. */
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Earliest observation time accepted: older values are almost surely an RTU clock reset to its epoch. */
export const EARLIEST_OBSERVATION = Date.UTC(2000, 0, 1);

export type ObservedAtResult = { ok: true; time: number } | { ok: false; problem: string };

/** Reads `observedAt` as ISO 8601 with offset or epoch milliseconds. */
export function parseObservedAt(raw: unknown): ObservedAtResult {
  let time: number;
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw)) return { ok: false, problem: `${raw} is not whole epoch milliseconds` };
    time = raw;
  } else if (typeof raw === 'string') {
    const match = ISO_WITH_OFFSET.exec(raw);
    if (!match) {
      return {
        ok: false,
        problem: `"${clip(raw)}" is not ISO 8601 with a UTC offset (e.g. 2023-09-21T10:05:00+08:00) nor epoch milliseconds`,
      };
    }
    time = Date.parse(raw);
    if (Number.isNaN(time) || !calendarFieldsValid(match)) return { ok: false, problem: `"${clip(raw)}" is not a real date and time` };
  } else {
    return { ok: false, problem: raw === undefined ? 'observedAt is missing' : 'observedAt must be a string or a number' };
  }
  if (time < EARLIEST_OBSERVATION) return { ok: false, problem: `${new Date(time).toISOString()} is before 2000; is the RTU clock reset?` };
  return { ok: true, time };
}

function calendarFieldsValid(match: RegExpExecArray): boolean {
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i] ?? 0)) as [
    number, number, number, number, number, number,
  ];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return (
    probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day && hour < 24 && minute < 60 && second < 60
  );
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
