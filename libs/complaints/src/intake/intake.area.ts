import { CONFIG } from '@civicflow/config';
import { WorkingCalendar } from '@civicflow/domain';
import { messagingTablesMigration } from '@civicflow/messaging';
import type { ComplaintsArea } from '../complaints-area';
import { type ComplaintsConfig, workingCalendarFromConfig } from '../complaints.config';
import { DuplicateFinder } from '../duplicates/duplicate-finder';
import { AcknowledgementOutcomeMessageController } from '../events/acknowledgement-outcome.message.controller';
import { ComplaintEntity, TimelineEntryEntity } from '../infrastructure/complaint.entity';
import { CreateComplaints1764100000000 } from '../migrations/1764100000000-create-complaints';
import { ClosedLoop1764300000000 } from '../migrations/1764300000000-closed-loop';
import { ComplaintIntake } from './complaint-intake.service';
import { HotlineCallHttpController } from './hotline/hotline-call.http.controller';
import { TrackComplaintHttpController } from './track-complaint.http.controller';
import { SubmitComplaintHttpController } from './web/submit-complaint.http.controller';

/** The complaint record itself and the channels that create it directly: web and hotline. */
export const intakeArea: ComplaintsArea = {
  entities: [ComplaintEntity, TimelineEntryEntity],
  migrations: [messagingTablesMigration('complaints'), CreateComplaints1764100000000, ClosedLoop1764300000000],
  controllers: [SubmitComplaintHttpController, HotlineCallHttpController, TrackComplaintHttpController, AcknowledgementOutcomeMessageController],
  providers: [
    ComplaintIntake,
    DuplicateFinder,
    { provide: WorkingCalendar, inject: [CONFIG], useFactory: (config: ComplaintsConfig) => workingCalendarFromConfig(config) },
  ],
};
