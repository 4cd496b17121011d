import { Module } from '@nestjs/common';
import { ProjectModule } from '../projects/project.module';
import { BenefitController, RegionBenefitController } from './benefit.controller';
import { BenefitService } from './benefit.service';
import { BenefitFileService } from './benefit-files.service';
import { BenefitMeasurementService } from './benefit-measurement.service';
import { BenefitRegionService } from './benefit-region.service';
import { BenefitRegisterService } from './benefit-register.service';
import './benefits.errors'; // declares this feature's error codes

/**
 * The benefits register (gevinstrealisering): benefits, owners, indicators and measurements, followed
 * after the project ends; the region's view of them; exports and the benefits report. The closing of a
 * project hands the benefits over through BenefitService.handOver; the yearly reminder to the owners (one
 * per owner, naming their benefits due) is one of the daily reminders (notifications/benefit-reminders.ts).
 */
@Module({
  imports: [ProjectModule],
  controllers: [BenefitController, RegionBenefitController],
  providers: [BenefitService, BenefitRegisterService, BenefitMeasurementService, BenefitRegionService, BenefitFileService],
  exports: [BenefitService],
})
export class BenefitModule {}
