export { maskEmail, maskIdNumber, maskName, maskPhone } from './privacy/masking';
export { type CalendarYear, parseCalendarYears } from './calendar/calendar-year';
export { CHINA_2026, DEFAULT_WORKING_PERIODS, defaultWorkingCalendar } from './calendar/china-2026';
export { type Deadline, type DeadlineUnit, WorkingCalendar, type WorkingCalendarOptions, type WorkingPeriod } from './calendar/working-calendar';
