import { CHINA_2026, DEFAULT_WORKING_PERIODS, defaultWorkingCalendar } from './china-2026';
import { type Deadline, WorkingCalendar, type WorkingCalendarOptions } from './working-calendar';

// Expected values are read off the 2026 calendar by hand (1 Jan 2026 is a Thursday), never computed by the code.
const beijing = (localDateTime: string): Date => new Date(`${localDateTime}+08:00`);
const endOfDay = (localDate: string): Date => new Date(`${localDate}T23:59:59.999+08:00`);

const calendar = defaultWorkingCalendar();

describe('isWorkingDay', () => {
  it('treats the Spring Festival as holidays and its make-up Saturdays Feb 14 and Feb 28 as working days', () => {
    expect(calendar.isWorkingDay(beijing('2026-02-13T10:00'))).toBe(true); // Friday
    expect(calendar.isWorkingDay(beijing('2026-02-14T10:00'))).toBe(true); // Saturday, make-up
    expect(calendar.isWorkingDay(beijing('2026-02-15T10:00'))).toBe(false); // Sunday, holiday
    expect(calendar.isWorkingDay(beijing('2026-02-16T10:00'))).toBe(false); // Monday, holiday
    expect(calendar.isWorkingDay(beijing('2026-02-23T10:00'))).toBe(false); // Monday, last holiday
    expect(calendar.isWorkingDay(beijing('2026-02-24T10:00'))).toBe(true); // Tuesday
    expect(calendar.isWorkingDay(beijing('2026-02-28T10:00'))).toBe(true); // Saturday, make-up
    expect(calendar.isWorkingDay(beijing('2026-03-01T10:00'))).toBe(false); // Sunday
    expect(calendar.isWorkingDay(beijing('2026-02-07T10:00'))).toBe(false); // an ordinary Saturday
  });

  it('reads the day in Beijing time, not in UTC', () => {
    expect(calendar.isWorkingDay(new Date('2026-03-06T17:00:00Z'))).toBe(false); // Saturday 01:00 in Beijing
    expect(calendar.isWorkingDay(new Date('2026-03-08T16:30:00Z'))).toBe(true); // Monday 00:30 in Beijing
    expect(calendar.isWorkingDay(new Date('2026-03-06T15:59:59.999Z'))).toBe(true); // Friday 23:59:59.999
  });

  it('finds the 248 working days of 2026: 261 weekdays, less 19 weekday holidays, plus 6 make-up days', () => {
    const noonsOf2026 = Array.from({ length: 365 }, (_, index) => new Date(Date.UTC(2026, 0, 1 + index, 4)));
    expect(noonsOf2026.filter((noon) => calendar.isWorkingDay(noon))).toHaveLength(248);
  });
});

describe('addWorkingDays', () => {
  it('counts the make-up Saturday before the Spring Festival and skips the holiday', () => {
    const friday = beijing('2026-02-13T10:00');
    expect(calendar.addWorkingDays(friday, 1)).toEqual(endOfDay('2026-02-14'));
    expect(calendar.addWorkingDays(friday, 2)).toEqual(endOfDay('2026-02-24'));
    expect(calendar.addWorkingDays(friday, 5)).toEqual(endOfDay('2026-02-27'));
    expect(calendar.addWorkingDays(friday, 6)).toEqual(endOfDay('2026-02-28'));
    expect(calendar.addWorkingDays(friday, 7)).toEqual(endOfDay('2026-03-02'));
  });

  it('counts the make-up Sunday Sep 20 and Saturday Oct 10 around the National Day week', () => {
    // Sun 20, Mon 21, Tue 22, Wed 23, Thu 24, then the Mid-Autumn holiday Fri 25 to Sun 27, Mon 28, Tue 29.
    expect(calendar.addWorkingDays(beijing('2026-09-18T15:00'), 7)).toEqual(endOfDay('2026-09-29'));
    // Oct 1 to 7 are holidays: Thu 8, Fri 9, Sat 10 (make-up), then Mon 12.
    expect(calendar.addWorkingDays(beijing('2026-09-30T16:00'), 3)).toEqual(endOfDay('2026-10-10'));
    expect(calendar.addWorkingDays(beijing('2026-09-30T16:00'), 4)).toEqual(endOfDay('2026-10-12'));
  });

  it('gives a 5-working-day hearing request window told the day before Labour Day until the Monday after the make-up Saturday', () => {
    // Told Thu Apr 30; May 1 to 5 are holidays: Wed 6, Thu 7, Fri 8, Sat 9 (make-up), Mon 11.
    expect(calendar.dueAt(beijing('2026-04-30T16:00'), { amount: 5, unit: 'working_days' })).toEqual(endOfDay('2026-05-11'));
  });

  it('runs a period started on a weekend as if started on the next working day, which is not counted', () => {
    expect(calendar.addWorkingDays(beijing('2026-03-07T10:00'), 1)).toEqual(endOfDay('2026-03-10')); // Sat → as Mon → Tue
  });

  it('runs a period started on a holiday as if started on the first working day after it', () => {
    // Sat May 2 → as Wed May 6: Thu 7, Fri 8, Sat 9 (make-up), Mon 11, Tue 12.
    expect(calendar.addWorkingDays(beijing('2026-05-02T10:00'), 5)).toEqual(endOfDay('2026-05-12'));
  });

  it('treats a make-up Saturday as an ordinary start day', () => {
    expect(calendar.addWorkingDays(beijing('2026-02-14T10:00'), 1)).toEqual(endOfDay('2026-02-24'));
  });

  it('takes the start day in Beijing time', () => {
    // Fri Mar 6 00:30 in Beijing is still Thu Mar 5 in UTC.
    expect(calendar.addWorkingDays(beijing('2026-03-06T00:30'), 1)).toEqual(endOfDay('2026-03-09'));
  });

  it('ends the 248th working day after New Year 2026 on Dec 31', () => {
    expect(calendar.addWorkingDays(beijing('2025-12-31T12:00'), 248)).toEqual(endOfDay('2026-12-31'));
  });
});

describe('addCalendarDays', () => {
  it('ends on the last day when it is a working day', () => {
    expect(calendar.addCalendarDays(beijing('2026-06-01T09:00'), 15)).toEqual(endOfDay('2026-06-16'));
  });

  it('moves a 15-day period whose last day is a holiday to the first working day after the holiday', () => {
    expect(calendar.addCalendarDays(beijing('2026-09-16T10:00'), 15)).toEqual(endOfDay('2026-10-08')); // Oct 1, National Day
    expect(calendar.addCalendarDays(beijing('2026-06-04T10:00'), 15)).toEqual(endOfDay('2026-06-22')); // Jun 19, Dragon Boat
  });

  it('moves a last day on a weekend to the Monday', () => {
    expect(calendar.addCalendarDays(beijing('2026-03-06T10:00'), 15)).toEqual(endOfDay('2026-03-23')); // Sat Mar 21
  });

  it('keeps a last day that is a make-up Saturday', () => {
    expect(calendar.addCalendarDays(beijing('2026-02-13T10:00'), 15)).toEqual(endOfDay('2026-02-28'));
  });

  it('counts calendar days from the day after a weekend start', () => {
    expect(calendar.addCalendarDays(beijing('2026-03-07T10:00'), 15)).toEqual(endOfDay('2026-03-23')); // Sun Mar 22 → Mon
  });

  it('moves the 90-day decision deadline from registration on Jan 5 past the Qingming holiday', () => {
    // Jan 5 + 26 = Jan 31, + 28 = Feb 28, + 31 = Mar 31, + 5 = Sun Apr 5 (holiday Apr 4 to 6) → Tue Apr 7.
    expect(calendar.dueAt(beijing('2026-01-05T10:00'), { amount: 90, unit: 'calendar_days' })).toEqual(endOfDay('2026-04-07'));
  });
});

describe('addWorkingHours', () => {
  it('skips the lunch break: 4 working hours from 11:00 on a Friday end at 16:30 that day', () => {
    expect(calendar.addWorkingHours(beijing('2026-03-06T11:00'), 4)).toEqual(beijing('2026-03-06T16:30'));
  });

  it('carries over the weekend: 6 working hours from 11:00 on a Friday end at 10:00 on Monday', () => {
    expect(calendar.addWorkingHours(beijing('2026-03-06T11:00'), 6)).toEqual(beijing('2026-03-09T10:00'));
  });

  it('carries over to the make-up Sunday Sep 20, and over the Mid-Autumn holiday', () => {
    expect(calendar.addWorkingHours(beijing('2026-09-18T11:00'), 6)).toEqual(beijing('2026-09-20T10:00'));
    expect(calendar.addWorkingHours(beijing('2026-09-24T11:00'), 6)).toEqual(beijing('2026-09-28T10:00'));
  });

  it('ends at the end of a period it uses up, not at the start of the next one', () => {
    expect(calendar.addWorkingHours(beijing('2026-03-06T11:00'), 1)).toEqual(beijing('2026-03-06T12:00'));
    expect(calendar.addWorkingHours(beijing('2026-02-13T09:00'), 7)).toEqual(beijing('2026-02-13T17:30'));
    expect(calendar.addWorkingHours(beijing('2026-02-13T09:00'), 8)).toEqual(beijing('2026-02-14T10:00'));
  });

  it('counts fractions of an hour', () => {
    expect(calendar.addWorkingHours(beijing('2026-03-06T11:00'), 0.25)).toEqual(beijing('2026-03-06T11:15'));
    expect(calendar.addWorkingHours(beijing('2026-03-06T11:00'), 1.5)).toEqual(beijing('2026-03-06T14:00'));
  });

  it('counts a start at 17:45 from 09:00 on the next working day', () => {
    expect(calendar.addWorkingHours(beijing('2026-03-05T17:45'), 2)).toEqual(beijing('2026-03-06T11:00'));
    expect(calendar.addWorkingHours(beijing('2026-03-06T17:45'), 4)).toEqual(beijing('2026-03-09T14:30'));
  });

  it('counts a start in the lunch break from 13:30', () => {
    expect(calendar.addWorkingHours(beijing('2026-03-09T12:30'), 1)).toEqual(beijing('2026-03-09T14:30'));
  });

  it('counts a start on a weekend or a holiday from the next working morning', () => {
    expect(calendar.addWorkingHours(beijing('2026-03-07T10:00'), 2)).toEqual(beijing('2026-03-09T11:00'));
    expect(calendar.addWorkingHours(beijing('2026-10-01T10:00'), 3)).toEqual(beijing('2026-10-08T12:00'));
  });
});

describe('workingHoursBetween', () => {
  it('counts only working time across a weekend', () => {
    // Fri 16:00 to 17:30, then Mon 09:00 to 10:00.
    expect(calendar.workingHoursBetween(beijing('2026-03-06T16:00'), beijing('2026-03-09T10:00'))).toBe(2.5);
  });

  it('leaves out the lunch break', () => {
    expect(calendar.workingHoursBetween(beijing('2026-03-09T11:00'), beijing('2026-03-09T14:00'))).toBe(1.5);
  });

  it('counts the make-up Saturday and nothing of the Spring Festival', () => {
    expect(calendar.workingHoursBetween(beijing('2026-02-13T09:00'), beijing('2026-02-24T09:00'))).toBe(14);
  });

  it('counts 35 hours in an ordinary week', () => {
    expect(calendar.workingHoursBetween(beijing('2026-03-09T00:00'), beijing('2026-03-16T00:00'))).toBe(35);
  });

  it('is 0 outside working time and when the end is not after the start', () => {
    expect(calendar.workingHoursBetween(beijing('2026-03-06T18:00'), beijing('2026-03-07T12:00'))).toBe(0);
    expect(calendar.workingHoursBetween(beijing('2026-03-09T11:00'), beijing('2026-03-09T10:00'))).toBe(0);
    expect(calendar.workingHoursBetween(beijing('2026-03-09T11:00'), beijing('2026-03-09T11:00'))).toBe(0);
  });
});

describe('dueAt', () => {
  it('counts a deadline in working hours', () => {
    expect(calendar.dueAt(beijing('2026-03-06T11:00'), { amount: 4, unit: 'working_hours' })).toEqual(beijing('2026-03-06T16:30'));
  });

  it('rejects a unit it does not know', () => {
    const deadline = { amount: 1, unit: 'weeks' } as unknown as Deadline;
    expect(() => calendar.dueAt(beijing('2026-03-06T11:00'), deadline)).toThrow(new RangeError('deadline.unit: "weeks" is not one of working_hours, working_days, calendar_days'));
  });
});

describe('a year without data', () => {
  it('is reported as not covered', () => {
    expect(calendar.coversYear(2026)).toBe(true);
    expect(calendar.coversYear(2025)).toBe(false);
    expect(calendar.coversYear(2027)).toBe(false);
  });

  it('falls back to weekends only, so New Year 2027 (a Friday) counts as a working day', () => {
    expect(calendar.isWorkingDay(beijing('2027-01-01T10:00'))).toBe(true);
    expect(calendar.isWorkingDay(beijing('2027-01-02T10:00'))).toBe(false);
    expect(calendar.addWorkingDays(beijing('2026-12-31T10:00'), 1)).toEqual(endOfDay('2027-01-01'));
  });

  it('counts holidays once the year is added as data', () => {
    const with2027 = new WorkingCalendar({
      years: [CHINA_2026, { year: 2027, holidays: ['2027-01-01'], makeUpWorkingDays: [] }],
      workingPeriods: DEFAULT_WORKING_PERIODS,
      utcOffsetMinutes: 480,
    });
    expect(with2027.coversYear(2027)).toBe(true);
    expect(with2027.addWorkingDays(beijing('2026-12-31T10:00'), 1)).toEqual(endOfDay('2027-01-04'));
  });
});

describe('invalid options', () => {
  const valid: WorkingCalendarOptions = { years: [CHINA_2026], workingPeriods: DEFAULT_WORKING_PERIODS, utcOffsetMinutes: 480 };
  const construct = (changes: Partial<WorkingCalendarOptions>) => () => new WorkingCalendar({ ...valid, ...changes });
  const year2026 = (holidays: string[], makeUpWorkingDays: string[] = []) => ({ year: 2026, holidays, makeUpWorkingDays });

  it('rejects a date in the wrong year', () => {
    expect(construct({ years: [year2026(['2026-01-01', '2027-01-01'])] })).toThrow(new RangeError('years[0].holidays[1]: 2027-01-01 is not in 2026'));
  });

  it('rejects a day that is both a holiday and a make-up day', () => {
    expect(construct({ years: [year2026(['2026-02-14'], ['2026-02-14'])] })).toThrow(
      new RangeError('years[0].makeUpWorkingDays[0]: 2026-02-14 is also listed as a holiday'),
    );
  });

  it('rejects a make-up day on a weekday', () => {
    expect(construct({ years: [year2026([], ['2026-02-14', '2026-02-16'])] })).toThrow(
      new RangeError('years[0].makeUpWorkingDays[1]: 2026-02-16 is a weekday; a make-up working day is a Saturday or Sunday'),
    );
  });

  it('rejects dates that are not real or not YYYY-MM-DD', () => {
    expect(construct({ years: [year2026(['2026-02-30'])] })).toThrow(new RangeError('years[0].holidays[0]: "2026-02-30" is not a real date in the form YYYY-MM-DD'));
    expect(construct({ years: [year2026(['2026-2-3'])] })).toThrow(new RangeError('years[0].holidays[0]: "2026-2-3" is not a real date in the form YYYY-MM-DD'));
  });

  it('rejects a date listed twice and a year given twice', () => {
    expect(construct({ years: [year2026(['2026-05-01', '2026-05-01'])] })).toThrow(new RangeError('years[0].holidays[1]: 2026-05-01 is listed twice'));
    expect(construct({ years: [CHINA_2026, year2026([])] })).toThrow(new RangeError('years[1].year: 2026 is already given by years[0]'));
  });

  it('rejects overlapping working periods, in whatever order they are given', () => {
    expect(construct({ workingPeriods: [{ start: '09:00', end: '12:00' }, { start: '11:30', end: '14:00' }] })).toThrow(
      new RangeError('workingPeriods[1]: 11:30–14:00 overlaps workingPeriods[0] 09:00–12:00'),
    );
    expect(construct({ workingPeriods: [{ start: '13:00', end: '15:00' }, { start: '09:00', end: '13:30' }] })).toThrow(
      new RangeError('workingPeriods[0]: 13:00–15:00 overlaps workingPeriods[1] 09:00–13:30'),
    );
  });

  it('accepts periods that touch', () => {
    expect(construct({ workingPeriods: [{ start: '09:00', end: '12:00' }, { start: '12:00', end: '13:00' }] })).not.toThrow();
  });

  it('rejects malformed, empty or backwards working periods', () => {
    expect(construct({ workingPeriods: [{ start: '9:00', end: '12:00' }] })).toThrow(new RangeError('workingPeriods[0].start: "9:00" is not a time HH:MM from 00:00 to 23:59'));
    expect(construct({ workingPeriods: [{ start: '09:00', end: '24:00' }] })).toThrow(new RangeError('workingPeriods[0].end: "24:00" is not a time HH:MM from 00:00 to 23:59'));
    expect(construct({ workingPeriods: [{ start: '12:00', end: '09:00' }] })).toThrow(new RangeError('workingPeriods[0]: ends at 09:00, not after its start 12:00'));
    expect(construct({ workingPeriods: [] })).toThrow(new RangeError('workingPeriods: at least one working period is needed to count working hours'));
  });

  it('rejects an offset that is no real time zone', () => {
    expect(construct({ utcOffsetMinutes: 480.5 })).toThrow(RangeError);
    expect(construct({ utcOffsetMinutes: 15 * 60 })).toThrow(/^utcOffsetMinutes: 900 /);
  });
});

describe('invalid arguments', () => {
  it('rejects counts that are negative, fractional days or not numbers', () => {
    const start = beijing('2026-03-06T11:00');
    expect(() => calendar.addWorkingDays(start, -1)).toThrow(new RangeError('days: -1 is not a whole number ≥ 0'));
    expect(() => calendar.addCalendarDays(start, 1.5)).toThrow(new RangeError('days: 1.5 is not a whole number ≥ 0'));
    expect(() => calendar.addWorkingHours(start, Number.NaN)).toThrow(new RangeError('hours: NaN is not a number of hours ≥ 0'));
    expect(() => calendar.addWorkingHours(start, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('rejects an invalid Date', () => {
    expect(() => calendar.isWorkingDay(new Date('not a date'))).toThrow(new RangeError('instant: not a valid Date'));
    expect(() => calendar.workingHoursBetween(beijing('2026-03-06T11:00'), new Date(Number.NaN))).toThrow(new RangeError('to: not a valid Date'));
  });
});
