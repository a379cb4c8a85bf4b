import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { v7 as uuidv7 } from 'uuid';
import { CloudEvent, MessageDeliveredV1, MessageDeliveredV1Event, MessageFailedV1, MessageFailedV1Event } from '@civicflow/contracts';
import { EventContext, OnEvent } from '@civicflow/messaging';
import { TimelineEntryEntity } from '../infrastructure/complaint.entity';

const TIMELINE_GROUP = 'complaints.timeline';

/** Puts what the notification service reports about a complaint on its public timeline. */
@Controller()
export class AcknowledgementOutcomeMessageController {
  @OnEvent(TIMELINE_GROUP, MessageDeliveredV1Event)
  async delivered(@Payload() event: CloudEvent<MessageDeliveredV1>, @Ctx() context: EventContext): Promise<void> {
    if (event.data.about.kind !== 'complaint') return;
    await this.addEntry(context, event.data.about.id, 'acknowledgement.delivered', event.data.deliveredAt, event.data.channel);
  }

  @OnEvent(TIMELINE_GROUP, MessageFailedV1Event)
  async failed(@Payload() event: CloudEvent<MessageFailedV1>, @Ctx() context: EventContext): Promise<void> {
    if (event.data.about.kind !== 'complaint') return;
    await this.addEntry(context, event.data.about.id, 'acknowledgement.failed', event.data.failedAt, event.data.channel);
  }

  private async addEntry(context: EventContext, complaintId: string, type: string, at: string, channel: string): Promise<void> {
    await context.manager.insert(TimelineEntryEntity, { id: uuidv7(), complaintId, type, at: new Date(at), detail: { channel } });
  }
}
