import { Body, Controller, Get, HttpCode, Param, Post, Query, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { type AuthenticatedUser, CurrentUser, Role, Roles } from '@civicflow/auth';
import { correlationIdOfRequest } from '../../intake/intake-http';
import { MerchantRequestDesk } from '../merchant-request-desk';
import { MerchantRequestStatusQueryDto } from '../my-requests/submit-merchant-request.request.dto';
import { StaffMerchantRequestListResponse, StaffMerchantRequestResponse } from '../web/merchant-request.response.dto';
import { OptionalNameFilter, pageRequestOf, uuidParameter } from '../web/request-parameters';
import { RuleViolationFilter } from '../web/rule-violation.filter';

export class MerchantRequestQueryDto extends MerchantRequestStatusQueryDto {
  @ApiPropertyOptional({ example: '人民路街道', description: 'Only requests of merchants of this street.' })
  @OptionalNameFilter()
  street?: string;
}

export class AnswerMerchantRequestRequestDto {
  @ApiProperty({ example: '自4月1日起，市场东门每天5:00—7:00可临时装卸货。', maxLength: 5000, description: 'Sent to the merchant as it is.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  answer: string;
}

/** Staff work through merchants' requests; the answer goes back to the merchant by event. */
@ApiTags('merchants')
@ApiBearerAuth()
@Controller('api/v1/merchant-requests')
@UseFilters(RuleViolationFilter)
export class MerchantRequestsHttpController {
  constructor(private readonly desk: MerchantRequestDesk) {}

  @Get()
  @Roles(Role.Officer, Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: "Merchants' requests, the longest waiting first" })
  @ApiOkResponse({ type: StaffMerchantRequestListResponse })
  @ApiBadRequestResponse({ description: 'A query parameter is invalid' })
  @ApiForbiddenResponse({ description: 'Needs the officer, supervisor or admin role' })
  async list(@Query() query: MerchantRequestQueryDto): Promise<StaffMerchantRequestListResponse> {
    const page = await this.desk.list({ status: query.status, street: query.street }, pageRequestOf(query));
    return { ...page, items: page.items.map(({ request, merchant }) => StaffMerchantRequestResponse.of(request, merchant)) };
  }

  @Get(':requestId')
  @Roles(Role.Officer, Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'One merchant request' })
  @ApiOkResponse({ type: StaffMerchantRequestResponse })
  @ApiNotFoundResponse({ description: '`merchant_request_not_found`' })
  async one(@Param('requestId', uuidParameter('requestId')) requestId: string): Promise<StaffMerchantRequestResponse> {
    const { request, merchant } = await this.desk.byId(requestId);
    return StaffMerchantRequestResponse.of(request, merchant);
  }

  @Post(':requestId/answer')
  @HttpCode(200)
  @Roles(Role.Officer, Role.Supervisor)
  @ApiOperation({ summary: 'Answer a request; the merchant is sent the answer' })
  @ApiOkResponse({ type: StaffMerchantRequestResponse })
  @ApiBadRequestResponse({ description: 'The body is invalid' })
  @ApiForbiddenResponse({ description: 'Needs the officer or supervisor role' })
  @ApiNotFoundResponse({ description: '`merchant_request_not_found`' })
  @ApiConflictResponse({ description: '`merchant_request_already_answered`' })
  async answer(
    @CurrentUser() user: AuthenticatedUser,
    @Param('requestId', uuidParameter('requestId')) requestId: string,
    @Body() body: AnswerMerchantRequestRequestDto,
  ): Promise<StaffMerchantRequestResponse> {
    const { request, merchant } = await this.desk.answer(requestId, { text: body.answer, answeredBy: user.id, answeredAt: new Date() }, correlationIdOfRequest());
    return StaffMerchantRequestResponse.of(request, merchant);
  }
}
