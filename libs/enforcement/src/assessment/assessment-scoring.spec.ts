import { assessmentWeightsFromConfig, assessOfficer, DEFAULT_ASSESSMENT_WEIGHTS, onTimeTally } from './assessment-scoring';

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
const period = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };

describe('on-time tally', () => {
  it('counts a deadline met by its due time as on time, one met late or left open past due as not', () => {
    const tally = onTimeTally(
      [
        { dueAt: day('2026-02-01'), metAt: day('2026-01-30') },
        { dueAt: day('2026-02-01'), metAt: day('2026-02-03') },
        { dueAt: day('2026-03-01'), metAt: null },
      ],
      period,
      day('2026-03-15'),
    );
    expect(tally).toEqual({ due: 3, onTime: 1 });
  });

  it('leaves out deadlines due outside the period and open ones not yet due', () => {
    const tally = onTimeTally(
      [
        { dueAt: day('2025-12-31'), metAt: day('2025-12-01') },
        { dueAt: day('2026-04-01'), metAt: day('2026-03-01') },
        { dueAt: day('2026-03-20'), metAt: null },
        { dueAt: day('2026-03-20'), metAt: day('2026-03-10') },
      ],
      period,
      day('2026-03-15'),
    );
    expect(tally).toEqual({ due: 1, onTime: 1 });
  });
});

describe('officer assessment', () => {
  it('weights every measured component into a 0–100 score', () => {
    const assessment = assessOfficer({ deadlines: { due: 10, onTime: 9 }, decisions: 4, changedOnReview: 1, substantiatedComplaints: 1, ratings: [5, 4, 3] }, DEFAULT_ASSESSMENT_WEIGHTS);
    // 0.9*0.4 + 0.75*0.25 + 0.75*0.2 + 0.75*0.15 = 0.81
    expect(assessment).toMatchObject({ onTimeRate: 0.9, satisfaction: 4, score: 81, notAvailable: [] });
    expect(assessment.components).toEqual({ onTime: 0.9, reviews: 0.75, complaints: 0.75, satisfaction: 0.75 });
  });

  it('leaves out what cannot be measured and reweights the rest, saying so', () => {
    const assessment = assessOfficer({ deadlines: { due: 4, onTime: 3 }, decisions: 0, changedOnReview: 0, substantiatedComplaints: 1, ratings: [] }, DEFAULT_ASSESSMENT_WEIGHTS);
    // (0.75×0.4 + 0.75×0.2) / 0.6
    expect(assessment).toMatchObject({ onTimeRate: 0.75, satisfaction: null, score: 75, notAvailable: ['reviews', 'satisfaction'] });
  });

  it('gives no score to an officer with no work to measure, however clean the complaints record', () => {
    const assessment = assessOfficer({ deadlines: { due: 0, onTime: 0 }, decisions: 0, changedOnReview: 0, substantiatedComplaints: 0, ratings: [] }, DEFAULT_ASSESSMENT_WEIGHTS);
    expect(assessment).toMatchObject({ score: null, substantiatedComplaints: 0, notAvailable: ['onTime', 'reviews', 'satisfaction'] });
    expect(assessment.components.complaints).toBe(1);
  });

  it('never takes the complaints component below zero, and a change to an earlier decision still counts', () => {
    const assessment = assessOfficer({ deadlines: { due: 2, onTime: 0 }, decisions: 0, changedOnReview: 2, substantiatedComplaints: 9, ratings: [1] }, DEFAULT_ASSESSMENT_WEIGHTS);
    expect(assessment.components).toEqual({ onTime: 0, reviews: 0, complaints: 0, satisfaction: 0 });
    expect(assessment.score).toBe(0);
  });

  it('follows configured weights: a zero weight takes the component out', () => {
    const weights = assessmentWeightsFromConfig('{"onTime":1,"reviews":0,"complaints":0,"satisfaction":0}');
    expect(assessOfficer({ deadlines: { due: 4, onTime: 3 }, decisions: 1, changedOnReview: 1, substantiatedComplaints: 3, ratings: [1] }, weights).score).toBe(75);
  });
});

describe('assessment weights from configuration', () => {
  it('takes the defaults when empty and lays a partial object over them', () => {
    expect(assessmentWeightsFromConfig('')).toBe(DEFAULT_ASSESSMENT_WEIGHTS);
    expect(assessmentWeightsFromConfig('{"satisfaction":0.3}')).toEqual({ ...DEFAULT_ASSESSMENT_WEIGHTS, satisfaction: 0.3 });
  });

  it('refuses what cannot be a weight, naming it', () => {
    expect(() => assessmentWeightsFromConfig('{"onTime":2}')).toThrow('ENFORCEMENT_ASSESSMENT_WEIGHTS.onTime: must be a number from 0 to 1');
    expect(() => assessmentWeightsFromConfig('{"speed":0.1}')).toThrow(/speed: unknown key/);
    expect(() => assessmentWeightsFromConfig('{"onTime":0,"reviews":0,"complaints":0,"satisfaction":0}')).toThrow(/at least one component/);
    expect(() => assessmentWeightsFromConfig('{')).toThrow(/not JSON/);
  });
});
