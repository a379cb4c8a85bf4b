import { Module } from '@nestjs/common';
import { MessagingModule } from '@civicflow/messaging';
import { PersistenceModule } from '@civicflow/persistence';
import type { ComplaintsArea } from './complaints-area';
import { forumsArea } from './forums/forums.area';
import { emailIntakeArea } from './intake/email/email-intake.area';
import { intakeArea } from './intake/intake.area';
import { lifecycleArea } from './lifecycle/lifecycle.area';
import { mediaArea } from './media/media.area';
import { merchantsArea } from './merchants/merchants.area';
import { open311Area } from './open311/open311.area';
import { taxonomyArea } from './taxonomy/taxonomy.area';

export const COMPLAINTS_SERVICE = 'complaints';

/** Each part of the service, added here by one line. Migrations run in the order of their timestamps, whatever the area order. */
const AREAS: ComplaintsArea[] = [intakeArea, lifecycleArea, taxonomyArea, merchantsArea, forumsArea, mediaArea, emailIntakeArea, open311Area];

@Module({
  imports: [
    PersistenceModule.forService({
      service: COMPLAINTS_SERVICE,
      entities: AREAS.flatMap((area) => area.entities ?? []),
      migrations: AREAS.flatMap((area) => area.migrations ?? []),
    }),
    MessagingModule.forService(COMPLAINTS_SERVICE),
  ],
  controllers: AREAS.flatMap((area) => area.controllers ?? []),
  providers: AREAS.flatMap((area) => area.providers ?? []),
})
export class ComplaintsModule {}
