import { ApiProperty } from '@nestjs/swagger';
import { maskEmail, maskName, maskPhone } from '@civicflow/domain';
import { UNIFIED_SOCIAL_CREDIT_CODE_EXAMPLE } from '../domain/unified-social-credit-code';
import type { MerchantEntity } from '../infrastructure/merchant.entity';

/** A merchant profile with its contact details in full: for the merchant itself, and for staff one profile at a time. */
export class MerchantProfileResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '老王烧烤店' })
  businessName: string;

  @ApiProperty({ example: UNIFIED_SOCIAL_CREDIT_CODE_EXAMPLE })
  licenceNumber: string;

  @ApiProperty({ example: '王建国' })
  contactPerson: string;

  @ApiProperty({ example: '+86 138 0013 8000' })
  phone: string;

  @ApiProperty({ example: 'wang.bbq@example.org' })
  email: string;

  @ApiProperty({ example: '人民路街道' })
  street: string;

  @ApiProperty({ example: 'catering' })
  trade: string;

  @ApiProperty({ format: 'date-time' })
  registeredAt: string;

  static from(merchant: MerchantEntity): MerchantProfileResponse {
    // Field by field, so that what the entity gains later is not published by accident.
    return {
      id: merchant.id,
      businessName: merchant.businessName,
      licenceNumber: merchant.licenceNumber,
      contactPerson: merchant.contactName,
      phone: merchant.phone,
      email: merchant.email,
      street: merchant.street,
      trade: merchant.trade,
      registeredAt: merchant.registeredAt.toISOString(),
    };
  }
}

/**
 * A merchant as staff lists show it: the business in full (its name and licence number are
 * public on the licence), the person behind it masked.
 */
export class MaskedMerchantResponse extends MerchantProfileResponse {
  @ApiProperty({ example: '王**' })
  declare contactPerson: string;

  @ApiProperty({ example: '+86*********8000' })
  declare phone: string;

  @ApiProperty({ example: 'w***@example.org' })
  declare email: string;

  static masking(merchant: MerchantEntity): MaskedMerchantResponse {
    const profile = MerchantProfileResponse.from(merchant);
    return { ...profile, contactPerson: maskName(profile.contactPerson), phone: maskPhone(profile.phone), email: maskEmail(profile.email) };
  }
}

export class MerchantListResponse {
  @ApiProperty({ type: [MaskedMerchantResponse] })
  items: MaskedMerchantResponse[];

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;

  @ApiProperty({ example: 57, description: 'How many merchants match, over all pages.' })
  total: number;
}
