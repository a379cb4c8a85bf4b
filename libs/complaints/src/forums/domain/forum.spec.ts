import {
  ActionItemAlreadyAnsweredError,
  answeredActionItemStatus,
  assertAttendanceCanBeRecorded,
  ForumAlreadyHeldError,
  ForumNotStartedError,
  heldStatus,
  MerchantNotInvitedError,
  merchantsWhoRaised,
  NotActionItemOwnerError,
} from './forum';

describe('forum rules', () => {
  const startsAt = new Date('2026-03-15T06:00:00Z');

  describe('attendance', () => {
    const invited = new Set(['m1', 'm2']);

    it('is taken from the invitation list while the forum is scheduled', () => {
      expect(() => assertAttendanceCanBeRecorded({ id: 'f1', status: 'scheduled' }, invited, ['m1'])).not.toThrow();
    });

    it('names every merchant who was not invited', () => {
      expect(() => assertAttendanceCanBeRecorded({ id: 'f1', status: 'scheduled' }, invited, ['m1', 'm3', 'm4'])).toThrow(new MerchantNotInvitedError(['m3', 'm4']));
    });

    it('is closed once the minutes are recorded', () => {
      expect(() => assertAttendanceCanBeRecorded({ id: 'f1', status: 'held' }, invited, ['m1'])).toThrow(ForumAlreadyHeldError);
    });
  });

  describe('minutes', () => {
    it('make a started forum held', () => {
      expect(heldStatus({ id: 'f1', status: 'scheduled', startsAt }, new Date('2026-03-15T06:00:00Z'))).toBe('held');
    });

    it('wait until the forum has started', () => {
      expect(() => heldStatus({ id: 'f1', status: 'scheduled', startsAt }, new Date('2026-03-15T05:59:59Z'))).toThrow(ForumNotStartedError);
    });

    it('are recorded once', () => {
      expect(() => heldStatus({ id: 'f1', status: 'held', startsAt }, new Date('2026-03-16T00:00:00Z'))).toThrow(ForumAlreadyHeldError);
    });
  });

  describe('answering an action item', () => {
    const item = { id: 'a1', status: 'open' as const, ownerStaffId: 'officer-7' };

    it('is for its owner', () => {
      expect(answeredActionItemStatus(item, { id: 'officer-7', isSupervisor: false })).toBe('answered');
      expect(() => answeredActionItemStatus(item, { id: 'officer-8', isSupervisor: false })).toThrow(NotActionItemOwnerError);
    });

    it('is open to any supervisor', () => {
      expect(answeredActionItemStatus(item, { id: 'supervisor-1', isSupervisor: true })).toBe('answered');
    });

    it('happens once, even for the owner', () => {
      expect(() => answeredActionItemStatus({ ...item, status: 'answered' }, { id: 'officer-7', isSupervisor: false })).toThrow(ActionItemAlreadyAnsweredError);
    });
  });

  it('names each merchant who raised an item once, whether at the forum or through a linked request', () => {
    expect(merchantsWhoRaised(['m2', 'm1'], [{ merchantId: 'm1' }, { merchantId: 'm3' }, { merchantId: 'm3' }])).toEqual(['m1', 'm2', 'm3']);
    expect(merchantsWhoRaised([], [{ merchantId: 'm3' }])).toEqual(['m3']);
  });
});
