import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { OnEvents, parseEventRoute } from './on-event.decorator';

describe('OnEvents', () => {
  it('gives one method a route per event type, all in the same group', () => {
    class Consumer {
      @OnEvents('notification.rules', [{ type: 'complaints.complaint.accepted.v1' }, { type: 'coordination.task.assigned.v1' }])
      handle(): void {
        // Only the routes the decorator records are under test.
      }
    }
    const patterns: unknown[] = Reflect.getMetadata(PATTERN_METADATA, Consumer.prototype.handle);
    expect(patterns.map((pattern) => parseEventRoute(JSON.stringify(pattern)))).toEqual([
      { group: 'notification.rules', type: 'complaints.complaint.accepted.v1' },
      { group: 'notification.rules', type: 'coordination.task.assigned.v1' },
    ]);
  });

  it('refuses a malformed group and an empty list', () => {
    expect(() => OnEvents('rules', [{ type: 'complaints.complaint.accepted.v1' }])).toThrow(/<service>\.<purpose>/);
    expect(() => OnEvents('notification.rules', [])).toThrow(/at least one/);
  });
});
