import { Module } from '@nestjs/common';
import { messagingTablesMigration, MessagingModule } from '@civicflow/messaging';
import { PersistenceModule } from '@civicflow/persistence';
import { AcknowledgementMessageController } from './acknowledgement/acknowledgement.message.controller';
import { ComplaintUpdatesMessageController } from './complaint-updates/complaint-updates.message.controller';
import { ReporterMailer } from './complaint-updates/reporter-mailer';
import { SatisfactionSurveys } from './complaint-updates/satisfaction-surveys';
import { MailOnce } from './mail/mail-once';
import { MailSender } from './mail/mail-sender';
import { MerchantAnswersMessageController } from './merchants/merchant-answers.message.controller';
import { CreateAcknowledgements1764200000000 } from './migrations/1764200000000-create-acknowledgements';
import { ComplaintUpdates1764400000000 } from './migrations/1764400000000-complaint-updates';
import { MerchantContacts1764410000000 } from './migrations/1764410000000-merchant-contacts';

export const NOTIFICATION_SERVICE = 'notification';

@Module({
  imports: [
    PersistenceModule.forService({
      service: NOTIFICATION_SERVICE,
      entities: [],
      migrations: [messagingTablesMigration(NOTIFICATION_SERVICE), CreateAcknowledgements1764200000000, ComplaintUpdates1764400000000, MerchantContacts1764410000000],
    }),
    MessagingModule.forService(NOTIFICATION_SERVICE),
  ],
  controllers: [AcknowledgementMessageController, ComplaintUpdatesMessageController, MerchantAnswersMessageController],
  providers: [MailSender, MailOnce, ReporterMailer, SatisfactionSurveys],
})
export class NotificationModule {}
