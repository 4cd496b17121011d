import { Module } from '@nestjs/common';
import { KommuneModule } from '../kommuner/kommune.module';
import { RegionController } from './region.controller';
import { RegionService } from './region.service';
import './region.errors'; // declares this feature's error codes

@Module({
  imports: [KommuneModule],
  controllers: [RegionController],
  providers: [RegionService],
  exports: [RegionService],
})
export class RegionModule {}
