import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MERCHANT_REQUEST_KINDS } from '@civicflow/contracts';
import { MERCHANT_REQUEST_STATUSES, type MerchantRequestKind, type MerchantRequestStatus } from '../domain/merchant-request';
import type { MerchantEntity, MerchantRequestEntity } from '../infrastructure/merchant.entity';

/** A request as the merchant who submitted it sees it. */
export class OwnMerchantRequestResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: MERCHANT_REQUEST_KINDS })
  kind: MerchantRequestKind;

  @ApiProperty({ example: '希望早上五点到七点允许在市场东门临时装卸货' })
  subject: string;

  @ApiProperty()
  text: string;

  @ApiPropertyOptional({ example: 'street-vending', nullable: true, type: String })
  category: string | null;

  @ApiProperty({ enum: MERCHANT_REQUEST_STATUSES, description: 'submitted → discussed (taken up at a forum; optional) → answered' })
  status: MerchantRequestStatus;

  @ApiProperty({ format: 'date-time' })
  submittedAt: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The forum that took the request up, if one did.' })
  discussedAtForumId: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  answer: string | null;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  answeredAt: string | null;

  static from(request: MerchantRequestEntity): OwnMerchantRequestResponse {
    return {
      id: request.id,
      kind: request.kind,
      subject: request.subject,
      text: request.text,
      category: request.category,
      status: request.status,
      submittedAt: request.submittedAt.toISOString(),
      discussedAtForumId: request.discussedForumId,
      answer: request.answer,
      answeredAt: request.answeredAt?.toISOString() ?? null,
    };
  }
}

/** The business behind a request; its contact details are one call away for those who need them (GET /api/v1/merchants/{id}). */
export class RequestingMerchantResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '老王烧烤店' })
  businessName: string;

  @ApiProperty({ example: '人民路街道' })
  street: string;

  @ApiProperty({ example: 'catering' })
  trade: string;
}

export class StaffMerchantRequestResponse extends OwnMerchantRequestResponse {
  @ApiProperty({ type: RequestingMerchantResponse })
  merchant: RequestingMerchantResponse;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Account id of the staff member who answered.' })
  answeredBy: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The forum action item whose answer this is, when it came from one.' })
  answeredThroughActionItemId: string | null;

  static of(request: MerchantRequestEntity, merchant: MerchantEntity): StaffMerchantRequestResponse {
    return {
      ...OwnMerchantRequestResponse.from(request),
      merchant: { id: merchant.id, businessName: merchant.businessName, street: merchant.street, trade: merchant.trade },
      answeredBy: request.answeredBy,
      answeredThroughActionItemId: request.answeredByActionItemId,
    };
  }
}

export class OwnMerchantRequestListResponse {
  @ApiProperty({ type: [OwnMerchantRequestResponse] })
  items: OwnMerchantRequestResponse[];

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;

  @ApiProperty({ example: 3 })
  total: number;
}

export class StaffMerchantRequestListResponse {
  @ApiProperty({ type: [StaffMerchantRequestResponse] })
  items: StaffMerchantRequestResponse[];

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;

  @ApiProperty({ example: 41 })
  total: number;
}
