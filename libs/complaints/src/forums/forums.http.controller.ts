import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Role, Roles } from '@civicflow/auth';
import { correlationIdOfRequest } from '../intake/intake-http';
import { pageRequestOf, uuidParameter } from '../merchants/web/request-parameters';
import { RuleViolationFilter } from '../merchants/web/rule-violation.filter';
import { ForumDesk } from './forum-desk';
import {
  AddActionItemRequestDto,
  AnswerActionItemRequestDto,
  ForumListQueryDto,
  RecordAttendanceRequestDto,
  RecordMinutesRequestDto,
  requireOneOf,
  ScheduleForumRequestDto,
} from './web/forum.request.dto';
import { ActionItemResponse, ForumDetailResponse, ForumListResponse, ForumSummaryResponse } from './web/forum.response.dto';

/**
 * Forums with merchants (座谈会). A supervisor schedules them; officers and supervisors
 * record what happened (attendance, minutes, action items); an action item is answered
 * by its owner or a supervisor.
 */
@ApiTags('forums')
@ApiBearerAuth()
@Controller('api/v1/forums')
@UseFilters(RuleViolationFilter)
export class ForumsHttpController {
  constructor(private readonly desk: ForumDesk) {}

  @Post()
  @HttpCode(201)
  @Roles(Role.Supervisor)
  @ApiOperation({ summary: 'Schedule a forum and invite the merchants of the given streets and trades' })
  @ApiCreatedResponse({ type: ForumDetailResponse })
  @ApiBadRequestResponse({ description: 'The body is invalid, or names neither streets nor trades' })
  @ApiForbiddenResponse({ description: 'Needs the supervisor role' })
  async schedule(@CurrentUser() user: AuthenticatedUser, @Body() body: ScheduleForumRequestDto): Promise<ForumDetailResponse> {
    requireOneOf([body.invite.streets, body.invite.trades], 'invite must name at least one street or trade');
    const record = await this.desk.schedule(
      { title: body.title, topic: body.topic, startsAt: new Date(body.startsAt), place: body.place, streets: body.invite.streets ?? [], trades: body.invite.trades ?? [] },
      user.id,
      correlationIdOfRequest(),
    );
    return ForumDetailResponse.of(record);
  }

  @Get()
  @Roles(Role.Officer, Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'Forums, the latest first' })
  @ApiOkResponse({ type: ForumListResponse })
  async list(@Query() query: ForumListQueryDto): Promise<ForumListResponse> {
    const page = await this.desk.list(query.status, pageRequestOf(query));
    return { ...page, items: page.items.map((summary) => ForumSummaryResponse.of(summary)) };
  }

  @Get(':forumId')
  @Roles(Role.Officer, Role.Supervisor, Role.Admin)
  @ApiOperation({ summary: 'One forum with its invitees, attendance, minutes and action items' })
  @ApiOkResponse({ type: ForumDetailResponse })
  @ApiNotFoundResponse({ description: '`forum_not_found`' })
  async one(@Param('forumId', uuidParameter('forumId')) forumId: string): Promise<ForumDetailResponse> {
    return ForumDetailResponse.of(await this.desk.byId(forumId));
  }

  @Put(':forumId/attendance')
  @Roles(Role.Officer, Role.Supervisor)
  @ApiOperation({ summary: 'Record who of the invitees attended (replaces what was recorded before)' })
  @ApiOkResponse({ type: ForumDetailResponse })
  @ApiNotFoundResponse({ description: '`forum_not_found`' })
  @ApiConflictResponse({ description: '`merchant_not_invited` or `forum_already_held`' })
  async recordAttendance(@Param('forumId', uuidParameter('forumId')) forumId: string, @Body() body: RecordAttendanceRequestDto): Promise<ForumDetailResponse> {
    return ForumDetailResponse.of(await this.desk.recordAttendance(forumId, body.attendedMerchantIds));
  }

  @Post(':forumId/minutes')
  @HttpCode(200)
  @Roles(Role.Officer, Role.Supervisor)
  @ApiOperation({ summary: 'Record the minutes: the forum is held' })
  @ApiOkResponse({ type: ForumDetailResponse })
  @ApiNotFoundResponse({ description: '`forum_not_found`' })
  @ApiConflictResponse({ description: '`forum_already_held` or `forum_not_started`' })
  async recordMinutes(
    @CurrentUser() user: AuthenticatedUser,
    @Param('forumId', uuidParameter('forumId')) forumId: string,
    @Body() body: RecordMinutesRequestDto,
  ): Promise<ForumDetailResponse> {
    return ForumDetailResponse.of(await this.desk.recordMinutes(forumId, body.minutes, user.id, correlationIdOfRequest()));
  }

  @Post(':forumId/action-items')
  @HttpCode(201)
  @Roles(Role.Officer, Role.Supervisor)
  @ApiOperation({ summary: 'Add an action item, raised by invited merchants and/or taking up merchant requests' })
  @ApiCreatedResponse({ type: ActionItemResponse })
  @ApiBadRequestResponse({ description: 'The body is invalid, or names neither merchants nor requests' })
  @ApiNotFoundResponse({ description: '`forum_not_found` or `merchant_request_not_found`' })
  @ApiConflictResponse({ description: '`merchant_not_invited` or `merchant_request_already_answered`' })
  async addActionItem(
    @CurrentUser() user: AuthenticatedUser,
    @Param('forumId', uuidParameter('forumId')) forumId: string,
    @Body() body: AddActionItemRequestDto,
  ): Promise<ActionItemResponse> {
    requireOneOf([body.raisedByMerchantIds, body.merchantRequestIds], 'raisedByMerchantIds or merchantRequestIds must name at least one merchant or request');
    const record = await this.desk.addActionItem(
      forumId,
      { text: body.text, ownerStaffId: body.ownerStaffId, dueDate: body.dueDate, raisedByMerchantIds: body.raisedByMerchantIds ?? [], merchantRequestIds: body.merchantRequestIds ?? [] },
      user.id,
    );
    return ActionItemResponse.of(record);
  }

  @Post(':forumId/action-items/:actionItemId/answer')
  @HttpCode(200)
  @Roles(Role.Officer, Role.Supervisor)
  @ApiOperation({ summary: 'Answer an action item: its linked requests are answered and every merchant who raised it is sent the answer' })
  @ApiOkResponse({ type: ActionItemResponse })
  @ApiForbiddenResponse({ description: 'Needs the officer or supervisor role; an officer answers only the items they own (`not_action_item_owner`)' })
  @ApiNotFoundResponse({ description: '`forum_not_found` or `action_item_not_found`' })
  @ApiConflictResponse({ description: '`action_item_already_answered`' })
  async answerActionItem(
    @CurrentUser() user: AuthenticatedUser,
    @Param('forumId', uuidParameter('forumId')) forumId: string,
    @Param('actionItemId', uuidParameter('actionItemId')) actionItemId: string,
    @Body() body: AnswerActionItemRequestDto,
  ): Promise<ActionItemResponse> {
    const answerer = { id: user.id, isSupervisor: user.roles.includes(Role.Supervisor) };
    return ActionItemResponse.of(await this.desk.answerActionItem(forumId, actionItemId, body.answer, answerer, correlationIdOfRequest()));
  }
}
