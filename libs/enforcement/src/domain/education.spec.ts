import { defaultWorkingCalendar } from '@civicflow/domain';
import { caseDeadlines } from './deadlines';
import { DEFAULT_EDUCATION_RULES, type PriorViolation, priorViolationsInWindow } from './education-rules';
import { applyAction, openCase, type ProcedureCase, type ProcedureContext, ProcedureRefused, suspendedCalendarDays } from './procedure';
import { DEFAULT_PROCEDURE_RULES } from './procedure-rules';

const calendar = defaultWorkingCalendar();
// Tuesday 10 March 2026, 10:00 in Beijing.
const NOW = new Date('2026-03-10T02:00:00Z');
const officers = [
  { id: 'o1', certificateValidUntil: '2028-06-30' },
  { id: 'o2', certificateValidUntil: '2027-12-31' },
  { id: 'o3', certificateValidUntil: '2025-12-31' },
];
const context = (overrides: { now?: Date; category?: string; priors?: PriorViolation[] } = {}): ProcedureContext => ({
  now: overrides.now ?? NOW,
  rules: DEFAULT_PROCEDURE_RULES,
  calendar,
  officers,
  education: { rules: DEFAULT_EDUCATION_RULES, category: overrides.category ?? 'street-vending', priorViolations: overrides.priors ?? [] },
});
const investigating: ProcedureCase = {
  ...openCase({ partyKind: 'person', violationAt: '2026-03-01T02:00:00Z', officerIds: ['o1', 'o2'], now: new Date('2026-03-02T02:00:00Z') }),
  state: 'investigating',
  registeredAt: '2026-03-02T02:00:00Z',
  evidenceCount: 1,
};
const RECTIFY_BY = '2026-03-17T15:59:59.999Z';
const educate = { kind: 'give_education' as const, explained: 'Regulation Art. 24: no trading on the pavement', educatedBy: 'o1', rectifyBy: RECTIFY_BY, harmMinor: true };
const video = [{ kind: 'video' as const, sha256: 'a'.repeat(64) }];
const followUp = (rectified: boolean) => ({ kind: 'follow_up_inspection' as const, rectified, evidence: video, presentOfficerIds: ['o1', 'o2'] });

function refusal(current: ProcedureCase, action: Parameters<typeof applyAction>[1], ctx = context()): string {
  try {
    applyAction(current, action, ctx);
  } catch (error) {
    if (error instanceof ProcedureRefused) return error.code;
    throw error;
  }
  throw new Error('the action was allowed');
}

describe('education first (Art. 33)', () => {
  it('educates a first violation with slight harm, and ends the case with the education outcome once rectified', () => {
    const educated = applyAction(investigating, educate, context());
    expect(educated).toMatchObject({ state: 'rectifying', rectification: { basis: 'first_violation', by: 'o1', rectifyBy: RECTIFY_BY, explained: educate.explained } });
    const inspected = applyAction(educated, followUp(true), context({ now: new Date('2026-03-16T02:00:00Z') }));
    expect(inspected).toMatchObject({ state: 'decided', decision: { outcome: 'education', major: false }, rectification: { followUp: { rectified: true } }, evidenceCount: 2 });
  });

  it('falls back to the penalty path when the party did not rectify, and allows no second education', () => {
    const educated = applyAction(investigating, educate, context());
    const afterDue = context({ now: new Date('2026-03-18T02:00:00Z') });
    const back = applyAction(educated, followUp(false), afterDue);
    expect(back).toMatchObject({ state: 'investigating', rectification: { followUp: { rectified: false } } });
    expect(back.decision).toBeUndefined();
    expect(refusal(back, educate, afterDue)).toBe('rectification_already_failed');
    expect(refusal(back, { kind: 'order_rectification', requirement: 'x', orderedBy: 'o1', rectifyBy: '2026-03-25T15:59:59.999Z' }, afterDue)).toBe('rectification_already_failed');
    // The penalty path is open again: a notice can be issued.
    expect(applyAction(back, { kind: 'issue_notice', proposed: { warning: false, fineFen: 500_00, measures: [] } }, afterDue).state).toBe('notice_issued');
  });

  it('refuses "not rectified" while the rectification period runs', () => {
    const educated = applyAction(investigating, educate, context());
    expect(refusal(educated, followUp(false), context({ now: new Date('2026-03-16T02:00:00Z') }))).toBe('rectification_period_running');
  });

  it('names each precondition of education that fails', () => {
    expect(refusal({ ...investigating, evidenceCount: 0 }, educate)).toBe('evidence_required');
    expect(refusal(investigating, educate, context({ category: 'illegal-construction' }))).toBe('category_not_eligible');
    expect(refusal(investigating, { ...educate, harmMinor: false })).toBe('harm_not_minor');
    expect(refusal({ ...investigating, seriousHarm: true }, educate)).toBe('harm_not_minor');
    const prior = { caseId: 'c-0', category: 'street-vending', violationAt: '2025-06-01T02:00:00Z' };
    expect(refusal(investigating, educate, context({ priors: [prior] }))).toBe('prior_violation_in_window');
    expect(refusal({ ...investigating, partyKind: null }, educate)).toBe('party_unknown');
    expect(refusal(investigating, { ...educate, educatedBy: 'o3' })).toBe('officer_not_certified');
    expect(refusal(investigating, { ...educate, rectifyBy: '2026-03-09T15:59:59.999Z' })).toBe('rectify_by_not_in_future');
    expect(refusal(investigating, { ...educate, rectifyBy: '2026-05-09T15:59:59.999Z' })).toBe('rectify_by_too_far');
    const lateCase = { ...investigating, registeredAt: '2025-12-10T02:00:00Z' };
    expect(refusal(lateCase, educate)).toBe('rectify_by_after_decision_due');
    expect(refusal({ ...investigating, state: 'notice_issued' }, educate)).toBe('invalid_transition');
  });

  it('counts a prior violation only of the same category and inside the window (12 months by default)', () => {
    const priors = [
      { caseId: 'old', category: 'street-vending', violationAt: '2025-02-28T02:00:00Z' },
      { caseId: 'other', category: 'littering', violationAt: '2026-01-01T02:00:00Z' },
    ];
    expect(priorViolationsInWindow(priors, 'street-vending', investigating.violationAt, DEFAULT_EDUCATION_RULES)).toEqual([]);
    expect(applyAction(investigating, educate, context({ priors })).state).toBe('rectifying');
    expect(priorViolationsInWindow(priors, 'street-vending', investigating.violationAt, { ...DEFAULT_EDUCATION_RULES, priorViolationWindowMonths: 13 })).toHaveLength(1);
  });

  it('does not ask a minor violation without harm whether it is the first (Art. 33 ¶1)', () => {
    const prior = { caseId: 'c-0', category: 'littering', violationAt: '2026-01-01T02:00:00Z' };
    expect(applyAction(investigating, educate, context({ category: 'littering', priors: [prior] }))).toMatchObject({ state: 'rectifying', rectification: { basis: 'minor_violation' } });
  });

  it('makes a rectification order without a penalty a first-class outcome', () => {
    const order = { kind: 'order_rectification' as const, requirement: 'Remove the awning', orderedBy: 'o1', rectifyBy: RECTIFY_BY };
    const ordered = applyAction(investigating, order, context({ category: 'illegal-construction' }));
    expect(ordered).toMatchObject({ state: 'rectifying', rectification: { basis: 'rectification_order' } });
    expect(applyAction(ordered, followUp(true), context()).decision).toMatchObject({ outcome: 'rectification' });
    expect(refusal({ ...investigating, seriousHarm: true }, order)).toBe('harm_not_minor');
  });

  it('needs two certified officers and a recording at the follow-up inspection', () => {
    const educated = applyAction(investigating, educate, context());
    expect(refusal(educated, { ...followUp(true), presentOfficerIds: ['o1'] })).toBe('not_enough_officers');
    expect(refusal(educated, { ...followUp(true), evidence: [{ kind: 'photo', sha256: 'b'.repeat(64) }] })).toBe('audio_video_evidence_required');
    expect(refusal({ ...educated, rectification: undefined }, followUp(true))).toBe('rectification_not_ordered');
  });

  it('watches the rectify-by date as a deadline until the follow-up', () => {
    const educated = applyAction(investigating, educate, context());
    const pending = caseDeadlines(educated, { now: NOW, rules: DEFAULT_PROCEDURE_RULES, calendar }).find((deadline) => deadline.name === 'rectification');
    expect(pending).toMatchObject({ dueAt: RECTIFY_BY, status: 'pending', warnAt: '2026-03-15T15:59:59.999Z' });
    const overdue = caseDeadlines(educated, { now: new Date('2026-03-18T02:00:00Z'), rules: DEFAULT_PROCEDURE_RULES, calendar }).find((deadline) => deadline.name === 'rectification');
    expect(overdue?.status).toBe('overdue');
    const inspected = applyAction(educated, followUp(true), context());
    expect(caseDeadlines(inspected, { now: new Date('2026-03-18T02:00:00Z'), rules: DEFAULT_PROCEDURE_RULES, calendar }).find((deadline) => deadline.name === 'rectification')?.status).toBe('met');
  });
});

describe('suspension pauses the 90-day decision period (Art. 60)', () => {
  const registered: ProcedureCase = { ...investigating, registeredAt: '2026-02-02T02:00:00Z' };
  const decision = (current: ProcedureCase, now: string) =>
    caseDeadlines(current, { now: new Date(now), rules: DEFAULT_PROCEDURE_RULES, calendar }).find((deadline) => deadline.name === 'decision');
  const endOf = (day: string) => new Date(`${day}T23:59:59.999+08:00`).toISOString();

  it('adds the calendar days suspended to the decision deadline', () => {
    // Without suspension: due Wednesday 6 May (day 90 is Sunday 3 May, in the Labour Day holiday).
    expect(decision(registered, '2026-03-10T02:00:00Z')?.dueAt).toBe(endOf('2026-05-06'));
    const suspended = applyAction(registered, { kind: 'suspend', reason: 'awaiting an expert opinion' }, context({ now: new Date('2026-03-10T02:00:00Z') }));
    // While suspended the clock is paused: no warning, no overdue, the due date moves on day by day.
    expect(decision(suspended, '2026-03-20T02:00:00Z')).toMatchObject({ status: 'paused', dueAt: endOf('2026-05-13') });
    const resumed = applyAction(suspended, { kind: 'resume' }, context({ now: new Date('2026-03-30T02:00:00Z') }));
    expect(resumed).toMatchObject({ state: 'investigating', suspendedDays: 20 });
    expect(resumed.suspendedAt).toBeUndefined();
    // 90 + 20 days from 2 February: Saturday 23 May, so Monday 25 May.
    expect(decision(resumed, '2026-03-30T02:00:00Z')).toMatchObject({ status: 'pending', dueAt: endOf('2026-05-25') });
    // A second suspension adds to the first.
    const again = applyAction(applyAction(resumed, { kind: 'suspend', reason: 'x' }, context({ now: new Date('2026-04-01T02:00:00Z') })), { kind: 'resume' }, context({ now: new Date('2026-04-03T02:00:00Z') }));
    expect(again.suspendedDays).toBe(22);
  });

  it('counts days in Beijing time: suspended and resumed the same day pauses nothing', () => {
    expect(suspendedCalendarDays('2026-03-10T01:00:00Z', new Date('2026-03-10T15:00:00Z'), '+08:00')).toBe(0);
    // 23:30 on the 10th to 00:30 on the 11th in Beijing: one day.
    expect(suspendedCalendarDays('2026-03-10T15:30:00Z', new Date('2026-03-10T16:30:00Z'), '+08:00')).toBe(1);
  });
});
