// A calendar day is handled as a whole number of days since 1970-01-01 (a "day number"):
// plain integer arithmetic, with no Date object whose time zone could leak into the count.

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The day number of a `YYYY-MM-DD` date, or undefined when the text is not a real date. */
export function dayNumberOf(isoDate: string): number | undefined {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const midnight = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-30 over to March and reads years below 100 as 19xx: reject both.
  if (midnight.getUTCFullYear() !== year || midnight.getUTCMonth() !== month - 1 || midnight.getUTCDate() !== day) {
    return undefined;
  }
  return midnight.getTime() / MS_PER_DAY;
}

export function isWeekendDay(dayNumber: number): boolean {
  const weekday = new Date(dayNumber * MS_PER_DAY).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Minutes after midnight of an `HH:MM` time (00:00 to 23:59), or undefined when malformed. */
export function minutesOfDay(time: string): number | undefined {
  const match = TIME_OF_DAY.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}
