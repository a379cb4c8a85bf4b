import { DEFAULT_PROCEDURE_RULES, givesHearingRight, isMajor, type Penalty } from './procedure-rules';

const rules = DEFAULT_PROCEDURE_RULES;
const penalty = (fineCny: number, measures: Penalty['measures'] = [], warning = false): Penalty => ({ warning, fineFen: fineCny * 100, measures });

/** The thresholds checked against LEGAL.md ("The penalty procedure": Art. 51, 58, 63). */
describe('hearing rights and major decisions, as LEGAL.md lists them', () => {
  it.each(['person', 'organisation'] as const)('gives a %s a hearing for a large fine from the threshold on ("以上" includes the amount), not below', (kind) => {
    const threshold = rules.hearingFineThresholdFen[kind] / 100;
    expect(givesHearingRight(penalty(threshold), kind, rules)).toBe(true);
    expect(givesHearingRight(penalty(threshold - 1), kind, rules)).toBe(false);
    expect(givesHearingRight(penalty(0, [], true), kind, rules)).toBe(false);
  });

  it.each(['confiscation', 'licence_revocation', 'stop_business'] as const)('gives a hearing for %s whatever the fine (Art. 63)', (measure) => {
    expect(givesHearingRight(penalty(0, [measure]), 'person', rules)).toBe(true);
  });

  it.each(['demolition', 'seizure', 'licence_revocation'] as const)('makes %s a major decision that needs legal review (Art. 58)', (measure) => {
    expect(isMajor(penalty(0, [measure]), 'organisation', rules)).toBe(true);
  });

  it('makes a fine that gives a hearing right major too, and reviews any penalty after a hearing (Art. 58(2))', () => {
    for (const kind of ['person', 'organisation'] as const) {
      expect(rules.majorFineThresholdFen[kind]).toBeLessThanOrEqual(rules.hearingFineThresholdFen[kind]);
      expect(isMajor(penalty(rules.hearingFineThresholdFen[kind] / 100), kind, rules)).toBe(true);
    }
    expect(rules.legalReviewAfterHearing).toBe(true);
  });

  it('keeps the summary procedure to a warning or a fine up to 200 CNY (person) / 3,000 CNY (organisation), below any hearing threshold (Art. 51)', () => {
    expect(rules.summaryLimitFen).toEqual({ person: 200_00, organisation: 3_000_00 });
    for (const kind of ['person', 'organisation'] as const) expect(rules.summaryLimitFen[kind]).toBeLessThan(rules.hearingFineThresholdFen[kind]);
  });
});
