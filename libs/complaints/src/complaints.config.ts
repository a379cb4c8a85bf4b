import { Type } from '@sinclair/typebox';
import { CHINA_2026, DEFAULT_WORKING_PERIODS, parseCalendarYears, WorkingCalendar } from '@civicflow/domain';

/** Variables of the complaints service; each host that runs it adds them to its schema. */
export const complaintsVariables = {
  DUPLICATE_RADIUS_METRES: Type.Integer({ minimum: 1, maximum: 5000, default: 50, description: 'Open complaints of the same category within this distance are suggested as duplicates.' }),
  DUPLICATE_WINDOW_DAYS: Type.Integer({ minimum: 1, maximum: 365, default: 30, description: 'Only complaints received within this many days are suggested as duplicates.' }),
  SATISFACTION_SURVEY_DELAY_HOURS: Type.Integer({ minimum: 0, maximum: 720, default: 24, description: 'Hours after closure before the reporter is asked to rate the answer.' }),
  WORKING_CALENDAR_YEARS: Type.String({
    default: '',
    description:
      'Years of the working-time calendar beyond the built-in 2026, as JSON: [{"year":2027,"holidays":["2027-01-01",...],"makeUpWorkingDays":[...]}]. Each year\'s State Council notice is added here as data.',
  }),
  RESPONSE_DEADLINE_WORKING_HOURS: Type.Number({ minimum: 0.25, maximum: 80, default: 2, description: 'Working hours within which a new complaint must be accepted or rejected (the reporter contacted) to count as answered on time.' }),
  DEADLINE_SCAN_INTERVAL_SECONDS: Type.Integer({ minimum: 1, maximum: 3600, default: 60, description: 'How often overdue complaints are looked for and escalated.' }),
  OPEN311_API_KEYS: Type.String({
    default: '',
    // At least 16 characters a key: a short shared secret is guessed, and a guessed key files complaints in the bureau's name.
    pattern: '^\\s*$|^\\s*[^,\\s]{16,}\\s*(,\\s*[^,\\s]{16,}\\s*)*$',
    description: 'Open311 API keys accepted for POST requests, comma-separated, each at least 16 characters; keys an admin issues are accepted too.',
  }),
  OPEN311_JURISDICTION_ID: Type.String({
    default: 'civicflow.local',
    pattern: '^[A-Za-z0-9][A-Za-z0-9.-]{0,199}$',
    description: 'The Open311 jurisdiction_id of this endpoint; a request that names another jurisdiction is refused.',
  }),
  MEDIA_MAX_BYTES: Type.Integer({ minimum: 1024, maximum: 100 * 1024 * 1024, default: 10 * 1024 * 1024, description: 'Largest photo or video a complaint may carry, in bytes (web upload and e-mail attachment).' }),
  MEDIA_MAX_PER_COMPLAINT: Type.Integer({ minimum: 1, maximum: 50, default: 6, description: 'Most photos and videos one complaint may carry.' }),
  MAIL_INTAKE_ENABLED: Type.Boolean({ default: false, description: "Run the SMTP listener that turns mail to the bureau's mailbox into complaints (on in npm start)." }),
  MAIL_INTAKE_HOST: Type.String({ minLength: 1, default: '0.0.0.0', description: 'Address the mail intake listens on.' }),
  MAIL_INTAKE_PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 2526, description: 'Port of the mail intake (SMTP, no TLS: put it behind the bureau\'s mail relay); 0 takes a free one.' }),
  MAIL_INTAKE_ADDRESSES: Type.String({
    pattern: '^\\s*[^@,\\s]+@[^@,\\s]+\\s*(,\\s*[^@,\\s]+@[^@,\\s]+\\s*)*$',
    default: 'complaints@civicflow.local',
    description: "The bureau's complaint mailbox address(es), comma-separated; mail to any other recipient is refused (550).",
  }),
  MAIL_INTAKE_MAX_BYTES: Type.Integer({ minimum: 1024, maximum: 100 * 1024 * 1024, default: 25 * 1024 * 1024, description: 'Largest message the mail intake takes, attachments included, in bytes; a larger one is refused (552).' }),
};

export interface ComplaintsConfig {
  DUPLICATE_RADIUS_METRES: number;
  DUPLICATE_WINDOW_DAYS: number;
  SATISFACTION_SURVEY_DELAY_HOURS: number;
  WORKING_CALENDAR_YEARS: string;
  RESPONSE_DEADLINE_WORKING_HOURS: number;
  DEADLINE_SCAN_INTERVAL_SECONDS: number;
  OPEN311_API_KEYS: string;
  OPEN311_JURISDICTION_ID: string;
  MEDIA_MAX_BYTES: number;
  MEDIA_MAX_PER_COMPLAINT: number;
  MAIL_INTAKE_ENABLED: boolean;
  MAIL_INTAKE_HOST: string;
  MAIL_INTAKE_PORT: number;
  MAIL_INTAKE_ADDRESSES: string;
  MAIL_INTAKE_MAX_BYTES: number;
}

/** The bureau's calendar (Beijing time, 09:00–12:00 and 13:30–17:30) with the configured years; a configured 2026 replaces the built-in one. */
export function workingCalendarFromConfig(config: Pick<ComplaintsConfig, 'WORKING_CALENDAR_YEARS'>): WorkingCalendar {
  const configured = config.WORKING_CALENDAR_YEARS.trim() ? parseCalendarYears(parseJson(config.WORKING_CALENDAR_YEARS), 'WORKING_CALENDAR_YEARS') : [];
  const byYear = new Map([CHINA_2026, ...configured].map((year) => [year.year, year]));
  return new WorkingCalendar({ years: [...byYear.values()], workingPeriods: DEFAULT_WORKING_PERIODS, utcOffsetMinutes: 480 });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RangeError(`WORKING_CALENDAR_YEARS is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}
