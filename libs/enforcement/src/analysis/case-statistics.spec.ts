import { type AnalysedCase, groupCases, summarise } from './case-statistics';

const at = (day: string) => new Date(`${day}T02:00:00Z`);
const base: AnalysedCase = { department: 'enforcement', category: 'street-vending', street: 'Nanjing East Road', state: 'closed', outcome: 'penalty', createdAt: at('2026-01-01'), registeredAt: at('2026-01-02'), decidedAt: at('2026-01-12'), closedAt: at('2026-01-21'), officers: ['off-1', 'off-2'] };
const cases: AnalysedCase[] = [
  base,
  { ...base, outcome: 'education', decidedAt: at('2026-01-05'), closedAt: at('2026-01-06') },
  { ...base, category: 'illegal-construction', street: null, state: 'investigating', outcome: null, decidedAt: null, closedAt: null, officers: [] },
  { ...base, outcome: 'rectification', closedAt: at('2026-07-01'), officers: ['off-2'] },
];

describe('case statistics', () => {
  it('counts outcomes as stored, whatever they are, and undecided cases apart', () => {
    expect(groupCases(cases, 'outcome').map((group) => [group.key, group.cases])).toEqual([
      ['education', 1],
      ['penalty', 1],
      ['rectification', 1],
      ['undecided', 1],
    ]);
    expect(summarise('all', [...cases, { ...base, outcome: 'warning_only' }]).outcomes).toEqual({ penalty: 1, education: 1, rectification: 1, undecided: 1, warning_only: 1 });
  });

  it('gives each group its mean days to decision and to closure', () => {
    const [vending, construction] = groupCases(cases, 'category');
    expect(vending).toMatchObject({ key: 'street-vending', cases: 3, decided: 3, closed: 3, meanDaysToDecision: 7.7, meanDaysToClose: 68.7, maxDaysToClose: 181 });
    expect(construction).toMatchObject({ key: 'illegal-construction', cases: 1, decided: 0, closed: 0, meanDaysToDecision: null, meanDaysToClose: null });
  });

  it('counts a case for each of its officers, and names the missing street and officer', () => {
    expect(groupCases(cases, 'officer').map((group) => [group.key, group.cases])).toEqual([
      ['off-2', 3],
      ['off-1', 2],
      ['(no officer)', 1],
    ]);
    expect(groupCases(cases, 'street').map((group) => group.key)).toEqual(['Nanjing East Road', '(no street)']);
  });

  it('puts closed cases into duration buckets in order, open ones last', () => {
    expect(groupCases(cases, 'duration').map((group) => [group.key, group.cases])).toEqual([
      ['0-7 days', 1],
      ['8-30 days', 1],
      ['over 180 days', 1],
      ['open', 1],
    ]);
  });
});
