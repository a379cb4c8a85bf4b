import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../../event-definition';
import { DateTime, Uuid } from '../../schema-kit';
import { ForumTitleSchema } from './forum-scheduled.v1';

export const ForumHeldV1Schema = Type.Object(
  {
    forumId: Uuid({ description: 'The forum; also the subject and the Kafka key.' }),
    title: ForumTitleSchema(),
    startsAt: DateTime({ description: 'When it started.' }),
    minutes: Type.String({ minLength: 1, maxLength: 20000, description: 'The minutes (纪要) as recorded by the bureau.' }),
    invitedCount: Type.Integer({ minimum: 0, description: 'How many merchants were invited.' }),
    attendanceCount: Type.Integer({ minimum: 0, description: 'How many of them attended.' }),
    recordedBy: Type.String({ minLength: 1, maxLength: 200, description: 'The staff member who recorded the minutes (account id, not a name).' }),
    recordedAt: DateTime({ description: 'When the minutes were recorded.' }),
  },
  { additionalProperties: false },
);

export type ForumHeldV1 = Static<typeof ForumHeldV1Schema>;

export const ForumHeldV1Event = defineEvent({
  type: 'complaints.forum.held.v1',
  topic: 'complaints.forum.v1',
  subjectField: 'forumId',
  schema: ForumHeldV1Schema,
  description: 'A forum took place and its minutes were recorded, with how many of the invited merchants attended. Disclosure may publish the minutes.',
  examples: [
    {
      forumId: '0194f3c0-3c4d-7e5f-8a6b-7c8d9e0f1a2b',
      title: 'Renmin Road night market: opening hours and waste collection',
      startsAt: '2026-03-15T14:00:00+08:00',
      minutes: 'Twelve stall holders attended. Agreed: the market opens at 18:00 from April; the bureau studies a shared waste point at the east end.',
      invitedCount: 15,
      attendanceCount: 12,
      recordedBy: 'officer-2041',
      recordedAt: '2026-03-15T17:30:00+08:00',
    },
  ],
});
