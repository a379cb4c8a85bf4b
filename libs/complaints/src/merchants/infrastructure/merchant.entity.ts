import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MerchantRequestKind, MerchantRequestStatus } from '../domain/merchant-request';

@Entity({ schema: 'complaints', name: 'merchant' })
export class MerchantEntity {
  @PrimaryColumn('text')
  id: string;

  /** The `sub` of the merchant account's bearer token. */
  @Column('text', { name: 'account_sub' })
  accountSub: string;

  @Column('text', { name: 'business_name' })
  businessName: string;

  /** The unified social credit code on the business licence. */
  @Column('text', { name: 'licence_number' })
  licenceNumber: string;

  @Column('text', { name: 'contact_name' })
  contactName: string;

  @Column('text')
  phone: string;

  @Column('text')
  email: string;

  @Column('text')
  street: string;

  @Column('text')
  trade: string;

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt: Date;
}

@Entity({ schema: 'complaints', name: 'merchant_request' })
export class MerchantRequestEntity {
  @PrimaryColumn('text')
  id: string;

  @Column('text', { name: 'merchant_id' })
  merchantId: string;

  @Column('text')
  kind: MerchantRequestKind;

  @Column('text')
  subject: string;

  @Column('text')
  text: string;

  @Column('text', { nullable: true })
  category: string | null;

  @Column('text')
  status: MerchantRequestStatus;

  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt: Date;

  /** The forum that last took the request up in an action item. */
  @Column('text', { name: 'discussed_forum_id', nullable: true })
  discussedForumId: string | null;

  @Column('text', { nullable: true })
  answer: string | null;

  @Column('text', { name: 'answered_by', nullable: true })
  answeredBy: string | null;

  @Column('timestamptz', { name: 'answered_at', nullable: true })
  answeredAt: Date | null;

  /** Set when the answer came from a forum action item rather than directly from staff. */
  @Column('text', { name: 'answered_by_action_item_id', nullable: true })
  answeredByActionItemId: string | null;
}
