import { Module } from '@nestjs/common';
import { NotificationModule } from '../notifications/notification.module';
import { InvitationController } from './invitation.controller';
import { InvitationService } from './invitation.service';
import './invitation.errors'; // declares this feature's error codes

/** Invitations by e-mail into regions, projects and the admin role; accepting one with a password. */
@Module({
  imports: [NotificationModule],
  controllers: [InvitationController],
  providers: [InvitationService],
  exports: [InvitationService],
})
export class InvitationModule {}
