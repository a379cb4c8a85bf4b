import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CloudEvent, ComplaintDispatchedV1, ComplaintDispatchedV1Event } from '@civicflow/contracts';
import { EventContext, OnEvent } from '@civicflow/messaging';
import { Role } from '@civicflow/auth';
import { CaseDesk } from './case-desk.service';

/**
 * Opens a case for each complaint that triage sends to enforcement. Once only: the inbox drops a
 * redelivered event, and the unique (source, source_reference) index a second event about the
 * same complaint. The case waits for a party, officers and a supervisor's registration.
 */
@Controller()
export class ComplaintIntakeMessageController {
  constructor(private readonly desk: CaseDesk) {}

  @OnEvent('enforcement.complaint-intake', ComplaintDispatchedV1Event)
  async dispatched(@Payload() event: CloudEvent<ComplaintDispatchedV1>, @Ctx() context: EventContext): Promise<void> {
    const complaint = event.data;
    if (complaint.target.kind !== 'enforcement') return;
    const [existing]: unknown[] = await context.manager.query(`SELECT id FROM "enforcement".enforcement_case WHERE source = 'complaint' AND source_reference = $1`, [complaint.complaintId]);
    if (existing) return;
    await this.desk.openIn(
      context.manager,
      {
        source: 'complaint',
        sourceReference: complaint.complaintId,
        category: complaint.category,
        street: null,
        description: complaint.description,
        location: { ...complaint.location },
        // The complaint reports a violation seen then: the 2-year limit of Art. 36 counts from no later than that.
        // Never after now, should the complaints service's clock run ahead.
        violationAt: new Date(Math.min(Date.parse(complaint.at), Date.now())),
        officerIds: [],
      },
      { user: { id: complaint.dispatchedBy, roles: [Role.Supervisor] }, correlationId: event.correlationid, place: null },
    );
  }
}
