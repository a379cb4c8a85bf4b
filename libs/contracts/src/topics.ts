/**
 * The topic registry: the single source that provisioning, the AsyncAPI document and the
 * dead-letter handling read. One topic per aggregate stream, keyed by the aggregate id, so
 * that the events of one complaint (or case, task, ...) stay in order.
 */
export type TopicAudience = 'public' | 'restricted';

export interface TopicDefinition {
  /** `<domain>.<entity>.v<N>`; the version changes only when the key changes meaning. */
  name: string;
  partitions: number;
  retentionMs: number;
  /** What the Kafka message key (and the CloudEvents `subject`) is, e.g. `complaint id`. */
  key: string;
  /**
   * `public`: any subscribing department may be granted read.
   * `restricted`: carries personal data; Kafka ACLs grant read to named services only.
   */
  audience: TopicAudience;
  description: string;
}

export const TOPIC_NAME_PATTERN = /^[a-z]+\.[a-z-]+\.v[0-9]+$/;

const DAY_MS = 24 * 60 * 60 * 1000;
const STANDARD_RETENTION_MS = 7 * DAY_MS;
// Personal data is kept only as long as its one consumer needs to act on it.
const RESTRICTED_RETENTION_MS = 3 * DAY_MS;
const BUSY_PARTITIONS = 6;
const QUIET_PARTITIONS = 3;

export const DEAD_LETTER_RETENTION_MS = 30 * DAY_MS;
// Dead letters are rare and replayed by hand; one partition keeps them in arrival order.
export const DEAD_LETTER_PARTITIONS = 1;

export const TOPICS: readonly TopicDefinition[] = [
  {
    name: 'complaints.complaint.v1',
    partitions: BUSY_PARTITIONS,
    retentionMs: STANDARD_RETENTION_MS,
    key: 'complaint id',
    audience: 'public',
    description:
      'The life of a complaint from intake to closure: received, triaged, dispatched, handled, verified, closed and what happens in between. Carries no contact details of the reporter.',
  },
  {
    name: 'complaints.reporter.v1',
    partitions: BUSY_PARTITIONS,
    retentionMs: RESTRICTED_RETENTION_MS,
    key: 'complaint id',
    audience: 'restricted',
    description:
      "The reporter's contact details for a complaint, so that the notification service can reach them. Restricted: Kafka ACLs grant read to the notification service only; no other service or department may subscribe. Kept 3 days.",
  },
  {
    name: 'complaints.merchant-request.v1',
    partitions: QUIET_PARTITIONS,
    retentionMs: STANDARD_RETENTION_MS,
    key: 'merchant request id',
    audience: 'public',
    description: 'Requests that merchants submit to the bureau, and the answers they get.',
  },
  {
    name: 'complaints.merchant.v1',
    partitions: QUIET_PARTITIONS,
    retentionMs: RESTRICTED_RETENTION_MS,
    key: 'merchant id',
    audience: 'restricted',
    description:
      "Merchants' contact details, so that the notification service can send them answers and forum invitations. Restricted like complaints.reporter.v1: Kafka ACLs grant read to the notification service only. Kept 3 days.",
  },
  {
    name: 'complaints.forum.v1',
    partitions: QUIET_PARTITIONS,
    retentionMs: STANDARD_RETENTION_MS,
    key: 'forum id',
    audience: 'public',
    description: 'Merchant forums: scheduled, held (with minutes), and their action items answered.',
  },
  {
    name: 'enforcement.case.v1',
    partitions: BUSY_PARTITIONS,
    retentionMs: STANDARD_RETENTION_MS,
    key: 'case id',
    audience: 'public',
    description:
      'Enforcement cases under the administrative-penalty procedure, from registration through decision, service, payment and execution to closure, with deadline warnings.',
  },
  {
    name: 'enforcement.officer.v1',
    partitions: QUIET_PARTITIONS,
    retentionMs: STANDARD_RETENTION_MS,
    key: 'officer id',
    audience: 'public',
    description: 'Enforcement officers: certification, expiry of certificates, training and assessment.',
  },
  {
    name: 'enforcement.referral.v1',
    partitions: QUIET_PARTITIONS,
    retentionMs: STANDARD_RETENTION_MS,
    key: 'referral id',
    audience: 'public',
    description: 'Suspected violations that other departments refer to the enforcement bureau (移送), one case per referral. Other departments publish here; no personal data.',
  },
  {
    name: 'coordination.task.v1',
    partitions: BUSY_PARTITIONS,
    retentionMs: STANDARD_RETENTION_MS,
    key: 'task id',
    audience: 'public',
    description: 'Tasks routed to other departments: assigned, accepted, returned, completed, overdue, escalated.',
  },
  {
    name: 'disclosure.publication.v1',
    partitions: QUIET_PARTITIONS,
    retentionMs: STANDARD_RETENTION_MS,
    key: 'publication id',
    audience: 'public',
    description: 'Entries of the public record: published and withdrawn.',
  },
  {
    name: 'enforcement.document-service.v1',
    partitions: QUIET_PARTITIONS,
    retentionMs: RESTRICTED_RETENTION_MS,
    key: 'case id',
    audience: 'restricted',
    description:
      "Enforcement documents to be served electronically, with the party's contact details. Restricted: Kafka ACLs grant read to the notification service only. Kept 3 days.",
  },
  {
    name: 'notification.message.v1',
    partitions: BUSY_PARTITIONS,
    retentionMs: STANDARD_RETENTION_MS,
    key: 'message id',
    audience: 'public',
    description:
      'Outcome of each notification sent: delivered, failed, or served (legal proof of delivery). Recipients appear masked only.',
  },
  {
    name: 'rating.round.v1',
    partitions: QUIET_PARTITIONS,
    retentionMs: STANDARD_RETENTION_MS,
    key: 'round id',
    audience: 'public',
    description: 'Street rating rounds: opened, scored, published, and rectification ordered.',
  },
];

export function findTopic(name: string): TopicDefinition | undefined {
  return TOPICS.find((topic) => topic.name === name);
}

/** `<topic>.dlq.<group>`: one dead-letter topic per topic and consumer group, so a replay reaches only the group that failed. */
export function deadLetterTopicName(topic: string, group: string): string {
  const name = `${topic}.dlq.${group}`;
  if (!topic || !group || !KAFKA_TOPIC_NAME.test(name)) {
    throw new Error(
      `Cannot name a dead-letter topic for topic '${topic}' and group '${group}': Kafka allows only 1..249 of [a-zA-Z0-9._-]`,
    );
  }
  return name;
}

const KAFKA_TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;
