import { defaultWorkingCalendar } from '@civicflow/domain';
import { caseDeadlines } from './deadlines';
import { openCase, type ProcedureCase } from './procedure';
import { DEFAULT_PROCEDURE_RULES } from './procedure-rules';

const calendar = defaultWorkingCalendar();
const at = (now: string) => ({ now: new Date(now), rules: DEFAULT_PROCEDURE_RULES, calendar });
const base: ProcedureCase = openCase({ partyKind: 'person', violationAt: '2026-01-20T02:00:00Z', officerIds: ['o1', 'o2'], now: new Date('2026-01-30T02:00:00Z') });
/** The end of a day in Beijing, as the instant the calendar gives. */
const endOf = (day: string) => new Date(new Date(`${day}T23:59:59.999+08:00`).getTime()).toISOString();

describe('case deadlines on the 2026 calendar', () => {
  it('moves the 90-day decision deadline off the Labour Day holiday (Art. 60)', () => {
    // Registered Monday 2 February: day 90 is Sunday 3 May, a holiday; the first working day after is Wednesday 6 May.
    const registered = { ...base, state: 'registered' as const, registeredAt: '2026-02-02T02:00:00Z' };
    expect(caseDeadlines(registered, at('2026-02-03T02:00:00Z'))).toEqual([
      { name: 'decision', from: '2026-02-02T02:00:00Z', dueAt: endOf('2026-05-06'), warnAt: endOf('2026-05-04'), status: 'pending' },
    ]);
    expect(caseDeadlines({ ...registered, decisionExtensionDays: 30 }, at('2026-02-03T02:00:00Z'))[0].dueAt).toBe(endOf('2026-06-02'));
    expect(caseDeadlines(registered, at('2026-05-07T00:00:00Z'))[0].status).toBe('overdue');
  });

  it('counts the hearing request in working days across Qingming (Art. 64)', () => {
    // Served Friday 3 April; 4–6 April are holidays: Tue 7, Wed 8, Thu 9, Fri 10, Mon 13.
    const notified: ProcedureCase = {
      ...base,
      state: 'notice_issued',
      registeredAt: '2026-03-20T02:00:00Z',
      notice: { issuedAt: '2026-04-03T02:00:00Z', servedAt: '2026-04-03T02:00:00Z', proposed: { warning: false, fineFen: 20_000_00, measures: [] }, hearingRight: true },
    };
    const deadlines = caseDeadlines(notified, at('2026-04-14T02:00:00Z'));
    expect(deadlines.find((deadline) => deadline.name === 'hearing_request')).toMatchObject({ dueAt: endOf('2026-04-13'), status: 'lapsed' });
    // 3 working days: Tue 7, Wed 8, Thu 9.
    expect(deadlines.find((deadline) => deadline.name === 'statement')).toMatchObject({ dueAt: endOf('2026-04-09'), status: 'lapsed' });
  });

  it('counts service in working days across the Spring Festival, make-up Saturdays included (Art. 61)', () => {
    // Decided Friday 13 February: Sat 14 (worked), 24, 25, 26, 27, Sat 28 (worked), Mon 2 March.
    const decided: ProcedureCase = { ...base, state: 'decided', registeredAt: '2026-02-02T02:00:00Z', decision: { at: '2026-02-13T02:00:00Z', outcome: 'education', major: false } };
    const service = caseDeadlines(decided, at('2026-02-20T02:00:00Z')).find((deadline) => deadline.name === 'service');
    expect(service).toEqual({ name: 'service', from: '2026-02-13T02:00:00Z', dueAt: endOf('2026-03-02'), warnAt: endOf('2026-02-28'), status: 'pending' });
    expect(caseDeadlines({ ...decided, state: 'served', servedAt: '2026-02-24T02:00:00Z' }, at('2026-03-05T02:00:00Z')).find((d) => d.name === 'service')?.status).toBe('met');
  });

  it('moves the 15-day payment deadline past National Day (Art. 67)', () => {
    const penalty = { warning: false, fineFen: 500_00, measures: [] };
    const executing: ProcedureCase = {
      ...base,
      state: 'executing',
      procedure: 'summary',
      registeredAt: '2026-09-16T02:00:00Z',
      decision: { at: '2026-09-16T02:00:00Z', outcome: 'penalty', penalty, major: false },
      servedAt: '2026-09-16T02:00:00Z',
    };
    // Service: Thu 17, Fri 18, Sun 20 (worked), Mon 21 … Thu 24. Payment: day 15 is Thursday
    // 1 October; 1–7 October are holidays, so Thursday 8 October.
    expect(caseDeadlines(executing, at('2026-09-20T02:00:00Z'))).toEqual([
      { name: 'service', from: '2026-09-16T02:00:00Z', dueAt: endOf('2026-09-24'), warnAt: endOf('2026-09-22'), status: 'met' },
      { name: 'payment', from: '2026-09-16T02:00:00Z', dueAt: endOf('2026-10-08'), warnAt: endOf('2026-10-06'), status: 'pending' },
    ]);
    expect(caseDeadlines({ ...executing, paidFen: 500_00 }, at('2026-10-09T02:00:00Z'))[1].status).toBe('met');
    expect(caseDeadlines(executing, at('2026-10-09T02:00:00Z'))[1].status).toBe('overdue');
  });
});
