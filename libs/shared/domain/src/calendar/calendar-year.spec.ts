import { parseCalendarYears } from './calendar-year';
import { CHINA_2026 } from './china-2026';

describe('parseCalendarYears', () => {
  it('reads the 2026 notice back from its JSON form', () => {
    const json: unknown = JSON.parse(JSON.stringify([CHINA_2026]));
    expect(parseCalendarYears(json)).toEqual([CHINA_2026]);
  });

  it('reads an empty list as no years', () => {
    expect(parseCalendarYears([])).toEqual([]);
  });

  it('rejects a value that is not a list, naming it by the path given', () => {
    expect(() => parseCalendarYears({ year: 2027 }, 'CALENDAR_YEARS')).toThrow(new RangeError('CALENDAR_YEARS: expected an array of calendar years, got object'));
  });

  it('rejects an entry that is not an object', () => {
    expect(() => parseCalendarYears([null])).toThrow(new RangeError('years[0]: expected an object { year, holidays, makeUpWorkingDays }, got null'));
    expect(() => parseCalendarYears([[2027]])).toThrow(new RangeError('years[0]: expected an object { year, holidays, makeUpWorkingDays }, got an array'));
  });

  it('rejects a year given as text', () => {
    expect(() => parseCalendarYears([{ year: '2027', holidays: [], makeUpWorkingDays: [] }])).toThrow(new RangeError('years[0].year: expected a number, got "2027"'));
  });

  it('rejects a missing list and a date that is not text', () => {
    expect(() => parseCalendarYears([{ year: 2027, makeUpWorkingDays: [] }])).toThrow(
      new RangeError('years[0].holidays: expected an array of YYYY-MM-DD dates, got undefined'),
    );
    expect(() => parseCalendarYears([{ year: 2027, holidays: [], makeUpWorkingDays: [20270207] }])).toThrow(
      new RangeError('years[0].makeUpWorkingDays[0]: expected a YYYY-MM-DD date, got number'),
    );
  });

  it('rejects a misspelt field instead of dropping its dates', () => {
    expect(() => parseCalendarYears([{ year: 2027, holidays: [], makeupWorkingDays: ['2027-02-07'] }])).toThrow(
      new RangeError('years[0].makeupWorkingDays: unknown field; expected only year, holidays, makeUpWorkingDays'),
    );
  });

  it('applies the calendar rules and names the bad entry', () => {
    const years = [CHINA_2026, { year: 2027, holidays: ['2027-01-01', '2026-12-31'], makeUpWorkingDays: [] }];
    expect(() => parseCalendarYears(years)).toThrow(new RangeError('years[1].holidays[1]: 2026-12-31 is not in 2027'));
    expect(() => parseCalendarYears([{ year: 2027.5, holidays: [], makeUpWorkingDays: [] }])).toThrow(
      new RangeError('years[0].year: 2027.5 is not a year from 1970 to 9999'),
    );
  });
});
