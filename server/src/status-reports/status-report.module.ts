import { Module } from '@nestjs/common';
import { ProjectModule } from '../projects/project.module';
import { RiskModule } from '../risks/risk.module';
import { StatusReportController } from './status-report.controller';
import { StatusReportService } from './status-report.service';
import './status-report.errors'; // declares this feature's error codes

/** The project leader's monthly status reports. */
@Module({
  imports: [ProjectModule, RiskModule],
  controllers: [StatusReportController],
  providers: [StatusReportService],
  exports: [StatusReportService],
})
export class StatusReportModule {}
