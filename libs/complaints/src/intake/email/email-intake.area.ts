import type { ComplaintsArea } from '../../complaints-area';
import { ComplaintMailHttpController } from './complaint-mail.http.controller';
import { EmailIntake } from './email-intake.service';
import { MailIntakeListener } from './mail-intake.listener';
import { MailThreadEntity } from './mail-thread.entity';

/**
 * Complaints and replies by e-mail, through the SMTP listener (MAIL_INTAKE_ENABLED). Needs
 * the intake area (ComplaintIntake) and the media area (MediaStore, and the migration that
 * creates complaints.mail_thread).
 */
export const emailIntakeArea: ComplaintsArea = {
  entities: [MailThreadEntity],
  controllers: [ComplaintMailHttpController],
  providers: [EmailIntake, MailIntakeListener],
};
