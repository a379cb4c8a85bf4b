import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CloudEvent, ComplaintRatedV1, ComplaintRatedV1Event } from '@civicflow/contracts';
import { EventContext, OnEvent } from '@civicflow/messaging';

/**
 * Keeps reporters' ratings of complaints, the enforcement service's only view of satisfaction:
 * an officer's cases opened from a complaint carry its rating into the assessment. Every rating
 * is kept (cases may not exist yet when it arrives); a later rating of the same complaint (after
 * a reopening) replaces an earlier one, whatever order they arrive in.
 */
@Controller()
export class SatisfactionMessageController {
  @OnEvent('enforcement.satisfaction', ComplaintRatedV1Event)
  async rated(@Payload() event: CloudEvent<ComplaintRatedV1>, @Ctx() context: EventContext): Promise<void> {
    const rating = event.data;
    await context.manager.query(
      `INSERT INTO "enforcement".complaint_rating (complaint_id, score, resolved, rated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (complaint_id) DO UPDATE SET score = EXCLUDED.score, resolved = EXCLUDED.resolved, rated_at = EXCLUDED.rated_at
        WHERE complaint_rating.rated_at < EXCLUDED.rated_at`,
      [rating.complaintId, rating.score, rating.resolved, new Date(rating.at)],
    );
  }
}
