import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MERCHANT_REQUEST_KINDS } from '@civicflow/contracts';
import { MERCHANT_REQUEST_STATUSES, type MerchantRequestKind, type MerchantRequestStatus } from '../domain/merchant-request';
import { PageQueryDto, Trimmed } from '../web/request-parameters';

export class SubmitMerchantRequestRequestDto {
  @ApiProperty({ enum: MERCHANT_REQUEST_KINDS, description: 'request (诉求): the bureau should act; suggestion (建议): an idea.' })
  @IsIn(MERCHANT_REQUEST_KINDS)
  kind: MerchantRequestKind;

  @ApiProperty({ example: '希望早上五点到七点允许在市场东门临时装卸货', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Trimmed()
  subject: string;

  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  text: string;

  @ApiPropertyOptional({ example: 'street-vending', description: 'Category code from the taxonomy, when one fits.' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{0,63}$/, { message: 'category must be a category code such as street-vending' })
  category?: string;
}

export class MerchantRequestStatusQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MERCHANT_REQUEST_STATUSES })
  @IsOptional()
  @IsIn(MERCHANT_REQUEST_STATUSES)
  status?: MerchantRequestStatus;
}
