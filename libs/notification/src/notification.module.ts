import { Module } from '@nestjs/common';
import { messagingTablesMigration, MessagingModule } from '@civicflow/messaging';
import { PersistenceModule } from '@civicflow/persistence';
import { AcknowledgementMessageController } from './acknowledgement/acknowledgement.message.controller';
import { MailSender } from './mail/mail-sender';
import { CreateAcknowledgements1764200000000 } from './migrations/1764200000000-create-acknowledgements';

export const NOTIFICATION_SERVICE = 'notification';

@Module({
  imports: [
    PersistenceModule.forService({
      service: NOTIFICATION_SERVICE,
      entities: [],
      migrations: [messagingTablesMigration(NOTIFICATION_SERVICE), CreateAcknowledgements1764200000000],
    }),
    MessagingModule.forService(NOTIFICATION_SERVICE),
  ],
  controllers: [AcknowledgementMessageController],
  providers: [MailSender],
})
export class NotificationModule {}
