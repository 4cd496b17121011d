import { Module } from '@nestjs/common';
import { ProjectModule } from '../projects/project.module';
import { BenefitController, RegionBenefitController } from './benefit.controller';
import { BenefitService } from './benefit.service';
import './benefits.errors'; // declares this feature's error codes

/**
 * The benefits register (gevinstrealisering): benefits, owners, indicators and measurements, followed
 * after the project ends; the region's view of them; exports and the benefits report. The closing of a
 * project hands the benefits over through BenefitService.handOver; the yearly reminder to the owners is
 * one of the daily reminders (notifications/reminder.service.ts).
 */
@Module({
  imports: [ProjectModule],
  controllers: [BenefitController, RegionBenefitController],
  providers: [BenefitService],
  exports: [BenefitService],
})
export class BenefitModule {}
