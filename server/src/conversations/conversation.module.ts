import { Module } from '@nestjs/common';
import { ProjectModule } from '../projects/project.module';
import { ConversationController } from './conversation.controller';
import { ConversationService } from './conversation.service';
import './conversation.errors'; // declares this feature's error codes

/** Interviews, meetings and workshops of the kartlegging, and the needs overview across them and the surveys. */
@Module({
  imports: [ProjectModule],
  controllers: [ConversationController],
  providers: [ConversationService],
  exports: [ConversationService],
})
export class ConversationModule {}
