import type { Provider } from '@nestjs/common';
import type { WorkingCalendar } from '@civicflow/domain';
import { CONFIG } from '@civicflow/config';
import type { EducationRules } from '../domain/education-rules';
import type { ProcedureRules } from '../domain/procedure-rules';
import { educationRulesFromConfig, type EnforcementConfig, procedureRulesFromConfig, workingCalendarFromConfig } from '../enforcement.config';

export const PROCEDURE_SETTINGS = Symbol('enforcement.procedure-settings');

export interface ProcedureSettings {
  readonly rules: ProcedureRules;
  readonly calendar: WorkingCalendar;
  readonly education: EducationRules;
  /** The department of cases that name none, and of staff without a department claim. */
  readonly defaultDepartment: string;
}

export const procedureSettingsProvider: Provider = {
  provide: PROCEDURE_SETTINGS,
  inject: [CONFIG],
  useFactory: (config: EnforcementConfig): ProcedureSettings => ({
    rules: procedureRulesFromConfig(config),
    calendar: workingCalendarFromConfig(config),
    education: educationRulesFromConfig(config),
    defaultDepartment: config.ENFORCEMENT_DEFAULT_DEPARTMENT?.trim() || 'enforcement',
  }),
};
