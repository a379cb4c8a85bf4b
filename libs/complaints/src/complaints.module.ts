import { Module } from '@nestjs/common';
import { messagingTablesMigration, MessagingModule } from '@civicflow/messaging';
import { PersistenceModule } from '@civicflow/persistence';
import type { ComplaintsArea } from './complaints-area';
import { AcknowledgementOutcomeMessageController } from './events/acknowledgement-outcome.message.controller';
import { ComplaintEntity, TimelineEntryEntity } from './infrastructure/complaint.entity';
import { TrackComplaintHttpController } from './intake/track-complaint.http.controller';
import { SubmitComplaintHttpController } from './intake/web/submit-complaint.http.controller';
import { SubmitComplaintService } from './intake/web/submit-complaint.service';
import { CreateComplaints1764100000000 } from './migrations/1764100000000-create-complaints';

export const COMPLAINTS_SERVICE = 'complaints';

const coreArea: ComplaintsArea = {
  entities: [ComplaintEntity, TimelineEntryEntity],
  migrations: [messagingTablesMigration(COMPLAINTS_SERVICE), CreateComplaints1764100000000],
  controllers: [SubmitComplaintHttpController, TrackComplaintHttpController, AcknowledgementOutcomeMessageController],
  providers: [SubmitComplaintService],
};

/** Each part of the service, added here by one line. Migrations run in the order of their timestamps, whatever the area order. */
const AREAS: ComplaintsArea[] = [coreArea];

@Module({
  imports: [
    PersistenceModule.forService({
      service: COMPLAINTS_SERVICE,
      entities: AREAS.flatMap((area) => area.entities ?? []),
      migrations: AREAS.flatMap((area) => (area.migrations ?? []) as Function[]),
    }),
    MessagingModule.forService(COMPLAINTS_SERVICE),
  ],
  controllers: AREAS.flatMap((area) => area.controllers ?? []),
  providers: AREAS.flatMap((area) => area.providers ?? []),
})
export class ComplaintsModule {}
