import { quietHoursEnd } from './quiet-hours';

describe('quietHoursEnd (Beijing time, UTC+8)', () => {
  const night = { start: '22:00', end: '07:00' };

  it('defers a message sent at 23:30 Beijing time to 07:00 the next morning', () => {
    expect(quietHoursEnd(night, new Date('2026-03-02T15:30:00Z'))?.toISOString()).toBe('2026-03-02T23:00:00.000Z');
  });

  it('defers a message sent at 03:15 to 07:00 the same morning', () => {
    expect(quietHoursEnd(night, new Date('2026-03-02T19:15:00Z'))?.toISOString()).toBe('2026-03-02T23:00:00.000Z');
  });

  it('lets a message through at 07:00 sharp and during the day', () => {
    expect(quietHoursEnd(night, new Date('2026-03-02T23:00:00Z'))).toBeUndefined();
    expect(quietHoursEnd(night, new Date('2026-03-03T04:00:00Z'))).toBeUndefined();
  });

  it('handles a window within one day (12:00 to 14:00)', () => {
    expect(quietHoursEnd({ start: '12:00', end: '14:00' }, new Date('2026-03-02T04:30:00Z'))?.toISOString()).toBe('2026-03-02T06:00:00.000Z');
    expect(quietHoursEnd({ start: '12:00', end: '14:00' }, new Date('2026-03-02T06:30:00Z'))).toBeUndefined();
  });

  it('treats an empty window (start equals end) as no quiet hours', () => {
    expect(quietHoursEnd({ start: '08:00', end: '08:00' }, new Date('2026-03-02T00:00:00Z'))).toBeUndefined();
  });
});
