import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ActionItemStatus, ForumStatus } from '../domain/forum';

@Entity({ schema: 'complaints', name: 'forum' })
export class ForumEntity {
  @PrimaryColumn('text')
  id: string;

  @Column('text')
  title: string;

  @Column('text')
  topic: string;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt: Date;

  @Column('text')
  place: string;

  /** The invitation criteria as the supervisor gave them; empty means "any". */
  @Column('jsonb', { name: 'invited_streets' })
  invitedStreets: string[];

  @Column('jsonb', { name: 'invited_trades' })
  invitedTrades: string[];

  @Column('text')
  status: ForumStatus;

  @Column('text', { name: 'scheduled_by' })
  scheduledBy: string;

  @Column('timestamptz', { name: 'scheduled_at' })
  scheduledAt: Date;

  @Column('text', { nullable: true })
  minutes: string | null;

  @Column('text', { name: 'minutes_recorded_by', nullable: true })
  minutesRecordedBy: string | null;

  @Column('timestamptz', { name: 'minutes_recorded_at', nullable: true })
  minutesRecordedAt: Date | null;
}

@Entity({ schema: 'complaints', name: 'forum_invitation' })
export class ForumInvitationEntity {
  @PrimaryColumn('text', { name: 'forum_id' })
  forumId: string;

  @PrimaryColumn('text', { name: 'merchant_id' })
  merchantId: string;

  @Column('timestamptz', { name: 'invited_at' })
  invitedAt: Date;

  /** Null until attendance is recorded. */
  @Column('boolean', { nullable: true })
  attended: boolean | null;
}

@Entity({ schema: 'complaints', name: 'forum_action_item' })
export class ForumActionItemEntity {
  @PrimaryColumn('text')
  id: string;

  @Column('text', { name: 'forum_id' })
  forumId: string;

  @Column('text')
  text: string;

  /** The staff member (account id) who must answer it. */
  @Column('text', { name: 'owner_staff_id' })
  ownerStaffId: string;

  /** YYYY-MM-DD. */
  @Column('date', { name: 'due_date' })
  dueDate: string;

  @Column('text')
  status: ActionItemStatus;

  @Column('text', { name: 'recorded_by' })
  recordedBy: string;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;

  @Column('text', { nullable: true })
  answer: string | null;

  @Column('text', { name: 'answered_by', nullable: true })
  answeredBy: string | null;

  @Column('timestamptz', { name: 'answered_at', nullable: true })
  answeredAt: Date | null;
}

/** A merchant who raised the action item at the forum. */
@Entity({ schema: 'complaints', name: 'forum_action_item_merchant' })
export class ActionItemMerchantEntity {
  @PrimaryColumn('text', { name: 'action_item_id' })
  actionItemId: string;

  @PrimaryColumn('text', { name: 'merchant_id' })
  merchantId: string;
}

/** A merchant request the action item takes up; answering the item answers the request. */
@Entity({ schema: 'complaints', name: 'forum_action_item_request' })
export class ActionItemRequestEntity {
  @PrimaryColumn('text', { name: 'action_item_id' })
  actionItemId: string;

  @PrimaryColumn('text', { name: 'merchant_request_id' })
  merchantRequestId: string;
}
