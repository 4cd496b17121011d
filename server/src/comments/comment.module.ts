import { Module } from '@nestjs/common';
import { NotificationModule } from '../notifications/notification.module';
import { ProjectModule } from '../projects/project.module';
import { CommentController } from './comment.controller';
import { CommentService } from './comment.service';
import './comment.errors'; // declares this feature's error codes

/** Comments with @mentions on plans, deliverables and status reports. */
@Module({
  imports: [ProjectModule, NotificationModule],
  controllers: [CommentController],
  providers: [CommentService],
})
export class CommentModule {}
