import { Controller, Get, Logger, Param, Query, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Role, Roles } from '@civicflow/auth';
import { MerchantRegistry } from '../merchant-registry';
import { MaskedMerchantResponse, MerchantListResponse, MerchantProfileResponse } from '../web/merchant.response.dto';
import { OptionalNameFilter, PageQueryDto, pageRequestOf, uuidParameter } from '../web/request-parameters';
import { RuleViolationFilter } from '../web/rule-violation.filter';

export class MerchantListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '人民路街道' })
  @OptionalNameFilter()
  street?: string;

  @ApiPropertyOptional({ example: 'catering' })
  @OptionalNameFilter()
  trade?: string;
}

/**
 * Staff look merchants up. Lists mask the contact person, phone and e-mail: a list is for
 * finding a business, and a page of contact details is what leaks. The full details come
 * one merchant at a time, to officers and supervisors only, who must phone a merchant about
 * a request or a forum; admins run the system and never need them. Each such read is logged
 * (who and which merchant, never the details themselves).
 */
@ApiTags('merchants')
@ApiBearerAuth()
@Controller('api/v1/merchants')
@UseFilters(RuleViolationFilter)
export class MerchantDirectoryHttpController {
  private readonly logger = new Logger(MerchantDirectoryHttpController.name);

  constructor(private readonly registry: MerchantRegistry) {}

  @Get()
  @Roles(Role.Officer, Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'List merchants by street and trade, contact details masked' })
  @ApiOkResponse({ type: MerchantListResponse })
  @ApiBadRequestResponse({ description: 'A query parameter is invalid' })
  @ApiForbiddenResponse({ description: 'Needs the officer, supervisor or admin role' })
  async list(@Query() query: MerchantListQueryDto): Promise<MerchantListResponse> {
    const page = await this.registry.list({ street: query.street, trade: query.trade }, pageRequestOf(query));
    return { ...page, items: page.items.map((merchant) => MaskedMerchantResponse.masking(merchant)) };
  }

  @Get(':merchantId')
  @Roles(Role.Officer, Role.Supervisor)
  @ApiOperation({ summary: "One merchant's profile with its contact details in full" })
  @ApiOkResponse({ type: MerchantProfileResponse })
  @ApiForbiddenResponse({ description: 'Needs the officer or supervisor role' })
  @ApiNotFoundResponse({ description: '`merchant_not_found`' })
  async one(@CurrentUser() user: AuthenticatedUser, @Param('merchantId', uuidParameter('merchantId')) merchantId: string): Promise<MerchantProfileResponse> {
    const merchant = await this.registry.byId(merchantId);
    this.logger.log({ msg: 'merchant contact details read', merchantId, staffId: user.id });
    return MerchantProfileResponse.from(merchant);
  }
}
