import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../../event-definition';
import { DateTime, Uuid } from '../../schema-kit';

export const ForumTitleSchema = () => Type.String({ minLength: 1, maxLength: 200, description: 'The title of the forum (座谈会).' });

const InvitationCriterion = (description: string) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50, uniqueItems: true, description });

export const ForumScheduledV1Schema = Type.Object(
  {
    forumId: Uuid({ description: 'The forum; also the subject and the Kafka key.' }),
    title: ForumTitleSchema(),
    topic: Type.String({ minLength: 1, maxLength: 1000, description: 'What the forum will discuss.' }),
    startsAt: DateTime({ description: 'When it starts.' }),
    place: Type.String({ minLength: 1, maxLength: 300, description: 'Where it is held.' }),
    invitation: Type.Object(
      {
        streets: InvitationCriterion('Merchants of these streets were invited; empty when the street did not matter.'),
        trades: InvitationCriterion('Merchants of these trades were invited; empty when the trade did not matter.'),
      },
      { additionalProperties: false, description: 'Whom the forum invited: the merchants matching both lists.' },
    ),
    invitedMerchantIds: Type.Array(Uuid(), { uniqueItems: true, description: 'Every merchant invited, by profile id; the notification service sends them the invitation.' }),
    scheduledBy: Type.String({ minLength: 1, maxLength: 200, description: 'The supervisor who scheduled it (account id, not a name).' }),
    scheduledAt: DateTime({ description: 'When it was scheduled.' }),
  },
  { additionalProperties: false },
);

export type ForumScheduledV1 = Static<typeof ForumScheduledV1Schema>;

export const ForumScheduledV1Event = defineEvent({
  type: 'complaints.forum.scheduled.v1',
  topic: 'complaints.forum.v1',
  subjectField: 'forumId',
  schema: ForumScheduledV1Schema,
  description:
    'A supervisor scheduled a forum with merchants and vendors (座谈会) and invited the registered merchants of the chosen streets and trades. Names merchants by profile id only: the topic is public.',
  examples: [
    {
      forumId: '0194f3c0-3c4d-7e5f-8a6b-7c8d9e0f1a2b',
      title: 'Renmin Road night market: opening hours and waste collection',
      topic: 'Hours of the night market from April; where stalls leave their waste; loading times.',
      startsAt: '2026-03-15T14:00:00+08:00',
      place: 'Renmin Road sub-district office, meeting room 2',
      invitation: { streets: ['renmin-road'], trades: [] },
      invitedMerchantIds: ['0194f3af-0f1e-7d2c-9b3a-4c5d6e7f8a9b', '0194f3af-1a2b-7c3d-8e4f-5a6b7c8d9e0f'],
      scheduledBy: 'supervisor-0007',
      scheduledAt: '2026-03-02T11:00:00+08:00',
    },
  ],
});
