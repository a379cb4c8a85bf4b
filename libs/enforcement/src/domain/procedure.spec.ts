import { defaultWorkingCalendar } from '@civicflow/domain';
import {
  ACTION_KINDS,
  ALLOWED_FROM,
  applyAction,
  CASE_STATES,
  type CaseState,
  openCase,
  type ProcedureAction,
  type ProcedureActionKind,
  type ProcedureCase,
  type ProcedureContext,
  ProcedureRefused,
} from './procedure';
import { DEFAULT_EDUCATION_RULES } from './education-rules';
import { DEFAULT_PROCEDURE_RULES, lateFeeFen, type Penalty } from './procedure-rules';

const calendar = defaultWorkingCalendar();
// Tuesday 10 March 2026, 10:00 in Beijing.
const NOW = new Date('2026-03-10T02:00:00Z');
const officers = [
  { id: 'o1', certificateValidUntil: '2028-06-30' },
  { id: 'o2', certificateValidUntil: '2027-12-31' },
  { id: 'o3', certificateValidUntil: '2025-12-31' },
];
const context = (now: Date = NOW): ProcedureContext => ({ now, rules: DEFAULT_PROCEDURE_RULES, calendar, officers, education: { rules: DEFAULT_EDUCATION_RULES, category: 'street-vending', priorViolations: [] } });
const fine = (cny: number, measures: Penalty['measures'] = []): Penalty => ({ warning: false, fineFen: cny * 100, measures });

const base: ProcedureCase = {
  ...openCase({ partyKind: 'person', violationAt: '2026-01-05T02:00:00Z', officerIds: ['o1', 'o2'], now: new Date('2026-02-02T02:00:00Z') }),
  registeredAt: '2026-02-02T02:00:00Z',
  evidenceCount: 2,
};
// Served Thursday 5 March: the hearing-request window runs to the end of Thursday 12 March.
const noticeWithHearing = { issuedAt: '2026-03-05T02:00:00Z', servedAt: '2026-03-05T02:00:00Z', proposed: fine(20_000), hearingRight: true };
const decidedFine = { at: '2026-03-02T02:00:00Z', outcome: 'penalty' as const, penalty: fine(500), major: false };

/** One case in every state, with the facts a case in that state would have. */
const IN_STATE: Record<CaseState, ProcedureCase> = {
  registration_pending: { ...base, registeredAt: undefined, evidenceCount: 0 },
  registration_refused: { ...base, state: 'registration_refused', registeredAt: undefined, refusalReason: 'not ours' },
  registered: { ...base, state: 'registered', evidenceCount: 0 },
  investigating: { ...base, state: 'investigating' },
  notice_issued: { ...base, state: 'notice_issued', notice: noticeWithHearing },
  hearing_requested: { ...base, state: 'hearing_requested', notice: noticeWithHearing, hearing: { requestedAt: '2026-03-06T02:00:00Z' } },
  hearing_scheduled: {
    ...base,
    state: 'hearing_scheduled',
    notice: noticeWithHearing,
    hearing: { requestedAt: '2026-03-06T02:00:00Z', notifiedAt: '2026-02-27T02:00:00Z', scheduledFor: '2026-03-09T01:00:00Z' },
  },
  hearing_held: { ...base, state: 'hearing_held', notice: noticeWithHearing, hearing: { requestedAt: '2026-03-06T02:00:00Z', heldAt: '2026-03-09T01:00:00Z' } },
  legal_reviewed: {
    ...base,
    state: 'legal_reviewed',
    notice: noticeWithHearing,
    hearing: { requestedAt: '2026-03-06T02:00:00Z', heldAt: '2026-03-09T01:00:00Z' },
    legalReview: { reviewerId: 'r1', approved: true, at: '2026-03-09T05:00:00Z' },
  },
  decided: { ...base, state: 'decided', decision: decidedFine },
  served: { ...base, state: 'served', decision: { at: '2026-03-02T02:00:00Z', outcome: 'education', major: false }, servedAt: '2026-03-03T02:00:00Z' },
  executing: { ...base, state: 'executing', decision: decidedFine, servedAt: '2026-03-03T02:00:00Z', paidFen: 500_00 },
  closed: { ...base, state: 'closed', decision: decidedFine, servedAt: '2026-03-03T02:00:00Z', paidFen: 500_00, closedAt: '2026-03-09T02:00:00Z' },
  archived: { ...base, state: 'archived' },
  suspended: { ...base, state: 'suspended', suspendedFrom: 'investigating', suspensionReason: 'party in hospital' },
  terminated: { ...base, state: 'terminated', terminationReason: 'party died' },
  rectifying: {
    ...base,
    state: 'rectifying',
    rectification: { basis: 'first_violation', explained: 'Regulation Art. 24 explained', by: 'o1', at: '2026-03-03T02:00:00Z', rectifyBy: '2026-03-09T15:59:59.999Z' },
  },
};

const video = [{ kind: 'video' as const, sha256: 'a'.repeat(64) }];
const SAMPLE: Record<ProcedureActionKind, ProcedureAction> = {
  identify_party: { kind: 'identify_party', partyKind: 'organisation' },
  assign_officers: { kind: 'assign_officers', officerIds: ['o1', 'o2'] },
  register: { kind: 'register' },
  refuse_registration: { kind: 'refuse_registration', reason: 'outside the bureau\'s competence' },
  add_evidence: { kind: 'add_evidence', items: video, onSite: 'inspection', presentOfficerIds: ['o1', 'o2'] },
  issue_notice: { kind: 'issue_notice', proposed: fine(20_000) },
  serve_notice: { kind: 'serve_notice', servedAt: NOW.toISOString() },
  record_statement: { kind: 'record_statement', evidence: [{ kind: 'audio', sha256: 'b'.repeat(64) }] },
  request_hearing: { kind: 'request_hearing' },
  schedule_hearing: { kind: 'schedule_hearing', scheduledFor: '2026-03-25T01:00:00Z' },
  hold_hearing: { kind: 'hold_hearing', evidence: video },
  legal_review: { kind: 'legal_review', reviewerId: 'r1', reviewerQualified: true, approved: true },
  decide: { kind: 'decide', outcome: 'penalty', penalty: fine(20_000) },
  summary_decision: { kind: 'summary_decision', penalty: fine(100), presentOfficerIds: ['o1', 'o2'] },
  serve_decision: { kind: 'serve_decision', servedAt: NOW.toISOString(), method: 'in_person' },
  record_payment: { kind: 'record_payment', amountFen: 100_00 },
  close: { kind: 'close' },
  archive: { kind: 'archive' },
  suspend: { kind: 'suspend', reason: 'awaiting a court ruling' },
  resume: { kind: 'resume' },
  terminate: { kind: 'terminate', reason: 'the party died' },
  extend_decision_deadline: { kind: 'extend_decision_deadline', days: 30 },
  give_education: { kind: 'give_education', explained: 'Regulation Art. 24 explained', educatedBy: 'o1', rectifyBy: '2026-03-17T15:59:59.999Z', harmMinor: true },
  order_rectification: { kind: 'order_rectification', requirement: 'Clear the pavement', orderedBy: 'o1', rectifyBy: '2026-03-17T15:59:59.999Z' },
  follow_up_inspection: { kind: 'follow_up_inspection', rectified: true, evidence: video, presentOfficerIds: ['o1', 'o2'] },
};

/** For every allowed (state, action): the state it leads to, or the precondition that refuses it in the fixture. */
const ALLOWED_OUTCOME: Partial<Record<`${CaseState} ${ProcedureActionKind}`, CaseState | { refused: string }>> = {
  'registration_pending register': 'registered',
  'registration_pending refuse_registration': 'registration_refused',
  'registration_pending summary_decision': 'decided',
  'registered add_evidence': 'investigating',
  'investigating add_evidence': 'investigating',
  'investigating issue_notice': 'notice_issued',
  'notice_issued serve_notice': { refused: 'notice_already_served' },
  'notice_issued record_statement': 'notice_issued',
  'hearing_requested record_statement': 'hearing_requested',
  'hearing_scheduled record_statement': 'hearing_scheduled',
  'notice_issued request_hearing': 'hearing_requested',
  'hearing_requested schedule_hearing': 'hearing_scheduled',
  'hearing_scheduled hold_hearing': 'hearing_held',
  'notice_issued legal_review': { refused: 'hearing_window_open' },
  'hearing_held legal_review': 'legal_reviewed',
  'notice_issued decide': { refused: 'hearing_window_open' },
  'hearing_held decide': { refused: 'legal_review_required' },
  'legal_reviewed decide': 'decided',
  'decided serve_decision': 'executing',
  'executing record_payment': 'executing',
  'served close': 'closed',
  'executing close': 'closed',
  'closed archive': 'archived',
  'terminated archive': 'archived',
  'registration_refused archive': 'archived',
  'suspended resume': 'investigating',
  'registered give_education': { refused: 'evidence_required' },
  'investigating give_education': 'rectifying',
  'registered order_rectification': { refused: 'evidence_required' },
  'investigating order_rectification': 'rectifying',
  'rectifying follow_up_inspection': 'decided',
};

describe('the procedure state machine, every (state, action) pair', () => {
  const pairs = CASE_STATES.flatMap((state) => ACTION_KINDS.map((kind) => [state, kind] as const));

  it.each(pairs)('%s + %s', (state, kind) => {
    const attempt = () => applyAction(IN_STATE[state], SAMPLE[kind], context());
    if (!ALLOWED_FROM[kind].includes(state)) {
      expect(attempt).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
      return;
    }
    const expected = ALLOWED_OUTCOME[`${state} ${kind}`] ?? (kind === 'suspend' ? 'suspended' : kind === 'terminate' ? 'terminated' : state);
    if (typeof expected === 'object') expect(attempt).toThrow(expect.objectContaining({ code: expected.refused }));
    else expect(attempt().state).toBe(expected);
  });

  it('names the states an action needs when it refuses', () => {
    expect(() => applyAction(IN_STATE.investigating, SAMPLE.decide, context())).toThrow(/investigating cannot take decide; that needs state notice_issued or hearing_held or legal_reviewed/);
  });
});

function refusal(current: ProcedureCase, action: ProcedureAction, ctx = context()): string {
  try {
    applyAction(current, action, ctx);
  } catch (error) {
    if (error instanceof ProcedureRefused) return error.code;
    throw error;
  }
  throw new Error('the action was allowed');
}

describe('preconditions, each named', () => {
  it('refuses registration of a violation older than 2 years (Art. 36), 5 with serious harm', () => {
    const old = { ...IN_STATE.registration_pending, violationAt: '2024-03-09T02:00:00Z' };
    expect(refusal(old, SAMPLE.register)).toBe('limitation_period_expired');
    expect(applyAction({ ...old, seriousHarm: true }, SAMPLE.register, context()).state).toBe('registered');
    expect(applyAction({ ...old, violationAt: '2024-03-11T02:00:00Z' }, SAMPLE.register, context()).state).toBe('registered');
  });

  it('registers and decides nothing against a party not yet identified', () => {
    const unknownParty = { ...IN_STATE.registration_pending, partyKind: null };
    expect(refusal(unknownParty, SAMPLE.register)).toBe('party_unknown');
    expect(refusal(unknownParty, SAMPLE.summary_decision)).toBe('party_unknown');
    expect(applyAction(applyAction(unknownParty, { kind: 'identify_party', partyKind: 'person' }, context()), SAMPLE.register, context()).state).toBe('registered');
  });

  it('assigns only certified officers, at least two', () => {
    expect(refusal(IN_STATE.registration_pending, { kind: 'assign_officers', officerIds: ['o1'] })).toBe('not_enough_officers');
    expect(refusal(IN_STATE.investigating, { kind: 'assign_officers', officerIds: ['o1', 'o3'] })).toBe('officer_not_certified');
    expect(applyAction(IN_STATE.investigating, { kind: 'assign_officers', officerIds: ['o2', 'o1', 'o2'] }, context()).officerIds).toEqual(['o2', 'o1']);
  });

  it('refuses registration with fewer than two officers or an expired certificate (Art. 42)', () => {
    expect(refusal({ ...IN_STATE.registration_pending, officerIds: ['o1'] }, SAMPLE.register)).toBe('not_enough_officers');
    expect(refusal({ ...IN_STATE.registration_pending, officerIds: ['o1', 'o1'] }, SAMPLE.register)).toBe('not_enough_officers');
    expect(refusal({ ...IN_STATE.registration_pending, officerIds: ['o1', 'o3'] }, SAMPLE.register)).toBe('officer_not_certified');
    expect(refusal({ ...IN_STATE.registration_pending, officerIds: ['o1', 'ghost'] }, SAMPLE.register)).toBe('officer_not_certified');
  });

  it('counts a certificate valid through the last day in Beijing time', () => {
    const lastDay = [{ id: 'o1', certificateValidUntil: '2026-03-10' }, { id: 'o2', certificateValidUntil: '2026-03-10' }];
    const late = { ...context(new Date('2026-03-10T15:59:59Z')), officers: lastDay };
    expect(applyAction(IN_STATE.registration_pending, SAMPLE.register, late).state).toBe('registered');
    expect(refusal(IN_STATE.registration_pending, SAMPLE.register, { ...late, now: new Date('2026-03-10T16:00:00Z') })).toBe('officer_not_certified');
  });

  it('requires two certified officers and audio/video for on-site acts', () => {
    const photo = [{ kind: 'photo' as const, sha256: 'c'.repeat(64) }];
    expect(refusal(IN_STATE.investigating, { kind: 'add_evidence', items: video, onSite: 'seizure', presentOfficerIds: ['o1'] })).toBe('not_enough_officers');
    expect(refusal(IN_STATE.investigating, { kind: 'add_evidence', items: photo, onSite: 'demolition', presentOfficerIds: ['o1', 'o2'] })).toBe('audio_video_evidence_required');
    expect(refusal(IN_STATE.investigating, { kind: 'add_evidence', items: [], presentOfficerIds: [] })).toBe('evidence_required');
    expect(applyAction(IN_STATE.investigating, { kind: 'add_evidence', items: photo, presentOfficerIds: [] }, context()).evidenceCount).toBe(3);
  });

  it('requires audio/video for statements and hearings', () => {
    const document = [{ kind: 'document' as const, sha256: 'd'.repeat(64) }];
    expect(refusal(IN_STATE.notice_issued, { kind: 'record_statement', evidence: document })).toBe('audio_video_evidence_required');
    expect(refusal(IN_STATE.hearing_scheduled, { kind: 'hold_hearing', evidence: document })).toBe('audio_video_evidence_required');
  });

  it('issues no notice without evidence', () => {
    expect(refusal({ ...IN_STATE.investigating, evidenceCount: 0 }, SAMPLE.issue_notice)).toBe('evidence_required');
  });

  it('decides nothing before the notice is served (Art. 44)', () => {
    const unserved = { ...IN_STATE.notice_issued, notice: { ...noticeWithHearing, servedAt: undefined } };
    expect(refusal(unserved, SAMPLE.decide)).toBe('notice_not_served');
    expect(refusal(unserved, SAMPLE.request_hearing)).toBe('notice_not_served');
  });

  it('waits for the statement window unless the party has stated', () => {
    // Served Monday 9 March, no hearing right: 3 working days run to the end of Thursday 12 March.
    const small = { ...IN_STATE.notice_issued, notice: { issuedAt: '2026-03-09T02:00:00Z', servedAt: '2026-03-09T02:00:00Z', proposed: fine(500), hearingRight: false } };
    const decide: ProcedureAction = { kind: 'decide', outcome: 'penalty', penalty: fine(500) };
    expect(refusal(small, decide)).toBe('statement_window_open');
    expect(refusal(small, decide, context(new Date('2026-03-12T15:59:59.999Z')))).toBe('statement_window_open');
    expect(applyAction(small, decide, context(new Date('2026-03-12T16:00:00Z'))).state).toBe('decided');
    expect(applyAction({ ...small, statementAt: NOW.toISOString() }, decide, context()).state).toBe('decided');
  });

  it('refuses a hearing where the law gives none, and one asked for late (5 working days, Art. 64)', () => {
    const small = { ...IN_STATE.notice_issued, notice: { ...noticeWithHearing, proposed: fine(500), hearingRight: false } };
    expect(refusal(small, SAMPLE.request_hearing)).toBe('no_hearing_right');
    expect(applyAction(IN_STATE.notice_issued, SAMPLE.request_hearing, context(new Date('2026-03-12T15:59:59Z'))).state).toBe('hearing_requested');
    expect(refusal(IN_STATE.notice_issued, SAMPLE.request_hearing, context(new Date('2026-03-12T16:00:00Z')))).toBe('hearing_request_late');
  });

  it('schedules a hearing no sooner than 7 working days after telling the party (Art. 64)', () => {
    // Told Tuesday 10 March: day 7 is Thursday 19 March.
    const schedule = (at: string): ProcedureAction => ({ kind: 'schedule_hearing', scheduledFor: at });
    expect(refusal(IN_STATE.hearing_requested, schedule('2026-03-18T01:00:00Z'))).toBe('hearing_notice_too_short');
    expect(applyAction(IN_STATE.hearing_requested, schedule('2026-03-19T01:00:00Z'), context()).state).toBe('hearing_scheduled');
  });

  it('holds no hearing before its time', () => {
    expect(refusal(IN_STATE.hearing_scheduled, SAMPLE.hold_hearing, context(new Date('2026-03-09T00:59:00Z')))).toBe('hearing_not_yet_due');
  });

  it('gates a major decision on a qualified reviewer who is not on the case (Art. 58)', () => {
    expect(refusal(IN_STATE.hearing_held, SAMPLE.decide)).toBe('legal_review_required');
    expect(refusal(IN_STATE.hearing_held, { ...SAMPLE.legal_review, reviewerId: 'o1' } as ProcedureAction)).toBe('reviewer_is_case_officer');
    expect(refusal(IN_STATE.hearing_held, { ...SAMPLE.legal_review, reviewerQualified: false } as ProcedureAction)).toBe('reviewer_not_qualified');
    const returned = applyAction(IN_STATE.hearing_held, { ...SAMPLE.legal_review, approved: false } as ProcedureAction, context());
    expect(returned).toMatchObject({ state: 'investigating', notice: undefined, legalReview: { approved: false } });
    // A licence revocation is major whatever the fine.
    const revocation = { ...IN_STATE.hearing_held, notice: { ...noticeWithHearing, proposed: fine(0, ['licence_revocation']) } };
    expect(refusal(revocation, { kind: 'decide', outcome: 'penalty', penalty: fine(0, ['licence_revocation']) })).toBe('legal_review_required');
  });

  it('reviews a penalty after a hearing even when it is not major (Art. 58(2))', () => {
    const smallAfterHearing = { ...IN_STATE.hearing_held, notice: { ...noticeWithHearing, proposed: fine(500, ['stop_business']) } };
    const decide: ProcedureAction = { kind: 'decide', outcome: 'penalty', penalty: fine(500) };
    expect(refusal(smallAfterHearing, decide)).toBe('legal_review_required');
    expect(applyAction(smallAfterHearing, { kind: 'decide', outcome: 'rectification' }, context()).state).toBe('decided');
    const lax = { ...context(), rules: { ...DEFAULT_PROCEDURE_RULES, legalReviewAfterHearing: false } };
    expect(applyAction(smallAfterHearing, decide, lax).decision).toMatchObject({ major: false });
  });

  it('decides education or rectification without review, and never heavier than notified (Art. 45)', () => {
    expect(applyAction(IN_STATE.hearing_held, { kind: 'decide', outcome: 'education' }, context()).decision).toMatchObject({ outcome: 'education', major: false });
    expect(refusal(IN_STATE.legal_reviewed, { kind: 'decide', outcome: 'penalty', penalty: fine(20_001) })).toBe('heavier_than_notified');
    expect(refusal(IN_STATE.legal_reviewed, { kind: 'decide', outcome: 'penalty', penalty: fine(100, ['seizure']) })).toBe('heavier_than_notified');
    expect(refusal(IN_STATE.legal_reviewed, { kind: 'decide', outcome: 'penalty' })).toBe('penalty_required');
  });

  it('keeps the summary procedure to 200 CNY for a person and 3,000 CNY for an organisation (Art. 51)', () => {
    const summary = (cny: number): ProcedureAction => ({ kind: 'summary_decision', penalty: fine(cny), presentOfficerIds: ['o1', 'o2'] });
    expect(applyAction(IN_STATE.registration_pending, summary(200), context())).toMatchObject({ state: 'decided', procedure: 'summary' });
    expect(refusal(IN_STATE.registration_pending, summary(200.01))).toBe('summary_limit_exceeded');
    const organisation = { ...IN_STATE.registration_pending, partyKind: 'organisation' as const };
    expect(applyAction(organisation, summary(3_000), context()).state).toBe('decided');
    expect(refusal(organisation, summary(3_001))).toBe('summary_limit_exceeded');
    expect(refusal(IN_STATE.registration_pending, { kind: 'summary_decision', penalty: fine(0, ['seizure']), presentOfficerIds: ['o1', 'o2'] })).toBe('summary_limit_exceeded');
    expect(refusal(IN_STATE.registration_pending, { ...summary(100), presentOfficerIds: ['o1'] } as ProcedureAction)).toBe('not_enough_officers');
  });

  it('refuses a service dated before the notice or the decision was issued', () => {
    const unserved = { ...IN_STATE.notice_issued, notice: { ...noticeWithHearing, servedAt: undefined } };
    expect(refusal(unserved, { kind: 'serve_notice', servedAt: '2026-03-05T01:59:59Z' })).toBe('served_before_issued');
    expect(refusal(IN_STATE.decided, { kind: 'serve_decision', servedAt: '2026-03-01T02:00:00Z', method: 'post' })).toBe('served_before_issued');
  });

  it('serves a decision without a fine to served, with a fine to executing', () => {
    expect(applyAction({ ...IN_STATE.decided, decision: { at: NOW.toISOString(), outcome: 'rectification', major: false } }, SAMPLE.serve_decision, context()).state).toBe('served');
  });

  it('closes an executing case only when the fine and the late fee are paid', () => {
    const unpaid = { ...IN_STATE.executing, paidFen: 0 };
    expect(refusal(unpaid, SAMPLE.close)).toBe('payment_outstanding');
    // Served 3 March: due by the end of 18 March; paid 500 CNY on 20 March, 2 days late: 30 CNY more.
    const late = context(new Date('2026-03-20T02:00:00Z'));
    expect(refusal(IN_STATE.executing, SAMPLE.close, late)).toBe('payment_outstanding');
    const settled = applyAction(IN_STATE.executing, { kind: 'record_payment', amountFen: 30_00 }, late);
    expect(applyAction(settled, SAMPLE.close, late).state).toBe('closed');
    expect(refusal(IN_STATE.executing, { kind: 'record_payment', amountFen: 0 })).toBe('invalid_amount');
  });

  it('resumes a suspended case where it stopped', () => {
    const suspended = applyAction(IN_STATE.hearing_scheduled, SAMPLE.suspend, context());
    expect(suspended).toMatchObject({ state: 'suspended', suspendedFrom: 'hearing_scheduled' });
    expect(applyAction(suspended, SAMPLE.resume, context()).state).toBe('hearing_scheduled');
  });

  it('walks a case through the whole general procedure', () => {
    const at = (iso: string) => context(new Date(iso));
    let current = openCase({ partyKind: 'organisation', violationAt: '2026-03-01T02:00:00Z', officerIds: ['o1', 'o2'], now: new Date('2026-03-02T02:00:00Z') });
    const steps: Array<[ProcedureAction, string, CaseState]> = [
      [{ kind: 'register' }, '2026-03-02T03:00:00Z', 'registered'],
      [SAMPLE.add_evidence, '2026-03-03T03:00:00Z', 'investigating'],
      [{ kind: 'issue_notice', proposed: fine(150_000), servedAt: '2026-03-04T03:00:00Z' }, '2026-03-04T03:00:00Z', 'notice_issued'],
      [SAMPLE.request_hearing, '2026-03-05T03:00:00Z', 'hearing_requested'],
      [SAMPLE.schedule_hearing, '2026-03-05T04:00:00Z', 'hearing_scheduled'],
      [SAMPLE.hold_hearing, '2026-03-25T02:00:00Z', 'hearing_held'],
      [{ ...SAMPLE.legal_review } as ProcedureAction, '2026-03-26T02:00:00Z', 'legal_reviewed'],
      [{ kind: 'decide', outcome: 'penalty', penalty: fine(120_000) }, '2026-03-27T02:00:00Z', 'decided'],
      [{ kind: 'serve_decision', servedAt: '2026-03-30T02:00:00Z', method: 'post' }, '2026-03-30T02:00:00Z', 'executing'],
      [{ kind: 'record_payment', amountFen: 120_000_00 }, '2026-04-10T02:00:00Z', 'executing'],
      [{ kind: 'close' }, '2026-04-10T03:00:00Z', 'closed'],
      [{ kind: 'archive' }, '2026-04-11T03:00:00Z', 'archived'],
    ];
    for (const [action, when, expected] of steps) {
      current = applyAction(current, action, at(when));
      expect(current.state).toBe(expected);
    }
    expect(current.decision).toMatchObject({ major: true, penalty: { fineFen: 120_000_00 } });
  });
});

describe('late fee (Art. 72)', () => {
  const due = new Date('2026-03-18T15:59:59.999Z');
  it('is nothing when paid on the last day', () => {
    expect(lateFeeFen(500_00, due, new Date('2026-03-18T15:00:00Z'), 3)).toBe(0);
  });
  it('is 3% of the fine for every day or part of a day late', () => {
    expect(lateFeeFen(500_00, due, new Date('2026-03-18T16:00:00Z'), 3)).toBe(15_00);
    expect(lateFeeFen(500_00, due, new Date('2026-03-20T02:00:00Z'), 3)).toBe(30_00);
    expect(lateFeeFen(333, due, new Date('2026-03-19T02:00:00Z'), 3)).toBe(9);
  });
  it('never exceeds the fine', () => {
    expect(lateFeeFen(500_00, due, new Date('2026-04-20T02:00:00Z'), 3)).toBe(495_00);
    expect(lateFeeFen(500_00, due, new Date('2026-04-21T02:00:00Z'), 3)).toBe(500_00);
    expect(lateFeeFen(500_00, due, new Date('2027-03-18T02:00:00Z'), 3)).toBe(500_00);
  });
  it('refuses a fine that is not whole fen', () => {
    expect(() => lateFeeFen(1.5, due, due, 3)).toThrow(RangeError);
  });
});
