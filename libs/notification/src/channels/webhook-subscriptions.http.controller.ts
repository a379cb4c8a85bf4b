import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { IsString, IsUrl, Matches } from 'class-validator';
import { Role, Roles } from '@civicflow/auth';
import { type WebhookSubscription, WebhookSubscriptions } from './webhook-subscriptions';

export class CreateWebhookSubscriptionDto {
  @ApiProperty({ example: 'market-supervision', description: 'Code of the department whose system receives the webhooks.' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'department must be a lower-case code of letters, digits and "-" (at most 64)' })
  department: string;

  @ApiProperty({ example: 'https://hooks.market.example.gov.cn/civicflow' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an http(s) URL' })
  url: string;
}

class WebhookSubscriptionResponse {
  @ApiProperty()
  id: string;

  @ApiProperty()
  department: string;

  @ApiProperty()
  url: string;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
}

class CreatedWebhookSubscriptionResponse extends WebhookSubscriptionResponse {
  @ApiProperty({ description: 'The signing secret; shown only now. See docs/webhooks.md.' })
  secret: string;
}

class WebhookSubscriptionListResponse {
  @ApiProperty({ type: [WebhookSubscriptionResponse] })
  items: WebhookSubscription[];
}

@ApiTags('notifications')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('api/v1/notifications/webhook-subscriptions')
export class WebhookSubscriptionsHttpController {
  constructor(private readonly subscriptions: WebhookSubscriptions) {}

  @Post()
  @ApiOperation({ summary: 'Register a department system to receive signed webhooks' })
  @ApiCreatedResponse({ type: CreatedWebhookSubscriptionResponse })
  @ApiBadRequestResponse({ description: '`message` lists every problem, each starting with its field path.' })
  @ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
  @ApiForbiddenResponse({ description: 'Needs the admin role.' })
  create(@Body() body: CreateWebhookSubscriptionDto): Promise<CreatedWebhookSubscriptionResponse> {
    return this.subscriptions.create(body.department, body.url);
  }

  @Get()
  @ApiOperation({ summary: 'Every subscription, without secrets' })
  @ApiOkResponse({ type: WebhookSubscriptionListResponse })
  @ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
  @ApiForbiddenResponse({ description: 'Needs the admin role.' })
  async list(): Promise<WebhookSubscriptionListResponse> {
    return { items: await this.subscriptions.list() };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Disable a subscription; its pending deliveries fail' })
  @ApiNoContentResponse({ description: 'Disabled.' })
  @ApiNotFoundResponse({ description: 'No subscription has this id.' })
  @ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
  @ApiForbiddenResponse({ description: 'Needs the admin role.' })
  async disable(@Param('id') id: string): Promise<void> {
    if (!(await this.subscriptions.disable(id))) throw new NotFoundException({ statusCode: 404, code: 'webhook_subscription_not_found', message: `No subscription has the id ${id}` });
  }
}
