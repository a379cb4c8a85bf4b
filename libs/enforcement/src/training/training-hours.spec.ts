import { certificatePeriod, hoursInPeriod, renewalVerdict } from './training-hours';

const period = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };

describe('training hours', () => {
  it('adds the hours of sessions in the period, by category, without floating-point drift', () => {
    const summary = hoursInPeriod(
      [
        { at: new Date('2026-03-01T01:00:00Z'), hours: 0.1, category: 'law_and_regulations' },
        { at: new Date('2026-03-02T01:00:00Z'), hours: 0.2, category: 'law_and_regulations' },
        { at: new Date('2026-05-02T01:00:00Z'), hours: 3.5, category: 'professional_ethics' },
        { at: new Date('2025-12-31T23:59:59Z'), hours: 8, category: 'professional_ethics' },
        { at: new Date('2027-01-01T00:00:00Z'), hours: 8, category: 'communication_skills' },
      ],
      period,
    );
    expect(summary).toEqual({ total: 3.8, byCategory: { law_and_regulations: 0.3, professional_ethics: 3.5 }, sessions: 3 });
  });

  it('looks back from the renewal day to the start of the certificate, or to when the officer was entered', () => {
    expect(certificatePeriod('2024-07-01', new Date('2020-01-01T00:00:00Z'), '2026-06-28')).toEqual({ from: '2024-07-01', to: '2026-06-28' });
    expect(certificatePeriod(null, new Date('2025-02-03T10:00:00Z'), '2026-06-28')).toEqual({ from: '2025-02-03', to: '2026-06-28' });
  });

  it('allows a renewal with the required hours and says how many are missing otherwise', () => {
    expect(renewalVerdict(40, 40)).toEqual({ allowed: true });
    expect(renewalVerdict(0, 0)).toEqual({ allowed: true });
    expect(renewalVerdict(32.5, 40)).toEqual({ allowed: false, shortBy: 7.5 });
  });
});
