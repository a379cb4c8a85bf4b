import { Type } from '@sinclair/typebox';

/** Variables of the complaints service; each host that runs it adds them to its schema. */
export const complaintsVariables = {
  DUPLICATE_RADIUS_METRES: Type.Integer({ minimum: 1, maximum: 5000, default: 50, description: 'Open complaints of the same category within this distance are suggested as duplicates.' }),
  DUPLICATE_WINDOW_DAYS: Type.Integer({ minimum: 1, maximum: 365, default: 30, description: 'Only complaints received within this many days are suggested as duplicates.' }),
  SATISFACTION_SURVEY_DELAY_HOURS: Type.Integer({ minimum: 0, maximum: 720, default: 24, description: 'Hours after closure before the reporter is asked to rate the answer.' }),
  DEADLINE_SCAN_INTERVAL_SECONDS: Type.Integer({ minimum: 1, maximum: 3600, default: 60, description: 'How often overdue complaints are looked for and escalated.' }),
};

export interface ComplaintsConfig {
  DUPLICATE_RADIUS_METRES: number;
  DUPLICATE_WINDOW_DAYS: number;
  SATISFACTION_SURVEY_DELAY_HOURS: number;
  DEADLINE_SCAN_INTERVAL_SECONDS: number;
}
