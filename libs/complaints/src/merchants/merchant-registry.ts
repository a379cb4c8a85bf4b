import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { MerchantRegisteredV1Event } from '@civicflow/contracts';
import { OutboxPublisher } from '@civicflow/messaging';
import { v7 as uuidv7 } from 'uuid';
import { LicenceNumberTakenError, MerchantAlreadyRegisteredError, MerchantNotFoundError, MerchantNotRegisteredError } from './domain/rule-violation';
import { MerchantEntity } from './infrastructure/merchant.entity';
import type { Page, PageRequest } from './web/request-parameters';

export interface MerchantProfile {
  businessName: string;
  licenceNumber: string;
  contactPerson: string;
  phone: string;
  email: string;
  street: string;
  trade: string;
}

export interface MerchantFilter {
  street?: string;
  trade?: string;
}

/** The merchant profiles, one per merchant account. */
@Injectable()
export class MerchantRegistry {
  constructor(
    @InjectDataSource('complaints') private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
  ) {}

  /** Stores the profile and, in the same transaction, hands its contact to the notification service on the restricted merchant topic. */
  async register(accountSub: string, profile: MerchantProfile, correlationId: string): Promise<MerchantEntity> {
    const merchants = this.dataSource.getRepository(MerchantEntity);
    if (await merchants.existsBy({ accountSub })) throw new MerchantAlreadyRegisteredError();
    if (await merchants.existsBy({ licenceNumber: profile.licenceNumber })) throw new LicenceNumberTakenError();
    const merchant: MerchantEntity = {
      id: uuidv7(),
      accountSub,
      businessName: profile.businessName,
      licenceNumber: profile.licenceNumber,
      contactName: profile.contactPerson,
      phone: profile.phone,
      email: profile.email,
      street: profile.street,
      trade: profile.trade,
      registeredAt: new Date(),
    };
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.insert(MerchantEntity, merchant);
        await this.outbox.emit(
          manager,
          MerchantRegisteredV1Event,
          {
            merchantId: merchant.id,
            businessName: merchant.businessName,
            contactName: merchant.contactName,
            email: merchant.email,
            phone: merchant.phone,
            locale: 'zh-CN',
            registeredAt: merchant.registeredAt.toISOString(),
          },
          { correlationId },
        );
      });
    } catch (error) {
      // Two registrations raced past the checks above; the unique constraints decided.
      if (!isUniqueViolation(error)) throw error;
      throw (await merchants.existsBy({ accountSub })) ? new MerchantAlreadyRegisteredError() : new LicenceNumberTakenError();
    }
    return merchant;
  }

  async ofAccount(accountSub: string): Promise<MerchantEntity> {
    const merchant = await this.dataSource.getRepository(MerchantEntity).findOneBy({ accountSub });
    if (!merchant) throw new MerchantNotRegisteredError();
    return merchant;
  }

  async byId(id: string): Promise<MerchantEntity> {
    const merchant = await this.dataSource.getRepository(MerchantEntity).findOneBy({ id });
    if (!merchant) throw new MerchantNotFoundError(id);
    return merchant;
  }

  async list(filter: MerchantFilter, page: PageRequest): Promise<Page<MerchantEntity>> {
    const [items, total] = await this.dataSource.getRepository(MerchantEntity).findAndCount({
      where: { ...(filter.street ? { street: filter.street } : {}), ...(filter.trade ? { trade: filter.trade } : {}) },
      order: { businessName: 'ASC', id: 'ASC' },
      skip: (page.page - 1) * page.pageSize,
      take: page.pageSize,
    });
    return { items, total, ...page };
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';
}
