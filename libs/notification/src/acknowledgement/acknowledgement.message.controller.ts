import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CloudEvent, ComplaintReceivedV2, ComplaintReceivedV2Event, ReporterRegisteredV2, ReporterRegisteredV2Event } from '@civicflow/contracts';
import { EventContext, OnEvent } from '@civicflow/messaging';

const ACKNOWLEDGEMENT_GROUP = 'notification.acknowledgement';

/**
 * Keeps each complaint's reporter contact (restricted topic) and tracking code, which the
 * rules' reporter audience and the satisfaction survey reach the reporter by. The
 * acknowledgement itself is a rule on complaints.reporter.registered.v2 (template
 * complaint.acknowledgement): intake publishes it with the complaint, and it carries the
 * contact. The complaint and its reporter arrive in either order; each fills its half.
 */
@Controller()
export class AcknowledgementMessageController {
  @OnEvent(ACKNOWLEDGEMENT_GROUP, ComplaintReceivedV2Event)
  async complaintReceived(@Payload() event: CloudEvent<ComplaintReceivedV2>, @Ctx() context: EventContext): Promise<void> {
    await context.manager.query(
      `INSERT INTO notification.complaint_acknowledgement (complaint_id, tracking_code, received_event_id, received_event_type) VALUES ($1, $2, $3, $4)
       ON CONFLICT (complaint_id) DO UPDATE SET received_event_id = EXCLUDED.received_event_id, received_event_type = EXCLUDED.received_event_type`,
      [event.data.complaintId, event.data.trackingCode, event.id, event.type],
    );
  }

  @OnEvent(ACKNOWLEDGEMENT_GROUP, ReporterRegisteredV2Event)
  async reporterRegistered(@Payload() event: CloudEvent<ReporterRegisteredV2>, @Ctx() context: EventContext): Promise<void> {
    const { complaintId, trackingCode, name, email, phone, locale, channel } = event.data;
    await context.manager.query(
      `INSERT INTO notification.complaint_acknowledgement (complaint_id, tracking_code, reporter_name, reporter_email, reporter_phone, reporter_locale, reporter_channel)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (complaint_id) DO UPDATE SET reporter_name = EXCLUDED.reporter_name, reporter_email = EXCLUDED.reporter_email, reporter_phone = EXCLUDED.reporter_phone,
         reporter_locale = EXCLUDED.reporter_locale, reporter_channel = EXCLUDED.reporter_channel`,
      [complaintId, trackingCode, name ?? null, email ?? null, phone ?? null, locale, channel],
    );
  }
}
