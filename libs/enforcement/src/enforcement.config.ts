import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { CHINA_2026, DEFAULT_WORKING_PERIODS, parseCalendarYears, WorkingCalendar } from '@civicflow/domain';
import { DEFAULT_EDUCATION_RULES, type EducationRules } from './domain/education-rules';
import { DEFAULT_PROCEDURE_RULES, HEAVY_MEASURES, type ProcedureRules } from './domain/procedure-rules';

/** Variables of the enforcement service; a host that runs it adds them to its schema, and without them the lawful defaults apply. */
export const enforcementVariables = {
  ENFORCEMENT_PROCEDURE_RULES: Type.String({
    default: '',
    description:
      'Local rules that replace the statutory defaults of the penalty procedure, as JSON, e.g. {"summaryLimitFen":{"person":10000,"organisation":200000},"majorFineThresholdFen":{"person":500000,"organisation":5000000}}. Keys: decision, service, hearingRequest, hearingNotice, statement, payment ({amount, unit}), lateFeePercentPerDay, limitationYears, limitationYearsWithSeriousHarm, summaryLimitFen, hearingFineThresholdFen, majorFineThresholdFen, majorMeasures, legalReviewAfterHearing, minimumOfficers, warningLeadHours.',
  }),
  WORKING_CALENDAR_YEARS: Type.String({
    default: '',
    description: 'Years of the working calendar beyond the built-in 2026, as JSON (the same variable as the complaints service reads): [{"year":2027,"holidays":[...],"makeUpWorkingDays":[...]}].',
  }),
  ENFORCEMENT_DEADLINE_SCAN_INTERVAL_SECONDS: Type.Integer({ minimum: 1, maximum: 3600, default: 60, description: 'How often case deadlines are checked for warnings and overdue alerts.' }),
  ENFORCEMENT_EDUCATION_RULES: Type.String({
    default: '',
    description:
      'The bureau\'s education-first lists (Art. 33) replacing the defaults, as JSON, e.g. {"minorViolations":["littering"],"firstViolations":["street-vending"],"priorViolationWindowMonths":12,"maxRectificationDays":30}. minorViolations: categories not penalised when corrected without harm; firstViolations: categories whose first violation with slight harm is not penalised; priorViolationWindowMonths: how far back a violation of the same category makes one not the first (the law sets none; 12 by default, ADR 0008).',
  }),
  ENFORCEMENT_PARTY_DATA_KEY: Type.String({
    default: '',
    description:
      "Key that seals parties' identity numbers and contact details at rest (AES-256-GCM) and keys their blind index: 32 random bytes in base64 (openssl rand -base64 32). Required when NODE_ENV=production; without it a development key is derived and a warning logged (ADR 0008).",
  }),
  ENFORCEMENT_DEFAULT_DEPARTMENT: Type.String({
    minLength: 1,
    default: 'enforcement',
    description: "The department of cases from complaints and of referrals that name none, and of staff whose token carries no department claim. Staff see and act on their own department's cases only; auditors and admins on all.",
  }),
  ENFORCEMENT_RENEWAL_MIN_TRAINING_HOURS: Type.Number({
    minimum: 0,
    maximum: 1000,
    default: 40,
    description: "Training hours an officer must have attended in the certificate period before the certificate can be renewed; 0 lifts the requirement. Each renewal records the hours counted and the minimum applied.",
  }),
  ENFORCEMENT_ASSESSMENT_WEIGHTS: Type.String({
    default: '',
    description:
      'Weights of the periodic officer assessment, as JSON; empty for the defaults {"onTime":0.4,"reviews":0.25,"complaints":0.2,"satisfaction":0.15,"complaintPenalty":0.25}. complaintPenalty is what each substantiated complaint takes off its component (0–1). A component with nothing to measure is left out and the others are reweighted.',
  }),
};

export interface EnforcementConfig {
  ENFORCEMENT_PROCEDURE_RULES?: string;
  ENFORCEMENT_DEADLINE_SCAN_INTERVAL_SECONDS?: number;
  WORKING_CALENDAR_YEARS?: string;
  ENFORCEMENT_EDUCATION_RULES?: string;
  ENFORCEMENT_PARTY_DATA_KEY?: string;
  ENFORCEMENT_DEFAULT_DEPARTMENT?: string;
  ENFORCEMENT_RENEWAL_MIN_TRAINING_HOURS?: number;
  ENFORCEMENT_ASSESSMENT_WEIGHTS?: string;
}

const Period = Type.Object({ amount: Type.Integer({ minimum: 1 }), unit: Type.Union([Type.Literal('working_days'), Type.Literal('calendar_days')]) }, { additionalProperties: false });
const ByPartyFen = Type.Object({ person: Type.Integer({ minimum: 0 }), organisation: Type.Integer({ minimum: 0 }) }, { additionalProperties: false });
export const ProcedureRulesOverrideSchema = Type.Partial(
  Type.Object(
    {
      decision: Period,
      service: Period,
      hearingRequest: Period,
      hearingNotice: Period,
      statement: Period,
      payment: Period,
      lateFeePercentPerDay: Type.Number({ minimum: 0, maximum: 100 }),
      limitationYears: Type.Integer({ minimum: 1 }),
      limitationYearsWithSeriousHarm: Type.Integer({ minimum: 1 }),
      summaryLimitFen: ByPartyFen,
      hearingFineThresholdFen: ByPartyFen,
      majorFineThresholdFen: ByPartyFen,
      majorMeasures: Type.Array(Type.Union(HEAVY_MEASURES.map((measure) => Type.Literal(measure))), { uniqueItems: true }),
      legalReviewAfterHearing: Type.Boolean(),
      minimumOfficers: Type.Integer({ minimum: 1 }),
      warningLeadHours: Type.Number({ minimum: 0 }),
    },
    { additionalProperties: false },
  ),
);

/**
 * The procedure rules: the statutory defaults with the bureau's local rules laid over them. A
 * local rule may be stricter than the law, never laxer: a rule that would shorten the party's
 * periods, lengthen the bureau's, raise the summary limits or the late fee, or take fewer than
 * two officers is refused at start-up, naming it.
 */
export function procedureRulesFromConfig(config: EnforcementConfig): ProcedureRules {
  const text = config.ENFORCEMENT_PROCEDURE_RULES?.trim() ?? '';
  if (!text) return DEFAULT_PROCEDURE_RULES;
  const overrides = parseJson(text, 'ENFORCEMENT_PROCEDURE_RULES');
  if (!Value.Check(ProcedureRulesOverrideSchema, overrides)) {
    const [first] = [...Value.Errors(ProcedureRulesOverrideSchema, overrides)];
    throw new RangeError(`ENFORCEMENT_PROCEDURE_RULES${first?.path.replace(/\//g, '.') ?? ''}: ${first?.message ?? 'invalid'}`);
  }
  const rules: ProcedureRules = { ...DEFAULT_PROCEDURE_RULES, ...overrides };
  const laxer = laxerThanTheLaw(rules);
  if (laxer) throw new RangeError(`ENFORCEMENT_PROCEDURE_RULES.${laxer}: a local rule may be stricter than the law, not laxer`);
  return rules;
}

function laxerThanTheLaw(rules: ProcedureRules): string | undefined {
  const law = DEFAULT_PROCEDURE_RULES;
  const longer = (name: 'decision' | 'service') => rules[name].unit === law[name].unit ? rules[name].amount > law[name].amount : rules[name].unit === 'calendar_days' && rules[name].amount > law[name].amount;
  const shorter = (name: 'hearingRequest' | 'hearingNotice' | 'payment') => rules[name].amount < law[name].amount || (law[name].unit === 'working_days' && rules[name].unit === 'calendar_days');
  for (const name of ['decision', 'service'] as const) if (longer(name)) return name;
  for (const name of ['hearingRequest', 'hearingNotice', 'payment'] as const) if (shorter(name)) return name;
  for (const kind of ['person', 'organisation'] as const) if (rules.summaryLimitFen[kind] > law.summaryLimitFen[kind]) return `summaryLimitFen.${kind}`;
  if (rules.lateFeePercentPerDay > law.lateFeePercentPerDay) return 'lateFeePercentPerDay';
  if (rules.minimumOfficers < law.minimumOfficers) return 'minimumOfficers';
  if (!rules.legalReviewAfterHearing) return 'legalReviewAfterHearing';
  if (rules.limitationYears > law.limitationYears) return 'limitationYears';
  if (rules.limitationYearsWithSeriousHarm > law.limitationYearsWithSeriousHarm) return 'limitationYearsWithSeriousHarm';
  return undefined;
}

const CategoryList = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { uniqueItems: true });
export const EducationRulesOverrideSchema = Type.Partial(
  Type.Object(
    {
      minorViolations: CategoryList,
      firstViolations: CategoryList,
      priorViolationWindowMonths: Type.Integer({ minimum: 1, maximum: 120 }),
      maxRectificationDays: Type.Integer({ minimum: 1, maximum: 365 }),
    },
    { additionalProperties: false },
  ),
);

/** The education-first lists: the defaults with the bureau's own lists laid over them, refused at start-up with the key named when malformed. */
export function educationRulesFromConfig(config: EnforcementConfig): EducationRules {
  const text = config.ENFORCEMENT_EDUCATION_RULES?.trim() ?? '';
  if (!text) return DEFAULT_EDUCATION_RULES;
  const overrides = parseJson(text, 'ENFORCEMENT_EDUCATION_RULES');
  if (!Value.Check(EducationRulesOverrideSchema, overrides)) {
    const [first] = [...Value.Errors(EducationRulesOverrideSchema, overrides)];
    throw new RangeError(`ENFORCEMENT_EDUCATION_RULES${first?.path.replace(/\//g, '.') ?? ''}: ${first?.message ?? 'invalid'}`);
  }
  return { ...DEFAULT_EDUCATION_RULES, ...overrides };
}

/** The bureau's calendar: the built-in 2026 and the years in WORKING_CALENDAR_YEARS (shared with the complaints service), Beijing time. */
export function workingCalendarFromConfig(config: EnforcementConfig): WorkingCalendar {
  const text = config.WORKING_CALENDAR_YEARS?.trim() ?? '';
  const configured = text ? parseCalendarYears(parseJson(text, 'WORKING_CALENDAR_YEARS'), 'WORKING_CALENDAR_YEARS') : [];
  const byYear = new Map([CHINA_2026, ...configured].map((year) => [year.year, year]));
  return new WorkingCalendar({ years: [...byYear.values()], workingPeriods: DEFAULT_WORKING_PERIODS, utcOffsetMinutes: 480 });
}

function parseJson(text: string, variable: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RangeError(`${variable} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}
