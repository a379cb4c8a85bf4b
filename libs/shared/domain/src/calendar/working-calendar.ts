import { type CalendarDays, type CalendarYear, indexCalendarYears } from './calendar-year';
import { isWeekendDay, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, minutesOfDay } from './day-number';

/** A stretch of the office day, `HH:MM` to `HH:MM` in the bureau's local time. */
export interface WorkingPeriod {
  readonly start: string;
  readonly end: string;
}

export interface WorkingCalendarOptions {
  readonly years: readonly CalendarYear[];
  readonly workingPeriods: readonly WorkingPeriod[];
  /** The bureau's fixed offset from UTC (China: +480, no daylight saving time). */
  readonly utcOffsetMinutes: number;
}

export type DeadlineUnit = 'working_hours' | 'working_days' | 'calendar_days';

export interface Deadline {
  readonly amount: number;
  readonly unit: DeadlineUnit;
}

/** Real time zones lie between UTC−12:00 and UTC+14:00. */
const MAX_UTC_OFFSET_MINUTES = 14 * 60;

interface PeriodOfDay {
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * The bureau's working time: which days are worked and which hours of them, in its fixed
 * UTC offset, and the deadlines counted on it (LEGAL.md, "Counting days").
 *
 * A year without data (`coversYear(year)` is false) falls back to weekends only: every
 * Monday to Friday is a working day, holidays are not known. The calendar is data, not
 * code — the bureau adds each year's State Council notice as a `CalendarYear` — so
 * callers that compute legal deadlines far ahead should check `coversYear` and warn.
 */
export class WorkingCalendar {
  private readonly offsetMs: number;
  private readonly periods: readonly PeriodOfDay[];
  private readonly days: CalendarDays;

  constructor(options: WorkingCalendarOptions) {
    const { utcOffsetMinutes } = options;
    if (!Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) > MAX_UTC_OFFSET_MINUTES) {
      throw new RangeError(`utcOffsetMinutes: ${String(utcOffsetMinutes)} is not a whole number of minutes from -${MAX_UTC_OFFSET_MINUTES} to ${MAX_UTC_OFFSET_MINUTES}`);
    }
    this.offsetMs = utcOffsetMinutes * MS_PER_MINUTE;
    this.periods = readWorkingPeriods(options.workingPeriods);
    this.days = indexCalendarYears(options.years, 'years');
  }

  /** Whether the years given hold the official calendar of `year`; see the class comment. */
  coversYear(year: number): boolean {
    return this.days.coveredYears.has(year);
  }

  /** Whether the local day of `instant` is worked: make-up days are, holidays and other weekend days are not. */
  isWorkingDay(instant: Date): boolean {
    return this.isWorkingDayNumber(this.localDayOf(instant, 'instant'));
  }

  /**
   * The end (local 23:59:59.999) of the `days`-th working day after `start`'s day. A start on a
   * non-working day is taken as a start on the next working day, which itself is not counted
   * either: a notice served on Saturday runs as if served on Monday, so day 1 is Tuesday.
   */
  addWorkingDays(start: Date, days: number): Date {
    requireWholeCount(days, 'days');
    let day = this.firstWorkingDayFrom(this.localDayOf(start, 'start'));
    for (let counted = 0; counted < days; ) {
      day += 1;
      if (this.isWorkingDayNumber(day)) counted += 1;
    }
    return this.endOfDay(day);
  }

  /**
   * The end of the `days`-th calendar day after `start`'s day, moved to the end of the first
   * working day after it when that day is a weekend day or a holiday. A start on a weekend is
   * not moved: the law counts calendar days from the next day whatever that day is; only
   * working-day periods start on the next working day.
   */
  addCalendarDays(start: Date, days: number): Date {
    requireWholeCount(days, 'days');
    return this.endOfDay(this.firstWorkingDayFrom(this.localDayOf(start, 'start') + days));
  }

  /**
   * The instant at which `hours` (fractions allowed) of working time have passed since `start`,
   * counting only inside the working periods of working days. A start outside working time
   * counts from the next period's start; a deadline that uses up a period ends at its end
   * (17:30), not at the start of the next one.
   */
  addWorkingHours(start: Date, hours: number): Date {
    if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`hours: ${String(hours)} is not a number of hours ≥ 0`);
    const firstDay = this.localDayOf(start, 'start');
    const startMs = start.getTime();
    let remainingMs = Math.round(hours * MS_PER_HOUR);
    // No end test is needed: a working day always comes, as years without data still have weekdays.
    for (let day = firstDay; ; day += 1) {
      for (const period of this.workingPeriodsOn(day)) {
        const countFrom = Math.max(period.startMs, startMs);
        if (countFrom >= period.endMs) continue;
        if (remainingMs <= period.endMs - countFrom) return new Date(countFrom + remainingMs);
        remainingMs -= period.endMs - countFrom;
      }
    }
  }

  /** Working time between two instants, in hours (for response-time statistics); 0 when `to` is not after `from`. */
  workingHoursBetween(from: Date, to: Date): number {
    const lastDay = this.localDayOf(to, 'to');
    const firstDay = this.localDayOf(from, 'from');
    if (to.getTime() <= from.getTime()) return 0;
    let workedMs = 0;
    for (let day = firstDay; day <= lastDay; day += 1) {
      for (const period of this.workingPeriodsOn(day)) {
        workedMs += Math.max(0, Math.min(period.endMs, to.getTime()) - Math.max(period.startMs, from.getTime()));
      }
    }
    return workedMs / MS_PER_HOUR;
  }

  /** When a deadline of `deadline.amount` units, started at `start`, falls due. */
  dueAt(start: Date, deadline: Deadline): Date {
    switch (deadline.unit) {
      case 'working_hours':
        return this.addWorkingHours(start, deadline.amount);
      case 'working_days':
        return this.addWorkingDays(start, deadline.amount);
      case 'calendar_days':
        return this.addCalendarDays(start, deadline.amount);
      default:
        return unknownUnit(deadline.unit);
    }
  }

  private isWorkingDayNumber(day: number): boolean {
    if (this.days.makeUpWorkingDays.has(day)) return true;
    return !this.days.holidays.has(day) && !isWeekendDay(day);
  }

  private firstWorkingDayFrom(day: number): number {
    let candidate = day;
    while (!this.isWorkingDayNumber(candidate)) candidate += 1;
    return candidate;
  }

  /** The working periods of a local day as UTC epoch milliseconds; none on a non-working day. */
  private workingPeriodsOn(day: number): PeriodOfDay[] {
    if (!this.isWorkingDayNumber(day)) return [];
    const midnightMs = day * MS_PER_DAY - this.offsetMs;
    return this.periods.map((period) => ({ startMs: midnightMs + period.startMs, endMs: midnightMs + period.endMs }));
  }

  private localDayOf(instant: Date, name: string): number {
    const epochMs = instant instanceof Date ? instant.getTime() : Number.NaN;
    if (Number.isNaN(epochMs)) throw new RangeError(`${name}: not a valid Date`);
    return Math.floor((epochMs + this.offsetMs) / MS_PER_DAY);
  }

  private endOfDay(day: number): Date {
    return new Date((day + 1) * MS_PER_DAY - 1 - this.offsetMs);
  }
}

function readWorkingPeriods(periods: readonly WorkingPeriod[]): PeriodOfDay[] {
  if (periods.length === 0) throw new RangeError('workingPeriods: at least one working period is needed to count working hours');
  const read = periods.map((period, index) => {
    const path = `workingPeriods[${index}]`;
    const startMinutes = minutesOfDay(period.start);
    const endMinutes = minutesOfDay(period.end);
    if (startMinutes === undefined) throw new RangeError(`${path}.start: ${JSON.stringify(period.start)} is not a time HH:MM from 00:00 to 23:59`);
    if (endMinutes === undefined) throw new RangeError(`${path}.end: ${JSON.stringify(period.end)} is not a time HH:MM from 00:00 to 23:59`);
    if (endMinutes <= startMinutes) throw new RangeError(`${path}: ends at ${period.end}, not after its start ${period.start}`);
    return { path, label: `${period.start}–${period.end}`, startMs: startMinutes * MS_PER_MINUTE, endMs: endMinutes * MS_PER_MINUTE };
  });
  const byStart = [...read].sort((a, b) => a.startMs - b.startMs);
  for (let index = 1; index < byStart.length; index += 1) {
    const [previous, current] = [byStart[index - 1], byStart[index]];
    if (current.startMs < previous.endMs) {
      throw new RangeError(`${current.path}: ${current.label} overlaps ${previous.path} ${previous.label}`);
    }
  }
  return byStart.map(({ startMs, endMs }) => ({ startMs, endMs }));
}

function requireWholeCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name}: ${String(value)} is not a whole number ≥ 0`);
}

function unknownUnit(unit: never): never {
  throw new RangeError(`deadline.unit: ${JSON.stringify(unit)} is not one of working_hours, working_days, calendar_days`);
}
