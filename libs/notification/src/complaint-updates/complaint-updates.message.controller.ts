import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CloudEvent, ComplaintClosedV1, ComplaintClosedV1Event } from '@civicflow/contracts';
import { EventContext, OnEvent } from '@civicflow/messaging';

const UPDATES_GROUP = 'notification.complaint-updates';

/**
 * Books the satisfaction survey for the day the closed event names. What the reporter is
 * told at each step (acceptance with its deadline, rejection with its reason, the reply,
 * closure) are rules now (rules/default-rules.ts, templates complaint.accepted, .rejected,
 * .handled, .closed), applied by the rules consumer.
 */
@Controller()
export class ComplaintUpdatesMessageController {
  @OnEvent(UPDATES_GROUP, ComplaintClosedV1Event)
  async closed(@Payload() event: CloudEvent<ComplaintClosedV1>, @Ctx() context: EventContext): Promise<void> {
    // A complaint reopened and closed again gets a new survey: the row follows the latest closure.
    await context.manager.query(
      `INSERT INTO notification.satisfaction_survey (complaint_id, source_event_id, source_event_type, due_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (complaint_id) DO UPDATE SET source_event_id = EXCLUDED.source_event_id, source_event_type = EXCLUDED.source_event_type, due_at = EXCLUDED.due_at, sent_at = NULL`,
      [event.data.complaintId, event.id, event.type, event.data.surveyDueAt],
    );
  }
}
