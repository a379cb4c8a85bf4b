import { Controller, Get, Param, Query, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Role, Roles } from '@civicflow/auth';
import { MerchantRegistry } from '../merchants/merchant-registry';
import { PageQueryDto, pageRequestOf, uuidParameter } from '../merchants/web/request-parameters';
import { RuleViolationFilter } from '../merchants/web/rule-violation.filter';
import { ForumDesk } from './forum-desk';
import { ForumResponse, MerchantForumListResponse, MerchantForumResponse } from './web/forum.response.dto';

/** A merchant sees the forums it was invited to, and those that took up one of its requests; no other. */
@ApiTags('merchants')
@ApiBearerAuth()
@Controller('api/v1/merchants/me/forums')
@Roles(Role.Merchant)
@UseFilters(RuleViolationFilter)
export class MyForumsHttpController {
  constructor(
    private readonly registry: MerchantRegistry,
    private readonly desk: ForumDesk,
  ) {}

  @Get()
  @ApiOperation({ summary: "This merchant's forums, the latest first" })
  @ApiOkResponse({ type: MerchantForumListResponse })
  @ApiForbiddenResponse({ description: 'Needs the merchant role' })
  @ApiNotFoundResponse({ description: '`merchant_not_registered`' })
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: PageQueryDto): Promise<MerchantForumListResponse> {
    const merchant = await this.registry.ofAccount(user.id);
    const page = await this.desk.listForMerchant(merchant.id, pageRequestOf(query));
    return { ...page, items: page.items.map((forum) => ForumResponse.from(forum)) };
  }

  @Get(':forumId')
  @ApiOperation({ summary: 'One of this merchant’s forums, with its attendance and the action items that concern it' })
  @ApiOkResponse({ type: MerchantForumResponse })
  @ApiNotFoundResponse({ description: '`forum_not_found`, also for a forum that does not concern this merchant' })
  async one(@CurrentUser() user: AuthenticatedUser, @Param('forumId', uuidParameter('forumId')) forumId: string): Promise<MerchantForumResponse> {
    const merchant = await this.registry.ofAccount(user.id);
    const { forum, invitation, actionItems } = await this.desk.oneForMerchant(merchant.id, forumId);
    return MerchantForumResponse.of(forum, invitation, actionItems);
  }
}
