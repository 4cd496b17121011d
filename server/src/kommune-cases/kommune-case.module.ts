import { Module } from '@nestjs/common';
import { KommuneCaseService } from './kommune-case.service';

/** Each kommunestyre's decision on a gate that asks the kommuner for money. */
@Module({
  providers: [KommuneCaseService],
  exports: [KommuneCaseService],
})
export class KommuneCaseModule {}
