import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { v7 as uuidv7 } from 'uuid';
import { CloudEvent, MessageDeliveredV1, MessageDeliveredV1Event, MessageFailedV1, MessageFailedV1Event } from '@civicflow/contracts';
import { EventContext, OnEvent } from '@civicflow/messaging';
import { TimelineEntryEntity } from '../infrastructure/complaint.entity';

const TIMELINE_GROUP = 'complaints.timeline';
// The notification service's name for the acknowledgement; earlier timelines show it as acknowledgement.*.
const ACKNOWLEDGEMENT_TEMPLATE = 'complaint.acknowledgement';

/** Puts what the notification service reports about a complaint on its public timeline. */
@Controller()
export class AcknowledgementOutcomeMessageController {
  @OnEvent(TIMELINE_GROUP, MessageDeliveredV1Event)
  async delivered(@Payload() event: CloudEvent<MessageDeliveredV1>, @Ctx() context: EventContext): Promise<void> {
    if (event.data.about.kind !== 'complaint') return;
    await this.addEntry(context, event.data, 'delivered', event.data.deliveredAt);
  }

  @OnEvent(TIMELINE_GROUP, MessageFailedV1Event)
  async failed(@Payload() event: CloudEvent<MessageFailedV1>, @Ctx() context: EventContext): Promise<void> {
    if (event.data.about.kind !== 'complaint') return;
    await this.addEntry(context, event.data, 'failed', event.data.failedAt);
  }

  /** `acknowledgement.delivered` for the acknowledgement; `reporter.notified` / `reporter.notification-failed` for every later update. */
  private async addEntry(context: EventContext, message: { about: { id: string }; channel: string; template: string }, outcome: 'delivered' | 'failed', at: string): Promise<void> {
    const type =
      message.template === ACKNOWLEDGEMENT_TEMPLATE ? `acknowledgement.${outcome}` : outcome === 'delivered' ? 'reporter.notified' : 'reporter.notification-failed';
    await context.manager.insert(TimelineEntryEntity, { id: uuidv7(), complaintId: message.about.id, type, at: new Date(at), detail: { channel: message.channel, template: message.template } });
  }
}
