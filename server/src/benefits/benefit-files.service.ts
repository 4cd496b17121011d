import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { todayInOslo } from '@nvr/shared';
import { DataSource } from 'typeorm';
import type { FileContent } from '../files/file.service';
import { exportRegister } from './benefit-export';
import { renderBenefitReport } from './benefit-report';
import { BenefitExportQueryDto, BenefitReportQueryDto } from './benefit.dto';
import type { Reader } from './benefit-mapping';
import { BenefitService } from './benefit.service';

/** The register as files: the spreadsheet export and the benefits report (gevinstrapport). */
@Injectable()
export class BenefitFileService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly benefits: BenefitService,
  ) {}

  /** The register as a spreadsheet (CSV for Norwegian Excel, or XLSX): one row per indicator, and every measurement. */
  async export(projectId: string, query: BenefitExportQueryDto, reader: Reader): Promise<FileContent> {
    const register = await this.benefits.register(projectId, reader);
    return exportRegister(register, query.format ?? 'csv', query.lang ?? 'nb', todayInOslo());
  }

  /** The benefits report (gevinstrapport) as PDF or DOCX, in nb, nn or en. */
  async report(projectId: string, query: BenefitReportQueryDto, reader: Reader): Promise<FileContent> {
    const project = await this.benefits.project(this.db, projectId);
    const register = await this.benefits.register(projectId, reader);
    return renderBenefitReport(register, project.regionName, query.format ?? 'pdf', query.lang ?? 'nb', todayInOslo());
  }
}
