import { Body, Controller, Get, HttpCode, Param, Post, Query, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Role, Roles } from '@civicflow/auth';
import { correlationIdOfRequest } from '../../intake/intake-http';
import { MerchantRegistry } from '../merchant-registry';
import { MerchantRequestDesk } from '../merchant-request-desk';
import { OwnMerchantRequestListResponse, OwnMerchantRequestResponse } from '../web/merchant-request.response.dto';
import { pageRequestOf, uuidParameter } from '../web/request-parameters';
import { RuleViolationFilter } from '../web/rule-violation.filter';
import { MerchantRequestStatusQueryDto, SubmitMerchantRequestRequestDto } from './submit-merchant-request.request.dto';

/** A merchant submits requests and suggestions and follows them to the answer; it sees its own only. */
@ApiTags('merchants')
@ApiBearerAuth()
@Controller('api/v1/merchants/me/requests')
@Roles(Role.Merchant)
@UseFilters(RuleViolationFilter)
export class MyMerchantRequestsHttpController {
  constructor(
    private readonly registry: MerchantRegistry,
    private readonly desk: MerchantRequestDesk,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Submit a request or a suggestion (诉求) to the bureau' })
  @ApiCreatedResponse({ type: OwnMerchantRequestResponse })
  @ApiBadRequestResponse({ description: 'The body is invalid; `message` lists every problem.' })
  @ApiForbiddenResponse({ description: 'Needs the merchant role' })
  @ApiNotFoundResponse({ description: '`merchant_not_registered`: register first' })
  async submit(@CurrentUser() user: AuthenticatedUser, @Body() body: SubmitMerchantRequestRequestDto): Promise<OwnMerchantRequestResponse> {
    const merchant = await this.registry.ofAccount(user.id);
    return OwnMerchantRequestResponse.from(await this.desk.submit(merchant, body, correlationIdOfRequest()));
  }

  @Get()
  @ApiOperation({ summary: "This merchant's requests, newest first, with their status and answer" })
  @ApiOkResponse({ type: OwnMerchantRequestListResponse })
  @ApiNotFoundResponse({ description: '`merchant_not_registered`' })
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: MerchantRequestStatusQueryDto): Promise<OwnMerchantRequestListResponse> {
    const merchant = await this.registry.ofAccount(user.id);
    const page = await this.desk.list({ merchantId: merchant.id, status: query.status }, pageRequestOf(query));
    return { ...page, items: page.items.map(({ request }) => OwnMerchantRequestResponse.from(request)) };
  }

  @Get(':requestId')
  @ApiOperation({ summary: 'One of this merchant’s requests' })
  @ApiOkResponse({ type: OwnMerchantRequestResponse })
  @ApiNotFoundResponse({ description: '`merchant_request_not_found`, also for another merchant’s request' })
  async one(@CurrentUser() user: AuthenticatedUser, @Param('requestId', uuidParameter('requestId')) requestId: string): Promise<OwnMerchantRequestResponse> {
    const merchant = await this.registry.ofAccount(user.id);
    return OwnMerchantRequestResponse.from(await this.desk.ofMerchant(merchant.id, requestId));
  }
}
