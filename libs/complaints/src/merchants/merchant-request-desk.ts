import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { MerchantRequestAnsweredV1Event, MerchantRequestSubmittedV1Event } from '@civicflow/contracts';
import { type EventMetadata, OutboxPublisher } from '@civicflow/messaging';
import { answeredStatus, type MerchantRequestKind, type MerchantRequestStatus } from './domain/merchant-request';
import { MerchantRequestNotFoundError } from './domain/rule-violation';
import { MerchantEntity, MerchantRequestEntity } from './infrastructure/merchant.entity';
import type { Page, PageRequest } from './web/request-parameters';

export interface NewMerchantRequest {
  kind: MerchantRequestKind;
  subject: string;
  text: string;
  category?: string;
}

export interface MerchantRequestAnswer {
  text: string;
  /** The staff member's account id. */
  answeredBy: string;
  answeredAt: Date;
  /** Set when the answer is that of a forum action item the request was linked to. */
  through?: { forumId: string; actionItemId: string };
}

export interface MerchantRequestFilter {
  merchantId?: string;
  status?: MerchantRequestStatus;
  street?: string;
}

/** A request with the merchant who submitted it, as staff see it. */
export interface MerchantRequestWithMerchant {
  request: MerchantRequestEntity;
  merchant: MerchantEntity;
}

/** Merchants' requests and suggestions (诉求), from submission to answer; every change stages its event in the same transaction. */
@Injectable()
export class MerchantRequestDesk {
  constructor(
    @InjectDataSource('complaints') private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
  ) {}

  async submit(merchant: MerchantEntity, input: NewMerchantRequest, correlationId: string): Promise<MerchantRequestEntity> {
    const request: MerchantRequestEntity = {
      id: uuidv7(),
      merchantId: merchant.id,
      kind: input.kind,
      subject: input.subject,
      text: input.text,
      category: input.category ?? null,
      status: 'submitted',
      submittedAt: new Date(),
      discussedForumId: null,
      answer: null,
      answeredBy: null,
      answeredAt: null,
      answeredByActionItemId: null,
    };
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(MerchantRequestEntity, request);
      await this.outbox.emit(
        manager,
        MerchantRequestSubmittedV1Event,
        {
          requestId: request.id,
          merchantId: request.merchantId,
          kind: request.kind,
          subject: request.subject,
          category: request.category,
          status: 'submitted',
          submittedAt: request.submittedAt.toISOString(),
        },
        { correlationId },
      );
    });
    return request;
  }

  /** Staff answer one request directly. */
  async answer(requestId: string, answer: Omit<MerchantRequestAnswer, 'through'>, correlationId: string): Promise<MerchantRequestWithMerchant> {
    return this.dataSource.transaction(async (manager) => {
      const request = await manager.findOne(MerchantRequestEntity, { where: { id: requestId }, lock: { mode: 'pessimistic_write' } });
      if (!request) throw new MerchantRequestNotFoundError(requestId);
      const answered = await this.answerOne(manager, request, answer, { correlationId });
      return { request: answered, merchant: await manager.findOneByOrFail(MerchantEntity, { id: request.merchantId }) };
    });
  }

  /**
   * Answers requests inside the caller's transaction, each with its answered event. The
   * caller has locked the rows; an answered request among them is refused, not skipped.
   */
  async answerWithin(manager: EntityManager, requests: MerchantRequestEntity[], answer: MerchantRequestAnswer, metadata: EventMetadata): Promise<MerchantRequestEntity[]> {
    const answered: MerchantRequestEntity[] = [];
    for (const request of requests) answered.push(await this.answerOne(manager, request, answer, metadata));
    return answered;
  }

  private async answerOne(manager: EntityManager, request: MerchantRequestEntity, answer: MerchantRequestAnswer, metadata: EventMetadata): Promise<MerchantRequestEntity> {
    const change = {
      status: answeredStatus(request),
      answer: answer.text,
      answeredBy: answer.answeredBy,
      answeredAt: answer.answeredAt,
      answeredByActionItemId: answer.through?.actionItemId ?? null,
    };
    await manager.update(MerchantRequestEntity, { id: request.id }, change);
    await this.outbox.emit(
      manager,
      MerchantRequestAnsweredV1Event,
      {
        requestId: request.id,
        merchantId: request.merchantId,
        kind: request.kind,
        subject: request.subject,
        category: request.category,
        status: 'answered',
        answer: answer.text,
        answeredBy: answer.answeredBy,
        forumId: answer.through?.forumId ?? null,
        actionItemId: answer.through?.actionItemId ?? null,
        submittedAt: request.submittedAt.toISOString(),
        answeredAt: answer.answeredAt.toISOString(),
      },
      metadata,
    );
    return { ...request, ...change };
  }

  /** A merchant's own request; another merchant's is as unknown as a missing one. */
  async ofMerchant(merchantId: string, requestId: string): Promise<MerchantRequestEntity> {
    const request = await this.dataSource.getRepository(MerchantRequestEntity).findOneBy({ id: requestId, merchantId });
    if (!request) throw new MerchantRequestNotFoundError(requestId);
    return request;
  }

  async byId(requestId: string): Promise<MerchantRequestWithMerchant> {
    const request = await this.dataSource.getRepository(MerchantRequestEntity).findOneBy({ id: requestId });
    if (!request) throw new MerchantRequestNotFoundError(requestId);
    return { request, merchant: await this.dataSource.getRepository(MerchantEntity).findOneByOrFail({ id: request.merchantId }) };
  }

  /** Oldest first for staff (the longest waiting comes first); newest first for a merchant's own list. */
  async list(filter: MerchantRequestFilter, page: PageRequest): Promise<Page<MerchantRequestWithMerchant>> {
    const query = this.dataSource.getRepository(MerchantRequestEntity).createQueryBuilder('request');
    if (filter.merchantId) query.andWhere('request.merchant_id = :merchantId', { merchantId: filter.merchantId });
    if (filter.status) query.andWhere('request.status = :status', { status: filter.status });
    if (filter.street) query.andWhere('request.merchant_id IN (SELECT id FROM complaints.merchant WHERE street = :street)', { street: filter.street });
    const direction = filter.merchantId ? 'DESC' : 'ASC';
    const [requests, total] = await query
      .orderBy('request.submitted_at', direction)
      .addOrderBy('request.id', direction)
      .skip((page.page - 1) * page.pageSize)
      .take(page.pageSize)
      .getManyAndCount();
    const merchantIds = [...new Set(requests.map((request) => request.merchantId))];
    const merchants = merchantIds.length ? await this.dataSource.getRepository(MerchantEntity).findBy({ id: In(merchantIds) }) : [];
    const merchantById = new Map(merchants.map((merchant) => [merchant.id, merchant]));
    const items = requests.flatMap((request) => {
      const merchant = merchantById.get(request.merchantId);
      return merchant ? [{ request, merchant }] : [];
    });
    return { items, total, ...page };
  }
}
