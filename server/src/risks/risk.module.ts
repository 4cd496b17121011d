import { Module } from '@nestjs/common';
import { ProjectModule } from '../projects/project.module';
import { ReportRiskController, RiskController, TopRiskController } from './risk.controller';
import { RiskService } from './risk.service';
import { RiskExportService } from './risk-export.service';
import { RiskRegisterService } from './risk-register.service';
import { RiskReportService } from './risk-report.service';
import { TopRiskService } from './risk-top.service';
import './risks.errors'; // declares this feature's error codes

/**
 * A project's risk register, the copy each published status report keeps (RiskReportService.freeze, called
 * by the status reports in their publishing transaction), and the top risks across the projects one follows.
 */
@Module({
  imports: [ProjectModule],
  controllers: [RiskController, ReportRiskController, TopRiskController],
  providers: [RiskService, RiskRegisterService, RiskReportService, TopRiskService, RiskExportService],
  exports: [RiskReportService],
})
export class RiskModule {}
