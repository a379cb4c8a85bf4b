import { BadRequestException, Body, Controller, Delete, Get, NotFoundException, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { type AuthenticatedUser, CurrentUser, Role, Roles } from '@civicflow/auth';
import { CHANNEL_KINDS, type ChannelKind } from '../channels/notification-channel';
import { NotificationConfigurationError } from '../templates/templates';
import { AUDIENCE_KINDS } from '../templates/template-variables';
import { type Audience, type Rule, type RuleDefinition, TEMPLATE_KEY } from './rule';
import { Rules } from './rules';

export class AudienceDto {
  @ApiProperty({ enum: AUDIENCE_KINDS, example: 'staff', description: "reporter: the complaint's reporter; merchant: the merchants the event names; staff: holders of a role (staff roster); department: the event's department's webhook subscriptions." })
  @IsString()
  kind: string;

  @ApiPropertyOptional({ example: 'supervisor', description: 'For staff: the role.' })
  @IsOptional()
  @IsString()
  role?: string;

  @ApiPropertyOptional({ description: "For staff: only those of the event's department." })
  @IsOptional()
  @IsBoolean()
  byDepartment?: boolean;
}

export class RuleConditionDto {
  @ApiProperty({ example: 'forumId', description: 'A field of the event (nested by ".").' })
  @IsString()
  @MaxLength(200)
  field: string;

  @ApiProperty({ example: false, description: 'true: only when the field has a value; false: only when it has none.' })
  @IsBoolean()
  present: boolean;
}

export class RuleRequestDto {
  @ApiProperty({ example: 'complaints.complaint.overdue.v1', description: 'An event type of the catalogue (not one of the notification service).' })
  @IsString()
  @MaxLength(200)
  eventType: string;

  @ApiProperty({ type: AudienceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AudienceDto)
  audience: AudienceDto;

  @ApiProperty({ example: 'staff.complaint-overdue', description: 'A template key with a zh-CN and an en version.' })
  @IsString()
  @Matches(TEMPLATE_KEY, { message: 'template must be lower-case words joined by "." or "-"' })
  template: string;

  @ApiProperty({ enum: CHANNEL_KINDS, isArray: true, example: ['in-app'], description: "Channels the recipient may be reached on; their preference picks among them (a mandatory notice uses all)." })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(CHANNEL_KINDS.length)
  @IsIn(CHANNEL_KINDS, { each: true, message: `channels must hold only ${CHANNEL_KINDS.join(', ')}` })
  channels: ChannelKind[];

  @ApiPropertyOptional({ type: RuleConditionDto, description: 'Applies only when a field of the event is present (or absent).' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RuleConditionDto)
  when?: RuleConditionDto;

  @ApiPropertyOptional({ description: 'Not deferred by quiet hours.' })
  @IsOptional()
  @IsBoolean()
  urgent?: boolean;

  @ApiPropertyOptional({ description: 'Required by law: ignores opt-out and quiet hours, and says so.' })
  @IsOptional()
  @IsBoolean()
  mandatory?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ description: 'Why the rule is as it is.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

class RuleResponse {
  @ApiProperty() id: string;
  @ApiProperty() eventType: string;
  @ApiProperty({ type: AudienceDto }) audience: Audience;
  @ApiProperty() template: string;
  @ApiProperty({ enum: CHANNEL_KINDS, isArray: true }) channels: ChannelKind[];
  @ApiPropertyOptional({ type: RuleConditionDto }) when?: RuleConditionDto;
  @ApiProperty() urgent: boolean;
  @ApiProperty() mandatory: boolean;
  @ApiProperty() enabled: boolean;
  @ApiPropertyOptional() note?: string;
  @ApiProperty({ nullable: true, type: String, description: 'Set for a rule seeded from the defaults in code.' }) defaultKey: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

class RuleListResponse {
  @ApiProperty({ type: [RuleResponse] }) items: Rule[];
}

const toDefinition = (body: RuleRequestDto): RuleDefinition => ({
  eventType: body.eventType,
  audience: { kind: body.audience.kind, ...(body.audience.role !== undefined ? { role: body.audience.role } : {}), ...(body.audience.byDepartment !== undefined ? { byDepartment: body.audience.byDepartment } : {}) } as Audience,
  template: body.template,
  channels: body.channels,
  ...(body.when ? { when: { field: body.when.field, present: body.when.present } } : {}),
  urgent: body.urgent ?? false,
  mandatory: body.mandatory ?? false,
  enabled: body.enabled ?? true,
  note: body.note,
});

export const refused = (code: string) => (error: unknown): never => {
  if (error instanceof NotificationConfigurationError) throw new BadRequestException({ statusCode: 400, code, message: error.problems });
  throw error;
};

const notFound = (id: string) => new NotFoundException({ statusCode: 404, code: 'rule_not_found', message: `No rule has the id ${id}` });

/** Who is told what, changed by an admin without a deploy; each save is checked against the catalogue and the templates. */
@ApiTags('notifications')
@ApiBearerAuth()
@Roles(Role.Admin)
@ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
@ApiForbiddenResponse({ description: 'Needs the admin role.' })
@Controller('api/v1/notifications/rules')
export class RulesHttpController {
  constructor(private readonly rules: Rules) {}

  @Get()
  @ApiOperation({ summary: 'Every rule (defaults and added ones), optionally for one event type' })
  @ApiQuery({ name: 'eventType', required: false })
  @ApiOkResponse({ type: RuleListResponse })
  async list(@Query('eventType') eventType?: string): Promise<RuleListResponse> {
    return { items: await this.rules.list({ eventType: eventType || undefined }) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One rule' })
  @ApiOkResponse({ type: RuleResponse })
  @ApiNotFoundResponse({ description: 'No rule has this id.' })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<RuleResponse> {
    const rule = await this.rules.get(id);
    if (!rule) throw notFound(id);
    return rule as RuleResponse;
  }

  @Post()
  @ApiOperation({ summary: 'Add a rule; it applies to the next event of its type' })
  @ApiCreatedResponse({ type: RuleResponse })
  @ApiBadRequestResponse({ description: '`message` lists every problem: unknown event type, audience, channel or template, a template variable the event cannot supply.' })
  async create(@Body() body: RuleRequestDto, @CurrentUser() user: AuthenticatedUser): Promise<RuleResponse> {
    return (await this.rules.create(toDefinition(body), user.id).catch(refused('invalid_rule'))) as RuleResponse;
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace a rule (a seeded default too: it is not seeded again)' })
  @ApiOkResponse({ type: RuleResponse })
  @ApiBadRequestResponse({ description: '`message` lists every problem.' })
  @ApiNotFoundResponse({ description: 'No rule has this id.' })
  async replace(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RuleRequestDto, @CurrentUser() user: AuthenticatedUser): Promise<RuleResponse> {
    const rule = await this.rules.replace(id, toDefinition(body), user.id).catch(refused('invalid_rule'));
    if (!rule) throw notFound(id);
    return rule as RuleResponse;
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Disable a rule (rules are kept, so that a default does not come back)' })
  @ApiOkResponse({ type: RuleResponse })
  @ApiNotFoundResponse({ description: 'No rule has this id.' })
  async disable(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthenticatedUser): Promise<RuleResponse> {
    const rule = await this.rules.disable(id, user.id);
    if (!rule) throw notFound(id);
    return rule as RuleResponse;
  }
}
