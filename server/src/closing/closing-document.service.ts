import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Lang, RoleAssignment } from '@nvr/shared';
import { DataSource } from 'typeorm';
import { renderDocx } from '../documents/render-docx';
import { renderPdf } from '../documents/render-pdf';
import { loadProject } from '../projects/project-queries';
import { closingDocument } from './closing-document';
import { ClosingService } from './closing.service';

export interface RenderedDocument {
  filename: string;
  contentType: string;
  data: Buffer;
}

const CONTENT_TYPES = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;

/** The final report as a document. */
@Injectable()
export class ClosingDocumentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly closing: ClosingService,
  ) {}

  /**
   * The final report as DOCX or PDF, with the evaluations, the lessons and the decision; before the report
   * is started, the outline with what each section is for (a template to work from).
   */
  async reportDocument(projectId: string, roles: readonly RoleAssignment[], format: 'pdf' | 'docx', lang: Lang): Promise<RenderedDocument> {
    const closing = await this.closing.get(projectId, roles);
    const project = await loadProject(this.db.manager, projectId);
    const doc = closingDocument(
      {
        name: project.name,
        regionName: project.regionName,
        councilName: project.councilName,
        leaderName: project.leader?.name ?? null,
        kommuner: project.kommuner.map((k) => k.name),
      },
      closing,
      closing.report,
      lang,
    );
    const data = format === 'docx' ? await renderDocx(doc) : await renderPdf(doc);
    return { filename: `${doc.title} – ${project.name}.${format}`.replace(/[\\/:*?"<>|]/g, '-'), contentType: CONTENT_TYPES[format], data };
  }
}
