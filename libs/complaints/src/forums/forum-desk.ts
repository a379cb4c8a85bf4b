import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ForumActionItemAnsweredV1Event, ForumHeldV1Event, ForumScheduledV1Event } from '@civicflow/contracts';
import { OutboxPublisher } from '@civicflow/messaging';
import { discussedStatus } from '../merchants/domain/merchant-request';
import { MerchantRequestNotFoundError } from '../merchants/domain/rule-violation';
import { MerchantEntity, MerchantRequestEntity } from '../merchants/infrastructure/merchant.entity';
import { MerchantRequestDesk } from '../merchants/merchant-request-desk';
import type { Page, PageRequest } from '../merchants/web/request-parameters';
import {
  ActionItemNotFoundError,
  answeredActionItemStatus,
  assertAttendanceCanBeRecorded,
  assertInvited,
  ForumNotFoundError,
  type ForumStatus,
  heldStatus,
  merchantsWhoRaised,
} from './domain/forum';
import { ActionItemMerchantEntity, ActionItemRequestEntity, ForumActionItemEntity, ForumEntity, ForumInvitationEntity } from './infrastructure/forum.entity';

export interface NewForum {
  title: string;
  topic: string;
  startsAt: Date;
  place: string;
  /** Merchants of these streets are invited; empty: any street. */
  streets: string[];
  /** Merchants of these trades are invited; empty: any trade. */
  trades: string[];
}

export interface NewActionItem {
  text: string;
  ownerStaffId: string;
  /** YYYY-MM-DD */
  dueDate: string;
  raisedByMerchantIds: string[];
  merchantRequestIds: string[];
}

export interface Staff {
  id: string;
  isSupervisor: boolean;
}

export interface ActionItemRecord {
  item: ForumActionItemEntity;
  raisedByMerchantIds: string[];
  merchantRequestIds: string[];
}

export interface ForumRecord {
  forum: ForumEntity;
  invitations: { invitation: ForumInvitationEntity; merchant: MerchantEntity }[];
  actionItems: ActionItemRecord[];
}

export interface ForumSummary {
  forum: ForumEntity;
  invitedCount: number;
}

/** Forums with merchants (座谈会): scheduling and invitations, attendance, minutes, and action items tracked to an answer. */
@Injectable()
export class ForumDesk {
  constructor(
    @InjectDataSource('complaints') private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly requestDesk: MerchantRequestDesk,
  ) {}

  /** Invites the merchants registered now that match both lists; a merchant who registers later is not invited. */
  async schedule(input: NewForum, scheduledBy: string, correlationId: string): Promise<ForumRecord> {
    return this.dataSource.transaction(async (manager) => {
      const invitees = await manager.find(MerchantEntity, {
        where: { ...(input.streets.length ? { street: In(input.streets) } : {}), ...(input.trades.length ? { trade: In(input.trades) } : {}) },
        order: { id: 'ASC' },
      });
      const now = new Date();
      const forum: ForumEntity = {
        id: uuidv7(),
        title: input.title,
        topic: input.topic,
        startsAt: input.startsAt,
        place: input.place,
        invitedStreets: input.streets,
        invitedTrades: input.trades,
        status: 'scheduled',
        scheduledBy,
        scheduledAt: now,
        minutes: null,
        minutesRecordedBy: null,
        minutesRecordedAt: null,
      };
      await manager.insert(ForumEntity, forum);
      const invitations = invitees.map((merchant) => ({ invitation: { forumId: forum.id, merchantId: merchant.id, invitedAt: now, attended: null }, merchant }));
      if (invitations.length) await manager.insert(ForumInvitationEntity, invitations.map(({ invitation }) => invitation));
      await this.emitScheduled(manager, forum, invitees, correlationId);
      return { forum, invitations, actionItems: [] };
    });
  }

  async recordAttendance(forumId: string, attendedMerchantIds: string[]): Promise<ForumRecord> {
    await this.dataSource.transaction(async (manager) => {
      const forum = await this.lockForum(manager, forumId);
      const invited = await this.invitedMerchantIds(manager, forumId);
      assertAttendanceCanBeRecorded(forum, invited, attendedMerchantIds);
      await manager.update(ForumInvitationEntity, { forumId }, { attended: false });
      if (attendedMerchantIds.length) await manager.update(ForumInvitationEntity, { forumId, merchantId: In(attendedMerchantIds) }, { attended: true });
    });
    return this.byId(forumId);
  }

  async recordMinutes(forumId: string, minutes: string, recordedBy: string, correlationId: string): Promise<ForumRecord> {
    await this.dataSource.transaction(async (manager) => {
      const forum = await this.lockForum(manager, forumId);
      const now = new Date();
      const status = heldStatus(forum, now);
      await manager.update(ForumEntity, { id: forumId }, { status, minutes, minutesRecordedBy: recordedBy, minutesRecordedAt: now });
      const invitedCount = await manager.countBy(ForumInvitationEntity, { forumId });
      const attendanceCount = await manager.countBy(ForumInvitationEntity, { forumId, attended: true });
      await this.outbox.emit(
        manager,
        ForumHeldV1Event,
        {
          forumId,
          title: forum.title,
          startsAt: forum.startsAt.toISOString(),
          minutes,
          invitedCount,
          attendanceCount,
          recordedBy,
          recordedAt: now.toISOString(),
        },
        { correlationId },
      );
    });
    return this.byId(forumId);
  }

  /**
   * Records what the bureau undertook at the forum. The merchants who raised it must have
   * been invited; the requests it takes up become discussed, and are answered with it.
   */
  async addActionItem(forumId: string, input: NewActionItem, recordedBy: string): Promise<ActionItemRecord> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockForum(manager, forumId);
      assertInvited(await this.invitedMerchantIds(manager, forumId), input.raisedByMerchantIds);
      const requests = await this.lockRequests(manager, input.merchantRequestIds);
      const item: ForumActionItemEntity = {
        id: uuidv7(),
        forumId,
        text: input.text,
        ownerStaffId: input.ownerStaffId,
        dueDate: input.dueDate,
        status: 'open',
        recordedBy,
        recordedAt: new Date(),
        answer: null,
        answeredBy: null,
        answeredAt: null,
      };
      await manager.insert(ForumActionItemEntity, item);
      if (input.raisedByMerchantIds.length) {
        await manager.insert(ActionItemMerchantEntity, input.raisedByMerchantIds.map((merchantId) => ({ actionItemId: item.id, merchantId })));
      }
      for (const request of requests) {
        await manager.update(MerchantRequestEntity, { id: request.id }, { status: discussedStatus(request), discussedForumId: forumId });
      }
      if (requests.length) {
        await manager.insert(ActionItemRequestEntity, requests.map((request) => ({ actionItemId: item.id, merchantRequestId: request.id })));
      }
      return { item, raisedByMerchantIds: input.raisedByMerchantIds, merchantRequestIds: input.merchantRequestIds };
    });
  }

  /**
   * The answer closes the item and every linked request still open, and names each merchant
   * who raised it so that the notification service sends them the answer. A linked request
   * that staff answered directly meanwhile keeps that answer.
   */
  async answerActionItem(forumId: string, actionItemId: string, answer: string, answerer: Staff, correlationId: string): Promise<ActionItemRecord> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockForum(manager, forumId);
      const item = await manager.findOne(ForumActionItemEntity, { where: { id: actionItemId, forumId }, lock: { mode: 'pessimistic_write' } });
      if (!item) throw new ActionItemNotFoundError(actionItemId);
      const status = answeredActionItemStatus(item, answerer);
      const raisedByMerchantIds = (await manager.findBy(ActionItemMerchantEntity, { actionItemId })).map((row) => row.merchantId);
      const merchantRequestIds = (await manager.findBy(ActionItemRequestEntity, { actionItemId })).map((row) => row.merchantRequestId);
      const linkedRequests = await this.lockRequests(manager, merchantRequestIds);
      const answeredAt = new Date();
      const change = { status, answer, answeredBy: answerer.id, answeredAt };
      await manager.update(ForumActionItemEntity, { id: actionItemId }, change);
      const merchantIds = merchantsWhoRaised(raisedByMerchantIds, linkedRequests);
      const cause = await this.outbox.emit(
        manager,
        ForumActionItemAnsweredV1Event,
        {
          forumId,
          actionItemId,
          actionItem: item.text,
          dueDate: item.dueDate,
          answer,
          answeredBy: answerer.id,
          merchantIds,
          merchantRequestIds: [...merchantRequestIds].sort(),
          answeredAt: answeredAt.toISOString(),
        },
        { correlationId },
      );
      await this.requestDesk.answerWithin(
        manager,
        linkedRequests.filter((request) => request.status !== 'answered'),
        { text: answer, answeredBy: answerer.id, answeredAt, through: { forumId, actionItemId } },
        { correlationId, causationId: cause.id },
      );
      return { item: { ...item, ...change }, raisedByMerchantIds, merchantRequestIds };
    });
  }

  async byId(forumId: string): Promise<ForumRecord> {
    const forum = await this.dataSource.getRepository(ForumEntity).findOneBy({ id: forumId });
    if (!forum) throw new ForumNotFoundError(forumId);
    const invitations = await this.dataSource.getRepository(ForumInvitationEntity).findBy({ forumId });
    const merchants = invitations.length ? await this.dataSource.getRepository(MerchantEntity).findBy({ id: In(invitations.map((invitation) => invitation.merchantId)) }) : [];
    const merchantById = new Map(merchants.map((merchant) => [merchant.id, merchant]));
    return {
      forum,
      invitations: invitations
        .flatMap((invitation) => {
          const merchant = merchantById.get(invitation.merchantId);
          return merchant ? [{ invitation, merchant }] : [];
        })
        .sort((a, b) => a.merchant.businessName.localeCompare(b.merchant.businessName) || a.merchant.id.localeCompare(b.merchant.id)),
      actionItems: await this.actionItemsOf(forumId),
    };
  }

  async list(status: ForumStatus | undefined, page: PageRequest): Promise<Page<ForumSummary>> {
    const [forums, total] = await this.dataSource.getRepository(ForumEntity).findAndCount({
      where: status ? { status } : {},
      order: { startsAt: 'DESC', id: 'DESC' },
      skip: (page.page - 1) * page.pageSize,
      take: page.pageSize,
    });
    return { items: await this.withInvitedCounts(forums), total, ...page };
  }

  /** The forums a merchant was invited to, and those that took up one of its requests without inviting it. */
  async listForMerchant(merchantId: string, page: PageRequest): Promise<Page<ForumEntity>> {
    const [items, total] = await this.forumsOfMerchantQuery(merchantId)
      .orderBy('forum.starts_at', 'DESC')
      .addOrderBy('forum.id', 'DESC')
      .skip((page.page - 1) * page.pageSize)
      .take(page.pageSize)
      .getManyAndCount();
    return { items, total, ...page };
  }

  /** One forum as a merchant sees it: whether it was invited and attended, and the action items it raised or that took up its requests. */
  async oneForMerchant(merchantId: string, forumId: string): Promise<{ forum: ForumEntity; invitation: ForumInvitationEntity | null; actionItems: ForumActionItemEntity[] }> {
    const forum = await this.forumsOfMerchantQuery(merchantId).andWhere('forum.id = :forumId', { forumId }).getOne();
    // Another merchant's forum is as unknown as a missing one.
    if (!forum) throw new ForumNotFoundError(forumId);
    const invitation = await this.dataSource.getRepository(ForumInvitationEntity).findOneBy({ forumId, merchantId });
    const actionItems = await this.dataSource
      .getRepository(ForumActionItemEntity)
      .createQueryBuilder('item')
      .where('item.forum_id = :forumId', { forumId })
      .andWhere(
        `(item.id IN (SELECT action_item_id FROM complaints.forum_action_item_merchant WHERE merchant_id = :merchantId)
          OR item.id IN (SELECT link.action_item_id FROM complaints.forum_action_item_request link
                           JOIN complaints.merchant_request request ON request.id = link.merchant_request_id
                          WHERE request.merchant_id = :merchantId))`,
        { merchantId },
      )
      .orderBy('item.recorded_at', 'ASC')
      .getMany();
    return { forum, invitation, actionItems };
  }

  private forumsOfMerchantQuery(merchantId: string) {
    return this.dataSource
      .getRepository(ForumEntity)
      .createQueryBuilder('forum')
      .where(
        `(forum.id IN (SELECT forum_id FROM complaints.forum_invitation WHERE merchant_id = :merchantId)
          OR forum.id IN (SELECT item.forum_id FROM complaints.forum_action_item item
                            JOIN complaints.forum_action_item_request link ON link.action_item_id = item.id
                            JOIN complaints.merchant_request request ON request.id = link.merchant_request_id
                           WHERE request.merchant_id = :merchantId))`,
        { merchantId },
      );
  }

  private async emitScheduled(manager: EntityManager, forum: ForumEntity, invitees: MerchantEntity[], correlationId: string): Promise<void> {
    await this.outbox.emit(
      manager,
      ForumScheduledV1Event,
      {
        forumId: forum.id,
        title: forum.title,
        topic: forum.topic,
        startsAt: forum.startsAt.toISOString(),
        place: forum.place,
        invitation: { streets: forum.invitedStreets, trades: forum.invitedTrades },
        invitedMerchantIds: invitees.map((merchant) => merchant.id),
        scheduledBy: forum.scheduledBy,
        scheduledAt: forum.scheduledAt.toISOString(),
      },
      { correlationId },
    );
  }

  /** Locks the forum row, so that attendance, minutes and action items of one forum change one at a time. */
  private async lockForum(manager: EntityManager, forumId: string): Promise<ForumEntity> {
    const forum = await manager.findOne(ForumEntity, { where: { id: forumId }, lock: { mode: 'pessimistic_write' } });
    if (!forum) throw new ForumNotFoundError(forumId);
    return forum;
  }

  private async invitedMerchantIds(manager: EntityManager, forumId: string): Promise<Set<string>> {
    return new Set((await manager.findBy(ForumInvitationEntity, { forumId })).map((invitation) => invitation.merchantId));
  }

  private async lockRequests(manager: EntityManager, requestIds: string[]): Promise<MerchantRequestEntity[]> {
    if (!requestIds.length) return [];
    const requests = await manager.find(MerchantRequestEntity, { where: { id: In(requestIds) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    const missing = requestIds.find((id) => !requests.some((request) => request.id === id));
    if (missing) throw new MerchantRequestNotFoundError(missing);
    return requests;
  }

  private async actionItemsOf(forumId: string): Promise<ActionItemRecord[]> {
    const items = await this.dataSource.getRepository(ForumActionItemEntity).find({ where: { forumId }, order: { recordedAt: 'ASC', id: 'ASC' } });
    if (!items.length) return [];
    const itemIds = items.map((item) => item.id);
    const raisers = await this.dataSource.getRepository(ActionItemMerchantEntity).findBy({ actionItemId: In(itemIds) });
    const links = await this.dataSource.getRepository(ActionItemRequestEntity).findBy({ actionItemId: In(itemIds) });
    return items.map((item) => ({
      item,
      raisedByMerchantIds: raisers.filter((row) => row.actionItemId === item.id).map((row) => row.merchantId).sort(),
      merchantRequestIds: links.filter((row) => row.actionItemId === item.id).map((row) => row.merchantRequestId).sort(),
    }));
  }

  private async withInvitedCounts(forums: ForumEntity[]): Promise<ForumSummary[]> {
    if (!forums.length) return [];
    const counts: { forum_id: string; invited: string }[] = await this.dataSource
      .getRepository(ForumInvitationEntity)
      .createQueryBuilder('invitation')
      .select('invitation.forum_id', 'forum_id')
      .addSelect('count(*)', 'invited')
      .where('invitation.forum_id IN (:...forumIds)', { forumIds: forums.map((forum) => forum.id) })
      .groupBy('invitation.forum_id')
      .getRawMany();
    const countOf = new Map(counts.map((row) => [row.forum_id, Number(row.invited)]));
    return forums.map((forum) => ({ forum, invitedCount: countOf.get(forum.id) ?? 0 }));
  }
}
