import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CloudEvent, EnforcementReferralSubmittedV1, EnforcementReferralSubmittedV1Event } from '@civicflow/contracts';
import { EventContext, OnEvent } from '@civicflow/messaging';
import { Role } from '@civicflow/auth';
import { CaseDesk } from './case-desk.service';

/**
 * Opens a case for each matter another department refers to the bureau (移送). Once only: the inbox
 * drops a redelivered event, and the lookup by (source, source_reference) a second event about the
 * same referral. Like a case from a complaint it waits for a party, officers and registration.
 */
@Controller()
export class ReferralIntakeMessageController {
  constructor(private readonly desk: CaseDesk) {}

  @OnEvent('enforcement.referral-intake', EnforcementReferralSubmittedV1Event)
  async submitted(@Payload() event: CloudEvent<EnforcementReferralSubmittedV1>, @Ctx() context: EventContext): Promise<void> {
    const referral = event.data;
    const [existing]: unknown[] = await context.manager.query(`SELECT id FROM "enforcement".enforcement_case WHERE source = 'referral' AND source_reference = $1`, [referral.referralId]);
    if (existing) return;
    await this.desk.openIn(
      context.manager,
      {
        source: 'referral',
        sourceReference: referral.referralId,
        category: referral.category,
        street: referral.street,
        description: `${referral.description}\n\nReferred by ${referral.referringDepartment}${referral.referenceNumber ? ` (${referral.referenceNumber})` : ''}.`,
        location: { address: referral.address },
        // Never after now, should the referring department's clock run ahead.
        violationAt: new Date(Math.min(Date.parse(referral.violationAt), Date.now())),
        officerIds: [],
        department: referral.targetDepartment,
      },
      // The referring officer is not bureau staff: the record names them, with no role of the bureau's.
      { user: { id: `${referral.referringDepartment}:${referral.referredBy}`.slice(0, 200), roles: [] as Role[] }, correlationId: event.correlationid, place: null },
    );
  }
}
