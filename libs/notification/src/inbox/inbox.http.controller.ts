import { Controller, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '@civicflow/auth';
import { Inbox } from './inbox';

class InboxItemResponse {
  @ApiProperty()
  id: string;

  @ApiProperty({ example: 'complaint.accepted' })
  template: string;

  @ApiProperty()
  subject: string;

  @ApiProperty()
  body: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt: string | null;
}

class InboxResponse {
  @ApiProperty({ type: [InboxItemResponse], description: 'The latest 100, newest first.' })
  items: InboxItemResponse[];

  @ApiProperty({ description: 'Unread messages in the whole inbox.' })
  unreadCount: number;
}

/** The signed-in user's own inbox; whose it is comes from the token only. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/v1/notifications/inbox')
export class InboxHttpController {
  constructor(private readonly inbox: Inbox) {}

  @Get()
  @ApiOperation({ summary: 'Your in-app messages and unread count' })
  @ApiOkResponse({ type: InboxResponse })
  @ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
  async list(@CurrentUser() user: AuthenticatedUser): Promise<InboxResponse> {
    return this.inbox.of(user.id);
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one of your messages read' })
  @ApiNoContentResponse({ description: 'Read (or already read).' })
  @ApiNotFoundResponse({ description: 'You have no message with this id.' })
  @ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
  async markRead(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<void> {
    if (!(await this.inbox.markRead(user.id, id))) throw new NotFoundException({ statusCode: 404, code: 'inbox_message_not_found', message: `You have no message with the id ${id}` });
  }
}
