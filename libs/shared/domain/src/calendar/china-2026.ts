import type { CalendarYear } from './calendar-year';
import { WorkingCalendar, type WorkingPeriod } from './working-calendar';

/** Asia/Shanghai: UTC+08:00 all year, China has no daylight saving time. */
const CHINA_UTC_OFFSET_MINUTES = 480;

/** A typical Chinese government office day: morning, a lunch break, afternoon. */
export const DEFAULT_WORKING_PERIODS: readonly WorkingPeriod[] = Object.freeze([
  Object.freeze({ start: '09:00', end: '12:00' }),
  Object.freeze({ start: '13:30', end: '17:30' }),
]);

/**
 * The official 2026 calendar, State Council General Office notice of 2025-11-04. Written out
 * day by day, as later years will arrive as configuration data, so it can be checked against
 * the notice line by line.
 */
export const CHINA_2026: CalendarYear = Object.freeze({
  year: 2026,
  holidays: Object.freeze([
    // New Year's Day
    '2026-01-01', '2026-01-02', '2026-01-03',
    // Spring Festival
    '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
    // Qingming
    '2026-04-04', '2026-04-05', '2026-04-06',
    // Labour Day
    '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05',
    // Dragon Boat Festival
    '2026-06-19', '2026-06-20', '2026-06-21',
    // Mid-Autumn Festival
    '2026-09-25', '2026-09-26', '2026-09-27',
    // National Day
    '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
  ]),
  // Sun Jan 4, Sat Feb 14, Sat Feb 28, Sat May 9, Sun Sep 20, Sat Oct 10.
  makeUpWorkingDays: Object.freeze(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']),
});

/** The calendar a bureau gets before it configures its own: the official years shipped here, the usual office day, Beijing time. */
export function defaultWorkingCalendar(): WorkingCalendar {
  return new WorkingCalendar({ years: [CHINA_2026], workingPeriods: DEFAULT_WORKING_PERIODS, utcOffsetMinutes: CHINA_UTC_OFFSET_MINUTES });
}
