import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CHANNEL_KINDS, type ChannelKind } from '../channels/notification-channel';

export class DeliveryListQueryDto {
  @ApiProperty({ description: 'CloudEvents id of the event that asked for the messages.' })
  @IsString()
  @Length(1, 200)
  sourceEventId: string;
}

export class AboutResponse {
  @ApiProperty({ example: 'complaint' })
  kind: string;

  @ApiProperty()
  id: string;
}

/** One message's delivery record; the recipient masked, the content and the clear address never shown. */
export class DeliveryStatusResponse {
  @ApiProperty({ description: 'The message id the delivered/failed events carry.' })
  id: string;

  @ApiProperty()
  sourceEventId: string;

  @ApiProperty()
  sourceEventType: string;

  @ApiProperty({ type: AboutResponse })
  about: AboutResponse;

  @ApiProperty({ enum: CHANNEL_KINDS })
  channel: ChannelKind;

  @ApiProperty({ example: 'complaint-received' })
  template: string;

  @ApiProperty({ example: 'r***@example.org' })
  recipient: string;

  @ApiProperty({ enum: ['queued', 'sending', 'delivered', 'failed'] })
  status: string;

  @ApiProperty({ description: 'A notice the law requires: sent despite opt-out and quiet hours.' })
  mandatory: boolean;

  @ApiProperty()
  attempts: number;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'When the next attempt is due, while queued.' })
  nextAttemptAt: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  lastError: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  deliveredAt: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  failedAt: string | null;
}

export class DeliveryListResponse {
  @ApiProperty({ type: [DeliveryStatusResponse] })
  items: DeliveryStatusResponse[];
}
