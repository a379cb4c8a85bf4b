export { NotificationModule, NOTIFICATION_SERVICE } from './notification.module';
export { notificationVariables, mailSinkVariables } from './notification.config';
export { MailSinkModule } from './dev-mail-sink/mail-sink.module';
export { MailSink, type CapturedMail } from './dev-mail-sink/mail-sink';
export { renderAcknowledgementMail } from './acknowledgement/acknowledgement-mail';
