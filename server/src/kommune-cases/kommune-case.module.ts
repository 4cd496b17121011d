import { Module } from '@nestjs/common';
import { ProjectModule } from '../projects/project.module';
import { KommuneCaseController } from './kommune-case.controller';
import { KommuneCaseService } from './kommune-case.service';
import './kommune-case.errors'; // declares this feature's error codes

/** Each kommunestyre's decision on a gate that asks the kommuner for money. */
@Module({
  imports: [ProjectModule],
  controllers: [KommuneCaseController],
  providers: [KommuneCaseService],
  exports: [KommuneCaseService],
})
export class KommuneCaseModule {}
