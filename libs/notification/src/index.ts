export { NotificationModule, NOTIFICATION_SERVICE } from './notification.module';
export { notificationVariables, mailSinkVariables } from './notification.config';
export { MailSinkModule } from './dev-mail-sink/mail-sink.module';
export { MailSink, type CapturedMail } from './dev-mail-sink/mail-sink';
export { renderAcknowledgementMail } from './acknowledgement/acknowledgement-mail';
export { SatisfactionSurveys } from './complaint-updates/satisfaction-surveys';
export { renderComplaintUpdateMail, type ComplaintUpdate } from './complaint-updates/complaint-update-mail';
