const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
/** China keeps UTC+8 all year, so Beijing time needs no time-zone database. */
const BEIJING_OFFSET_MS = 8 * 60 * MS_PER_MINUTE;

export const TIME_OF_DAY_PATTERN = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

export interface QuietHours {
  /** 'HH:MM', Beijing time; the window may span midnight (22:00 to 07:00). */
  start: string;
  end: string;
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** When the quiet hours around `now` end, or undefined when `now` is outside them. */
export function quietHoursEnd(quiet: QuietHours, now: Date): Date | undefined {
  const start = minutesOf(quiet.start) * MS_PER_MINUTE;
  const end = minutesOf(quiet.end) * MS_PER_MINUTE;
  if (start === end) return undefined;
  const timeOfDay = (((now.getTime() + BEIJING_OFFSET_MS) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  const inside = start < end ? timeOfDay >= start && timeOfDay < end : timeOfDay >= start || timeOfDay < end;
  if (!inside) return undefined;
  return new Date(now.getTime() + ((end - timeOfDay + MS_PER_DAY) % MS_PER_DAY));
}
