import { Injectable } from '@nestjs/common';
import { todayInOslo, type Lang } from '@nvr/shared';
import type { FileContent } from '../files/file.service';
import { RiskExportQueryDto } from './risk.dto';
import { RiskService } from './risk.service';
import { riskSheetName, risksCsv, risksXlsx } from './risk-export';

/** The risk register as a file. */
@Injectable()
export class RiskExportService {
  constructor(private readonly risks: RiskService) {}

  /** The register as a CSV or Excel file, in the asked language. */
  async export(projectId: string, query: RiskExportQueryDto): Promise<FileContent> {
    const lang: Lang = query.lang ?? 'nb';
    const risks = await this.risks.list(projectId);
    const name = `${riskSheetName(lang).toLowerCase().replace(/\s+/g, '-')}-${todayInOslo()}`;
    if (query.format === 'xlsx') {
      return {
        data: await risksXlsx(risks, lang),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        filename: `${name}.xlsx`,
      };
    }
    return { data: risksCsv(risks, lang), contentType: 'text/csv; charset=utf-8', filename: `${name}.csv` };
  }
}
