import { dayNumberOf, isWeekendDay } from './day-number';

/**
 * One year of the bureau's working-day calendar, taken from the State Council's yearly
 * notice. Dates are `YYYY-MM-DD` in the bureau's local time.
 */
export interface CalendarYear {
  readonly year: number;
  /** Statutory holidays, weekend days inside a holiday included. */
  readonly holidays: readonly string[];
  /** Saturdays and Sundays that are worked (调休). */
  readonly makeUpWorkingDays: readonly string[];
}

const FIRST_SUPPORTED_YEAR = 1970;
const LAST_SUPPORTED_YEAR = 9999;
const CALENDAR_YEAR_KEYS: readonly string[] = ['year', 'holidays', 'makeUpWorkingDays'];

/** The calendar years as sets of day numbers, for constant-time look-up while counting. */
export interface CalendarDays {
  readonly coveredYears: ReadonlySet<number>;
  readonly holidays: ReadonlySet<number>;
  readonly makeUpWorkingDays: ReadonlySet<number>;
}

/**
 * Indexes calendar years by day number, rejecting data that would silently miscount a
 * deadline: a date that is not real, belongs to another year, is listed twice, a make-up day
 * on a weekday, or a day that is both a holiday and a make-up day. The RangeError names the
 * entry, e.g. `years[0].holidays[2]`.
 */
export function indexCalendarYears(years: readonly CalendarYear[], path: string): CalendarDays {
  const yearIndexes = new Map<number, number>();
  const holidays = new Set<number>();
  const makeUpWorkingDays = new Set<number>();
  years.forEach((calendarYear, index) => {
    const entryPath = `${path}[${index}]`;
    const { year } = calendarYear;
    if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
      throw new RangeError(`${entryPath}.year: ${String(year)} is not a year from ${FIRST_SUPPORTED_YEAR} to ${LAST_SUPPORTED_YEAR}`);
    }
    const earlier = yearIndexes.get(year);
    if (earlier !== undefined) throw new RangeError(`${entryPath}.year: ${year} is already given by ${path}[${earlier}]`);
    yearIndexes.set(year, index);

    const holidaysOfYear = datesOfYear(calendarYear.holidays, year, `${entryPath}.holidays`);
    const makeUpDaysOfYear = datesOfYear(calendarYear.makeUpWorkingDays, year, `${entryPath}.makeUpWorkingDays`);
    // Duplicates are refused, so the map keeps each date at its index in the list.
    [...makeUpDaysOfYear].forEach(([date, dayNumber], dateIndex) => {
      const datePath = `${entryPath}.makeUpWorkingDays[${dateIndex}]`;
      if (holidaysOfYear.has(date)) throw new RangeError(`${datePath}: ${date} is also listed as a holiday`);
      if (!isWeekendDay(dayNumber)) {
        throw new RangeError(`${datePath}: ${date} is a weekday; a make-up working day is a Saturday or Sunday`);
      }
    });
    holidaysOfYear.forEach((dayNumber) => holidays.add(dayNumber));
    makeUpDaysOfYear.forEach((dayNumber) => makeUpWorkingDays.add(dayNumber));
  });
  return { coveredYears: new Set(yearIndexes.keys()), holidays, makeUpWorkingDays };
}

/** The dates of one list by text, checked to be real, in `year`, and listed once. */
function datesOfYear(dates: readonly string[], year: number, path: string): Map<string, number> {
  const dayNumbers = new Map<string, number>();
  dates.forEach((date, index) => {
    const datePath = `${path}[${index}]`;
    const dayNumber = dayNumberOf(date);
    if (dayNumber === undefined) throw new RangeError(`${datePath}: ${JSON.stringify(date)} is not a real date in the form YYYY-MM-DD`);
    if (!date.startsWith(`${year}-`)) throw new RangeError(`${datePath}: ${date} is not in ${year}`);
    if (dayNumbers.has(date)) throw new RangeError(`${datePath}: ${date} is listed twice`);
    dayNumbers.set(date, dayNumber);
  });
  return dayNumbers;
}

/**
 * Reads calendar years from configuration (parsed JSON) and checks them like the
 * `WorkingCalendar` constructor does, so that a bad notice is refused at start-up with the
 * entry named (`path` is what the message calls the whole value), never later as a wrong deadline.
 */
export function parseCalendarYears(json: unknown, path = 'years'): CalendarYear[] {
  if (!Array.isArray(json)) throw new RangeError(`${path}: expected an array of calendar years, got ${describe(json)}`);
  const years = json.map((entry: unknown, index) => parseCalendarYear(entry, `${path}[${index}]`));
  indexCalendarYears(years, path);
  return years;
}

function parseCalendarYear(entry: unknown, path: string): CalendarYear {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw new RangeError(`${path}: expected an object { year, holidays, makeUpWorkingDays }, got ${describe(entry)}`);
  }
  const fields = entry as Record<string, unknown>;
  // A misspelt key would otherwise drop that year's holidays without a word.
  const unknownKey = Object.keys(fields).find((key) => !CALENDAR_YEAR_KEYS.includes(key));
  if (unknownKey !== undefined) {
    throw new RangeError(`${path}.${unknownKey}: unknown field; expected only ${CALENDAR_YEAR_KEYS.join(', ')}`);
  }
  if (typeof fields['year'] !== 'number') throw new RangeError(`${path}.year: expected a number, got ${describe(fields['year'])}`);
  return {
    year: fields['year'],
    holidays: parseDateList(fields['holidays'], `${path}.holidays`),
    makeUpWorkingDays: parseDateList(fields['makeUpWorkingDays'], `${path}.makeUpWorkingDays`),
  };
}

function parseDateList(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) throw new RangeError(`${path}: expected an array of YYYY-MM-DD dates, got ${describe(value)}`);
  return value.map((date: unknown, index) => {
    if (typeof date !== 'string') throw new RangeError(`${path}[${index}]: expected a YYYY-MM-DD date, got ${describe(date)}`);
    return date;
  });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? JSON.stringify(value) : typeof value;
}
