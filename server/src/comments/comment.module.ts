import { Module } from '@nestjs/common';
import { NotificationModule } from '../notifications/notification.module';
import { ProjectModule } from '../projects/project.module';
import { CommentController } from './comment.controller';
import { CommentService } from './comment.service';
import { MentionController } from './mention.controller';
import { MentionService } from './mention.service';
import './comment.errors'; // declares this feature's error codes

/** Comments with @mentions on plans, deliverables and status reports. */
@Module({
  imports: [ProjectModule, NotificationModule],
  controllers: [CommentController, MentionController],
  providers: [CommentService, MentionService],
})
export class CommentModule {}
