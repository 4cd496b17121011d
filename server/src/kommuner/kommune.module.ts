import { Module } from '@nestjs/common';
import { KommuneController } from './kommune.controller';
import { KommuneService } from './kommune.service';

@Module({
  controllers: [KommuneController],
  providers: [KommuneService],
  exports: [KommuneService],
})
export class KommuneModule {}
