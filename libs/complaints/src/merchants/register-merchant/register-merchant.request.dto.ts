import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { UNIFIED_SOCIAL_CREDIT_CODE_EXAMPLE } from '../domain/unified-social-credit-code';
import { IsUnifiedSocialCreditCode } from '../web/is-unified-social-credit-code';
import { Trimmed } from '../web/request-parameters';

export class RegisterMerchantRequestDto {
  @ApiProperty({ example: '老王烧烤店', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Trimmed()
  businessName: string;

  @ApiProperty({
    example: UNIFIED_SOCIAL_CREDIT_CODE_EXAMPLE,
    description: 'The unified social credit code (统一社会信用代码) on the business licence: 18 characters, check character included. Lower case is accepted.',
  })
  @IsUnifiedSocialCreditCode()
  @Trimmed(true)
  licenceNumber: string;

  @ApiProperty({ example: '王建国', description: 'Who the bureau talks to. Personal data: shown masked in lists.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @Trimmed()
  contactPerson: string;

  @ApiProperty({ example: '+86 138 0013 8000' })
  @Matches(/^\+?[0-9 ()-]{5,30}$/, { message: 'phone must be a phone number of digits, spaces, +, - and parentheses' })
  phone: string;

  @ApiProperty({ example: 'wang.bbq@example.org' })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: '人民路街道', description: 'The street (sub-district) the business is in; forums invite by it.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @Trimmed()
  street: string;

  @ApiProperty({ example: 'catering', description: 'The trade, as free text or a category code; forums invite by it.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @Trimmed()
  trade: string;
}
