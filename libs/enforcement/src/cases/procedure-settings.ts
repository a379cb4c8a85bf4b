import type { Provider } from '@nestjs/common';
import type { WorkingCalendar } from '@civicflow/domain';
import { CONFIG } from '@civicflow/config';
import type { ProcedureRules } from '../domain/procedure-rules';
import { type EnforcementConfig, procedureRulesFromConfig, workingCalendarFromConfig } from '../enforcement.config';

export const PROCEDURE_SETTINGS = Symbol('enforcement.procedure-settings');

export interface ProcedureSettings {
  readonly rules: ProcedureRules;
  readonly calendar: WorkingCalendar;
}

export const procedureSettingsProvider: Provider = {
  provide: PROCEDURE_SETTINGS,
  inject: [CONFIG],
  useFactory: (config: EnforcementConfig): ProcedureSettings => ({ rules: procedureRulesFromConfig(config), calendar: workingCalendarFromConfig(config) }),
};
