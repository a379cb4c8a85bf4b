import {
  DEAD_LETTER_PARTITIONS,
  DEAD_LETTER_RETENTION_MS,
  deadLetterTopicName,
  findTopic,
  TOPIC_NAME_PATTERN,
  TOPICS,
} from './topics';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('topic registry', () => {
  it('lists every topic of the event catalogue draft plus the restricted contact topics', () => {
    expect(TOPICS.map((topic) => topic.name).sort()).toEqual(
      [
        'complaints.complaint.v1',
        'complaints.merchant-request.v1',
        'complaints.forum.v1',
        'complaints.merchant.v1',
        'complaints.reporter.v1',
        'coordination.task.v1',
        'disclosure.publication.v1',
        'enforcement.case.v1',
        'enforcement.document-service.v1',
        'enforcement.officer.v1',
        'enforcement.referral.v1',
        'notification.message.v1',
        'rating.round.v1',
      ].sort(),
    );
  });

  it.each(TOPICS.map((topic) => [topic.name]))('names %s as <domain>.<entity>.v<N>', (name) => {
    expect(name).toMatch(TOPIC_NAME_PATTERN);
  });

  it('declares each topic once', () => {
    const names = TOPICS.map((topic) => topic.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(TOPICS.map((topic) => [topic.name, topic]))('gives %s a key, a description and sane sizing', (_name, topic) => {
    expect(topic.key.trim()).not.toBe('');
    expect(topic.description.trim()).not.toBe('');
    expect(Number.isInteger(topic.partitions) && topic.partitions > 0).toBe(true);
    expect(topic.retentionMs).toBeGreaterThanOrEqual(DAY_MS);
  });

  it.each([
    ['complaints.reporter.v1', 'complaint id'],
    ['complaints.merchant.v1', 'merchant id'],
    ['enforcement.document-service.v1', 'case id'],
  ])('keeps the contact topic %s restricted to the notification service, for 3 days only', (name, key) => {
    const topic = findTopic(name);
    expect(topic).toMatchObject({ audience: 'restricted', key, retentionMs: 3 * DAY_MS });
    expect(topic?.description).toMatch(/notification service only/);
  });

  it('makes every other topic public with 7 days of retention', () => {
    const others = TOPICS.filter((topic) => !['complaints.reporter.v1', 'complaints.merchant.v1', 'enforcement.document-service.v1'].includes(topic.name));
    expect(others.every((topic) => topic.audience === 'public' && topic.retentionMs === 7 * DAY_MS)).toBe(true);
  });

  it('finds nothing for an unknown topic name', () => {
    expect(findTopic('complaints.complaint.v2')).toBeUndefined();
  });
});

describe('dead-letter topics', () => {
  it('are named <topic>.dlq.<group>', () => {
    expect(deadLetterTopicName('complaints.complaint.v1', 'notification.acknowledge')).toBe(
      'complaints.complaint.v1.dlq.notification.acknowledge',
    );
  });

  it('refuse a group that Kafka could not put in a topic name', () => {
    expect(() => deadLetterTopicName('complaints.complaint.v1', 'notification/acknowledge')).toThrow(/Kafka allows only/);
    expect(() => deadLetterTopicName('complaints.complaint.v1', '')).toThrow(/dead-letter/);
  });

  it('are kept 30 days on a single partition', () => {
    expect(DEAD_LETTER_RETENTION_MS).toBe(30 * DAY_MS);
    expect(DEAD_LETTER_PARTITIONS).toBe(1);
  });
});
