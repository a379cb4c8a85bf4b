import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CONFIG } from '@civicflow/config';
import {
  CloudEvent,
  ComplaintClosedV1,
  ComplaintClosedV1Event,
  ComplaintHandledV1,
  ComplaintHandledV1Event,
  ComplaintRejectedV1,
  ComplaintRejectedV1Event,
  ComplaintTriagedV1,
  ComplaintTriagedV1Event,
} from '@civicflow/contracts';
import { EventContext, OnEvent } from '@civicflow/messaging';
import { NotificationConfig } from '../notification.config';
import { type ComplaintUpdate, renderComplaintUpdateMail } from './complaint-update-mail';
import { ReporterNotices } from './reporter-notices';

const UPDATES_GROUP = 'notification.complaint-updates';

/**
 * Tells the reporter at each step the bureau promised: acceptance with its deadline,
 * rejection with its reason, the reply, closure; and books the satisfaction survey for the
 * day the closed event names.
 */
@Controller()
export class ComplaintUpdatesMessageController {
  constructor(
    private readonly notices: ReporterNotices,
    @Inject(CONFIG) private readonly config: NotificationConfig,
  ) {}

  /** Acceptance is announced on the triaged event, which follows `accepted` in the same transaction and carries the deadline. */
  @OnEvent(UPDATES_GROUP, ComplaintTriagedV1Event)
  async triaged(@Payload() event: CloudEvent<ComplaintTriagedV1>, @Ctx() context: EventContext): Promise<void> {
    await this.tell(context, event, { kind: 'accepted', deadlineAt: event.data.deadlineAt }, 'complaint.accepted');
  }

  @OnEvent(UPDATES_GROUP, ComplaintRejectedV1Event)
  async rejected(@Payload() event: CloudEvent<ComplaintRejectedV1>, @Ctx() context: EventContext): Promise<void> {
    await this.tell(context, event, { kind: 'rejected', reason: event.data.reason }, 'complaint.rejected');
  }

  @OnEvent(UPDATES_GROUP, ComplaintHandledV1Event)
  async handled(@Payload() event: CloudEvent<ComplaintHandledV1>, @Ctx() context: EventContext): Promise<void> {
    await this.tell(context, event, { kind: 'handled', reply: event.data.reply }, 'complaint.handled');
  }

  @OnEvent(UPDATES_GROUP, ComplaintClosedV1Event)
  async closed(@Payload() event: CloudEvent<ComplaintClosedV1>, @Ctx() context: EventContext): Promise<void> {
    await this.tell(context, event, { kind: 'closed' }, 'complaint.closed');
    // A complaint reopened and closed again gets a new survey: the row follows the latest closure.
    await context.manager.query(
      `INSERT INTO notification.satisfaction_survey (complaint_id, source_event_id, source_event_type, due_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (complaint_id) DO UPDATE SET source_event_id = EXCLUDED.source_event_id, source_event_type = EXCLUDED.source_event_type, due_at = EXCLUDED.due_at, sent_at = NULL`,
      [event.data.complaintId, event.id, event.type, event.data.surveyDueAt],
    );
  }

  private async tell(context: EventContext, event: CloudEvent<{ complaintId: string }>, update: ComplaintUpdate, template: string): Promise<void> {
    const base = this.config.PUBLIC_BASE_URL.replace(/\/$/, '');
    await this.notices.tell(context.manager, event.data.complaintId, event, template, (locale, reporter) =>
      renderComplaintUpdateMail({ locale, name: reporter.name, trackingCode: reporter.trackingCode, trackingUrl: `${base}/api/v1/complaints/${reporter.trackingCode}`, update }),
    );
  }
}
