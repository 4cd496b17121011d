import { Module } from '@nestjs/common';
import { KommuneController } from './kommune.controller';
import { KommuneService } from './kommune.service';
import './kommune.errors'; // declares this feature's error codes

@Module({
  controllers: [KommuneController],
  providers: [KommuneService],
  exports: [KommuneService],
})
export class KommuneModule {}
