import { Module } from '@nestjs/common';
import { messagingTablesMigration, MessagingModule } from '@civicflow/messaging';
import { PersistenceModule } from '@civicflow/persistence';
import { AcknowledgementMessageController } from './acknowledgement/acknowledgement.message.controller';
import { ComplaintUpdatesMessageController } from './complaint-updates/complaint-updates.message.controller';
import { ReporterNotices } from './complaint-updates/reporter-notices';
import { SatisfactionSurveys } from './complaint-updates/satisfaction-surveys';
import { EmailChannel } from './channels/email.channel';
import { InAppChannel } from './channels/in-app.channel';
import { NOTIFICATION_CHANNEL_ADAPTERS, type NotificationChannel } from './channels/notification-channel';
import { SmsChannel } from './channels/sms.channel';
import { WebhookChannel } from './channels/webhook.channel';
import { WebhookSubscriptions } from './channels/webhook-subscriptions';
import { WebhookSubscriptionsHttpController } from './channels/webhook-subscriptions.http.controller';
import { DeliveriesHttpController } from './delivery/deliveries.http.controller';
import { DeliveryDispatcher } from './delivery/delivery-dispatcher';
import { DeliveryRequests } from './delivery/delivery-requests';
import { DeliveryStatus } from './delivery/delivery-status';
import { Inbox } from './inbox/inbox';
import { InboxHttpController } from './inbox/inbox.http.controller';
import { MailSender } from './mail/mail-sender';
import { MerchantAnswersMessageController } from './merchants/merchant-answers.message.controller';
import { CreateAcknowledgements1764200000000 } from './migrations/1764200000000-create-acknowledgements';
import { ComplaintUpdates1764400000000 } from './migrations/1764400000000-complaint-updates';
import { Delivery1764500000000 } from './migrations/1764500000000-delivery';
import { Preferences } from './preferences/preferences';
import { PreferencesHttpController } from './preferences/preferences.http.controller';
import { MerchantContacts1764410000000 } from './migrations/1764410000000-merchant-contacts';
import { DocumentService1764700000000 } from './migrations/1764700000000-document-service';
import { DELIVERY_OUTCOME_OBSERVERS } from './delivery/delivery-outcome-observer';
import { DocumentServices } from './service-of-documents/document-services';
import { ContactRetention } from './retention/contact-retention';
import { DocumentServiceMessageController } from './service-of-documents/document-service.message.controller';
import { DocumentServicesHttpController } from './service-of-documents/document-services.http.controller';
import { RulesAndTemplates1764800000000 } from './migrations/1764800000000-rules-and-templates';
import { ComplaintUpdatesOnRules1764800000001 } from './migrations/1764800000001-complaint-updates-on-rules';
import { MerchantAnswersOnRules1764800000002 } from './migrations/1764800000002-merchant-answers-on-rules';
import { AcknowledgementOnRules1764800000003 } from './migrations/1764800000003-acknowledgement-on-rules';
import { Audiences } from './rules/audiences';
import { Rules } from './rules/rules';
import { RulesEngine } from './rules/rules-engine';
import { RulesHttpController } from './rules/rules.http.controller';
import { RulesMessageController } from './rules/rules.message.controller';
import { RulesSeeder } from './rules/rules-seeder';
import { StaffRoster } from './rules/staff-roster';
import { StaffRosterHttpController } from './rules/staff-roster.http.controller';
import { Templates } from './templates/templates';
import { TemplatesHttpController } from './templates/templates.http.controller';

export const NOTIFICATION_SERVICE = 'notification';

@Module({
  imports: [
    PersistenceModule.forService({
      service: NOTIFICATION_SERVICE,
      entities: [],
      migrations: [messagingTablesMigration(NOTIFICATION_SERVICE), CreateAcknowledgements1764200000000, ComplaintUpdates1764400000000, MerchantContacts1764410000000, Delivery1764500000000, DocumentService1764700000000, RulesAndTemplates1764800000000, ComplaintUpdatesOnRules1764800000001, MerchantAnswersOnRules1764800000002, AcknowledgementOnRules1764800000003],
    }),
    MessagingModule.forService(NOTIFICATION_SERVICE),
  ],
  controllers: [
    AcknowledgementMessageController,
    ComplaintUpdatesMessageController,
    MerchantAnswersMessageController,
    DeliveriesHttpController,
    InboxHttpController,
    PreferencesHttpController,
    WebhookSubscriptionsHttpController,
    DocumentServiceMessageController,
    DocumentServicesHttpController,
    RulesMessageController,
    RulesHttpController,
    TemplatesHttpController,
    StaffRosterHttpController,
  ],
  providers: [
    MailSender,
    ReporterNotices,
    SatisfactionSurveys,
    EmailChannel,
    SmsChannel,
    WebhookChannel,
    InAppChannel,
    {
      provide: NOTIFICATION_CHANNEL_ADAPTERS,
      inject: [EmailChannel, SmsChannel, WebhookChannel, InAppChannel],
      useFactory: (...adapters: NotificationChannel[]): NotificationChannel[] => adapters,
    },
    WebhookSubscriptions,
    Preferences,
    DeliveryRequests,
    DocumentServices,
    ContactRetention,
    { provide: DELIVERY_OUTCOME_OBSERVERS, inject: [DocumentServices], useFactory: (...observers: DocumentServices[]) => observers },
    DeliveryDispatcher,
    DeliveryStatus,
    Inbox,
    Templates,
    Rules,
    StaffRoster,
    Audiences,
    RulesEngine,
    RulesSeeder,
  ],
  exports: [DeliveryRequests, DeliveryDispatcher],
})
export class NotificationModule {}
