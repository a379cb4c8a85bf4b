import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTION_ITEM_STATUSES, type ActionItemStatus, FORUM_STATUSES, type ForumStatus } from '../domain/forum';
import type { ActionItemRecord, ForumRecord, ForumSummary } from '../forum-desk';
import type { ForumActionItemEntity, ForumEntity, ForumInvitationEntity } from '../infrastructure/forum.entity';

class InvitationCriteriaResponse {
  @ApiProperty({ type: [String] })
  streets: string[];

  @ApiProperty({ type: [String] })
  trades: string[];
}

/** What a forum is, as anyone who may see it sees it. */
export class ForumResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  topic: string;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty()
  place: string;

  @ApiProperty({ enum: FORUM_STATUSES })
  status: ForumStatus;

  @ApiPropertyOptional({ nullable: true, type: String })
  minutes: string | null;

  static from(forum: ForumEntity): ForumResponse {
    return {
      id: forum.id,
      title: forum.title,
      topic: forum.topic,
      startsAt: forum.startsAt.toISOString(),
      place: forum.place,
      status: forum.status,
      minutes: forum.minutes,
    };
  }
}

export class ForumSummaryResponse extends ForumResponse {
  @ApiProperty({ example: 15 })
  invitedCount: number;

  static of(summary: ForumSummary): ForumSummaryResponse {
    return { ...ForumResponse.from(summary.forum), invitedCount: summary.invitedCount };
  }
}

class InviteeResponse {
  @ApiProperty({ format: 'uuid' })
  merchantId: string;

  @ApiProperty()
  businessName: string;

  @ApiProperty()
  street: string;

  @ApiProperty()
  trade: string;

  @ApiPropertyOptional({ nullable: true, type: Boolean, description: 'Null until attendance is recorded.' })
  attended: boolean | null;
}

/** An action item as the merchants who raised it see it. */
export class OwnActionItemResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  text: string;

  @ApiProperty({ format: 'date', example: '2026-03-31' })
  dueDate: string;

  @ApiProperty({ enum: ACTION_ITEM_STATUSES })
  status: ActionItemStatus;

  @ApiPropertyOptional({ nullable: true, type: String })
  answer: string | null;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  answeredAt: string | null;

  static from(item: ForumActionItemEntity): OwnActionItemResponse {
    return { id: item.id, text: item.text, dueDate: item.dueDate, status: item.status, answer: item.answer, answeredAt: item.answeredAt?.toISOString() ?? null };
  }
}

export class ActionItemResponse extends OwnActionItemResponse {
  @ApiProperty({ format: 'uuid' })
  forumId: string;

  @ApiProperty({ description: 'Account id of the staff member who must answer it.' })
  ownerStaffId: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  raisedByMerchantIds: string[];

  @ApiProperty({ type: [String], format: 'uuid' })
  merchantRequestIds: string[];

  @ApiProperty()
  recordedBy: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  answeredBy: string | null;

  static of(record: ActionItemRecord): ActionItemResponse {
    const { item } = record;
    return {
      ...OwnActionItemResponse.from(item),
      forumId: item.forumId,
      ownerStaffId: item.ownerStaffId,
      raisedByMerchantIds: record.raisedByMerchantIds,
      merchantRequestIds: record.merchantRequestIds,
      recordedBy: item.recordedBy,
      recordedAt: item.recordedAt.toISOString(),
      answeredBy: item.answeredBy,
    };
  }
}

/** A forum as staff see it: whom it invited, who came, the minutes and the action items. */
export class ForumDetailResponse extends ForumResponse {
  @ApiProperty({ type: InvitationCriteriaResponse })
  invitation: InvitationCriteriaResponse;

  @ApiProperty()
  scheduledBy: string;

  @ApiProperty({ format: 'date-time' })
  scheduledAt: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  minutesRecordedBy: string | null;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  minutesRecordedAt: string | null;

  @ApiProperty({ type: [InviteeResponse] })
  invitees: InviteeResponse[];

  @ApiProperty({ type: [ActionItemResponse] })
  actionItems: ActionItemResponse[];

  static of(record: ForumRecord): ForumDetailResponse {
    const { forum } = record;
    return {
      ...ForumResponse.from(forum),
      invitation: { streets: forum.invitedStreets, trades: forum.invitedTrades },
      scheduledBy: forum.scheduledBy,
      scheduledAt: forum.scheduledAt.toISOString(),
      minutesRecordedBy: forum.minutesRecordedBy,
      minutesRecordedAt: forum.minutesRecordedAt?.toISOString() ?? null,
      invitees: record.invitations.map(({ invitation, merchant }) => ({
        merchantId: merchant.id,
        businessName: merchant.businessName,
        street: merchant.street,
        trade: merchant.trade,
        attended: invitation.attended,
      })),
      actionItems: record.actionItems.map((item) => ActionItemResponse.of(item)),
    };
  }
}

/** A forum as one merchant sees it: whether it was invited and came, and the action items that concern it. */
export class MerchantForumResponse extends ForumResponse {
  @ApiProperty({ description: 'False when the forum only took up one of its requests.' })
  invited: boolean;

  @ApiPropertyOptional({ nullable: true, type: Boolean })
  attended: boolean | null;

  @ApiProperty({ type: [OwnActionItemResponse], description: 'The items it raised or that took up its requests.' })
  actionItems: OwnActionItemResponse[];

  static of(forum: ForumEntity, invitation: ForumInvitationEntity | null, actionItems: ForumActionItemEntity[]): MerchantForumResponse {
    return {
      ...ForumResponse.from(forum),
      invited: invitation !== null,
      attended: invitation?.attended ?? null,
      actionItems: actionItems.map((item) => OwnActionItemResponse.from(item)),
    };
  }
}

export class ForumListResponse {
  @ApiProperty({ type: [ForumSummaryResponse] })
  items: ForumSummaryResponse[];

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;

  @ApiProperty({ example: 4 })
  total: number;
}

export class MerchantForumListResponse {
  @ApiProperty({ type: [ForumResponse] })
  items: ForumResponse[];

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;

  @ApiProperty({ example: 2 })
  total: number;
}
