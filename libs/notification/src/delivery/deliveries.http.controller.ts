import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Role, Roles } from '@civicflow/auth';
import { DeliveryStatus } from './delivery-status';
import { DeliveryListQueryDto, DeliveryListResponse, DeliveryStatusResponse } from './delivery-status.dto';

/** Where a message stands, for the staff who answer "was I told?" and for audit. */
@ApiTags('notifications')
@ApiBearerAuth()
@Roles(Role.Supervisor, Role.Auditor, Role.Admin)
@Controller('api/v1/notifications/messages')
export class DeliveriesHttpController {
  constructor(private readonly status: DeliveryStatus) {}

  @Get()
  @ApiOperation({ summary: 'Every message an event asked for, on every channel' })
  @ApiOkResponse({ type: DeliveryListResponse })
  @ApiBadRequestResponse({ description: 'sourceEventId is missing.' })
  @ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
  @ApiForbiddenResponse({ description: 'Needs the supervisor, auditor or admin role.' })
  async list(@Query() query: DeliveryListQueryDto): Promise<DeliveryListResponse> {
    return { items: await this.status.forSourceEvent(query.sourceEventId) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One message: channel, masked recipient, status, attempts, last error' })
  @ApiOkResponse({ type: DeliveryStatusResponse })
  @ApiNotFoundResponse({ description: 'No message has this id.' })
  @ApiUnauthorizedResponse({ description: 'No valid bearer token.' })
  @ApiForbiddenResponse({ description: 'Needs the supervisor, auditor or admin role.' })
  async find(@Param('id') id: string): Promise<DeliveryStatusResponse> {
    const found = await this.status.find(id);
    if (!found) throw new NotFoundException({ statusCode: 404, code: 'message_not_found', message: `No message has the id ${id}` });
    return found;
  }
}
