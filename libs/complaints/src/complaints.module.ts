import { Module } from '@nestjs/common';
import { messagingTablesMigration, MessagingModule } from '@civicflow/messaging';
import { PersistenceModule } from '@civicflow/persistence';
import { SubmitComplaintHttpController } from './commands/submit-complaint/submit-complaint.http.controller';
import { SubmitComplaintService } from './commands/submit-complaint/submit-complaint.service';
import { AcknowledgementOutcomeMessageController } from './events/acknowledgement-outcome.message.controller';
import { ComplaintEntity, TimelineEntryEntity } from './infrastructure/complaint.entity';
import { CreateComplaints1764100000000 } from './migrations/1764100000000-create-complaints';
import { TrackComplaintHttpController } from './queries/track-complaint/track-complaint.http.controller';

export const COMPLAINTS_SERVICE = 'complaints';

@Module({
  imports: [
    PersistenceModule.forService({
      service: COMPLAINTS_SERVICE,
      entities: [ComplaintEntity, TimelineEntryEntity],
      migrations: [messagingTablesMigration(COMPLAINTS_SERVICE), CreateComplaints1764100000000],
    }),
    MessagingModule.forService(COMPLAINTS_SERVICE),
  ],
  controllers: [SubmitComplaintHttpController, TrackComplaintHttpController, AcknowledgementOutcomeMessageController],
  providers: [SubmitComplaintService],
})
export class ComplaintsModule {}
