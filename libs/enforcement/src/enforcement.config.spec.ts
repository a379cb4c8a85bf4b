import { DEFAULT_EDUCATION_RULES } from './domain/education-rules';
import { DEFAULT_PROCEDURE_RULES } from './domain/procedure-rules';
import { educationRulesFromConfig, procedureRulesFromConfig, workingCalendarFromConfig } from './enforcement.config';

describe('procedure rules from configuration', () => {
  it('are the statutory defaults when nothing is configured', () => {
    expect(procedureRulesFromConfig({})).toBe(DEFAULT_PROCEDURE_RULES);
    expect(procedureRulesFromConfig({ ENFORCEMENT_PROCEDURE_RULES: '  ' })).toBe(DEFAULT_PROCEDURE_RULES);
  });

  it('take stricter local rules', () => {
    const rules = procedureRulesFromConfig({ ENFORCEMENT_PROCEDURE_RULES: '{"summaryLimitFen":{"person":10000,"organisation":200000},"decision":{"amount":60,"unit":"calendar_days"},"majorMeasures":["demolition"]}' });
    expect(rules).toMatchObject({ summaryLimitFen: { person: 100_00, organisation: 2_000_00 }, decision: { amount: 60 }, majorMeasures: ['demolition'], payment: DEFAULT_PROCEDURE_RULES.payment });
  });

  it.each([
    ['{"summaryLimitFen":{"person":30000,"organisation":300000}}', /summaryLimitFen\.person: .*not laxer/],
    ['{"decision":{"amount":120,"unit":"calendar_days"}}', /decision: .*not laxer/],
    ['{"hearingRequest":{"amount":3,"unit":"working_days"}}', /hearingRequest: .*not laxer/],
    ['{"hearingNotice":{"amount":7,"unit":"calendar_days"}}', /hearingNotice: .*not laxer/],
    ['{"minimumOfficers":1}', /minimumOfficers: .*not laxer/],
    ['{"lateFeePercentPerDay":5}', /lateFeePercentPerDay: .*not laxer/],
    ['{"legalReviewAfterHearing":false}', /legalReviewAfterHearing: .*not laxer/],
    ['{"decison":{"amount":60,"unit":"calendar_days"}}', /ENFORCEMENT_PROCEDURE_RULES/],
    ['{"payment":{"amount":"15"}}', /ENFORCEMENT_PROCEDURE_RULES\.payment/],
    ['{not json', /ENFORCEMENT_PROCEDURE_RULES is not JSON/],
  ])('refuse %s', (text, message) => {
    expect(() => procedureRulesFromConfig({ ENFORCEMENT_PROCEDURE_RULES: text })).toThrow(message);
  });

  it('read further calendar years', () => {
    const calendar = workingCalendarFromConfig({ WORKING_CALENDAR_YEARS: '[{"year":2027,"holidays":["2027-01-01"],"makeUpWorkingDays":[]}]' });
    expect(calendar.coversYear(2027)).toBe(true);
    expect(calendar.isWorkingDay(new Date('2027-01-01T04:00:00Z'))).toBe(false);
  });
});

describe('education-first rules from configuration', () => {
  it('are the defaults when nothing is configured: a 12-month window, and lists per category', () => {
    expect(educationRulesFromConfig({})).toBe(DEFAULT_EDUCATION_RULES);
    expect(DEFAULT_EDUCATION_RULES.priorViolationWindowMonths).toBe(12);
    expect(DEFAULT_EDUCATION_RULES.firstViolations).toContain('street-vending');
  });

  it("take the bureau's own lists and window", () => {
    const rules = educationRulesFromConfig({ ENFORCEMENT_EDUCATION_RULES: '{"firstViolations":["street-vending","noise"],"priorViolationWindowMonths":24}' });
    expect(rules).toEqual({ ...DEFAULT_EDUCATION_RULES, firstViolations: ['street-vending', 'noise'], priorViolationWindowMonths: 24 });
  });

  it.each([
    ['not JSON', '{', /ENFORCEMENT_EDUCATION_RULES is not JSON/],
    ['an unknown key', '{"firstViolation":[]}', /ENFORCEMENT_EDUCATION_RULES/],
    ['a window of 0 months', '{"priorViolationWindowMonths":0}', /ENFORCEMENT_EDUCATION_RULES\.priorViolationWindowMonths/],
    ['a category twice', '{"minorViolations":["littering","littering"]}', /ENFORCEMENT_EDUCATION_RULES\.minorViolations/],
  ])('refuses %s, naming the variable', (_what, value, message) => {
    expect(() => educationRulesFromConfig({ ENFORCEMENT_EDUCATION_RULES: value })).toThrow(message);
  });
});
