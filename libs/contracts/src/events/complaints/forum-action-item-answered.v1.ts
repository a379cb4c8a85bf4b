import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../../event-definition';
import { DateTime, Uuid } from '../../schema-kit';

export const ForumActionItemAnsweredV1Schema = Type.Object(
  {
    forumId: Uuid({ description: 'The forum where the action item was raised; also the subject and the Kafka key.' }),
    actionItemId: Uuid({ description: 'The action item.' }),
    actionItem: Type.String({ minLength: 1, maxLength: 2000, description: 'What the bureau undertook to do or find out.' }),
    dueDate: Type.String({ format: 'date', description: 'The day the answer was due.' }),
    answer: Type.String({ minLength: 1, maxLength: 5000, description: "The bureau's answer, to be sent to every merchant in merchantIds." }),
    answeredBy: Type.String({ minLength: 1, maxLength: 200, description: 'The staff member who answered (account id, not a name).' }),
    merchantIds: Type.Array(Uuid(), {
      uniqueItems: true,
      description: 'Every merchant who raised it: those named at the forum and the submitters of the linked requests, by profile id.',
    }),
    merchantRequestIds: Type.Array(Uuid(), {
      uniqueItems: true,
      description: 'The merchant requests linked to it; each also gets complaints.merchant-request.answered.v1 unless it was answered before.',
    }),
    answeredAt: DateTime({ description: 'When it was answered.' }),
  },
  { additionalProperties: false },
);

export type ForumActionItemAnsweredV1 = Static<typeof ForumActionItemAnsweredV1Schema>;

export const ForumActionItemAnsweredV1Event = defineEvent({
  type: 'complaints.forum.action-item-answered.v1',
  topic: 'complaints.forum.v1',
  subjectField: 'forumId',
  schema: ForumActionItemAnsweredV1Schema,
  description:
    'The owner of an action item from a forum answered it. The notification service sends the answer to every merchant named in merchantIds. Names merchants by profile id only: the topic is public.',
  examples: [
    {
      forumId: '0194f3c0-3c4d-7e5f-8a6b-7c8d9e0f1a2b',
      actionItemId: '0194f3c1-4d5e-7f6a-9b7c-8d9e0f1a2b3c',
      actionItem: 'Find a shared waste collection point at the east end of the night market.',
      dueDate: '2026-03-31',
      answer: 'A collection point opens at the corner of Renmin Road and Jiefang Road on 1 April, emptied at 23:00 every night.',
      answeredBy: 'officer-2041',
      merchantIds: ['0194f3af-0f1e-7d2c-9b3a-4c5d6e7f8a9b', '0194f3af-1a2b-7c3d-8e4f-5a6b7c8d9e0f'],
      merchantRequestIds: ['0194f3b0-2b3c-7d4e-9f5a-6b7c8d9e0f1a'],
      answeredAt: '2026-03-28T10:00:00+08:00',
    },
  ],
});
