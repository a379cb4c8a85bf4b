import { Body, Controller, Get, HttpCode, Post, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Role, Roles } from '@civicflow/auth';
import { correlationIdOfRequest } from '../../intake/intake-http';
import { MerchantRegistry } from '../merchant-registry';
import { MerchantProfileResponse } from '../web/merchant.response.dto';
import { RuleViolationFilter } from '../web/rule-violation.filter';
import { RegisterMerchantRequestDto } from './register-merchant.request.dto';

/** A merchant account registers its business, once, and reads it back. */
@ApiTags('merchants')
@ApiBearerAuth()
@Controller('api/v1/merchants')
@UseFilters(RuleViolationFilter)
export class MerchantProfileHttpController {
  constructor(private readonly registry: MerchantRegistry) {}

  @Post()
  @HttpCode(201)
  @Roles(Role.Merchant)
  @ApiOperation({ summary: 'Register the business profile of this merchant account' })
  @ApiCreatedResponse({ type: MerchantProfileResponse })
  @ApiBadRequestResponse({ description: 'The body is invalid (e.g. a licence number that is not a unified social credit code); `message` lists every problem.' })
  @ApiForbiddenResponse({ description: 'Needs the merchant role' })
  @ApiConflictResponse({ description: '`merchant_already_registered` or `licence_number_taken`' })
  async register(@CurrentUser() user: AuthenticatedUser, @Body() body: RegisterMerchantRequestDto): Promise<MerchantProfileResponse> {
    return MerchantProfileResponse.from(await this.registry.register(user.id, body, correlationIdOfRequest()));
  }

  @Get('me')
  @Roles(Role.Merchant)
  @ApiOperation({ summary: 'The business profile of this merchant account' })
  @ApiOkResponse({ type: MerchantProfileResponse })
  @ApiNotFoundResponse({ description: '`merchant_not_registered`: register first' })
  async me(@CurrentUser() user: AuthenticatedUser): Promise<MerchantProfileResponse> {
    return MerchantProfileResponse.from(await this.registry.ofAccount(user.id));
  }
}
