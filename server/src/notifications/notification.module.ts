import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { GateNotifier } from './gate-notifier';
import { MailService } from './mail.service';
import { NotificationController } from './notification.controller';
import { NotificationService } from './notification.service';
import { ReminderService } from './reminder.service';
import './notification.errors'; // declares this feature's error codes

/** In-app notifications, e-mail through the outbox, and the daily reminders. */
@Module({
  imports: [JobsModule],
  controllers: [NotificationController],
  providers: [NotificationService, MailService, ReminderService, GateNotifier],
  exports: [NotificationService, GateNotifier, MailService],
})
export class NotificationModule {}
