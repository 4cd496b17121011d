import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { IdParam } from '../common/validation';
import { contentDisposition } from '../files/file-validation';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { DocumentQueryDto } from '../plans/plan.dto';
import { PhaseKeyParam } from '../common/params';
import { CaseDocumentQueryDto, MinutesExtractQueryDto } from './document.dto';
import { DocumentService, RenderedDocument } from './document.service';

const FileResponse = () =>
  ApiOkResponse({
    description: 'The document',
    content: {
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: { type: 'string', format: 'binary' } },
    },
  });

const send = (doc: RenderedDocument) =>
  new StreamableFile(doc.data, { type: doc.contentType, disposition: contentDisposition(doc.filename), length: doc.data.length });

@ApiTags('documents')
@Controller('projects/:id')
export class DocumentController {
  constructor(private readonly documents: DocumentService) {}

  @Get('phases/:phaseKey/plan/document')
  @Access.project('read')
  @PhaseKeyParam()
  @FileResponse()
  @ApiOperation({ operationId: 'downloadPlanDocument', summary: 'The phase plan as PDF or DOCX, with budget and cost sharing' })
  @ApiErrors(400)
  async plan(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @Param('phaseKey') phaseKey: string,
    @Query() q: DocumentQueryDto,
  ): Promise<StreamableFile> {
    return send(await this.documents.plan(id, phaseKey, user.roles, q.format ?? 'pdf', q.lang ?? 'nb'));
  }

  @Get('deliverables/:deliverableId/document')
  @Access.project('read')
  @FileResponse()
  @ApiOperation({ operationId: 'downloadDeliverableDocument', summary: 'A deliverable as PDF or DOCX' })
  @ApiErrors(400)
  async deliverable(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('deliverableId') deliverableId: string,
    @Query() q: DocumentQueryDto,
  ): Promise<StreamableFile> {
    return send(await this.documents.deliverable(id, deliverableId, user.roles, q.format ?? 'pdf', q.lang ?? 'nb'));
  }

  @Get('phases/:phaseKey/gate/document')
  @Access.project('read')
  @PhaseKeyParam()
  @FileResponse()
  @ApiOperation({
    operationId: 'downloadGateDocument',
    summary: 'The decision basis (readiness checklist, submission, decision) as PDF or DOCX',
  })
  @ApiErrors(400)
  async gate(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @Param('phaseKey') phaseKey: string,
    @Query() q: DocumentQueryDto,
  ): Promise<StreamableFile> {
    return send(await this.documents.gate(id, phaseKey, user.roles, q.format ?? 'pdf', q.lang ?? 'nb'));
  }

  @Get('phases/:phaseKey/gate/case-document')
  @Access.project('read')
  @PhaseKeyParam()
  @FileResponse()
  @ApiOperation({
    operationId: 'downloadGateCaseDocument',
    summary:
      'The case document (saksframlegg) of the newest submission for one body on its case route: proposed decision, background, summary of the final report, plan, budget, each kommune’s share, attachments',
  })
  @ApiErrors(400, 404, 409)
  async caseDocument(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @Param('phaseKey') phaseKey: string,
    @Query() q: CaseDocumentQueryDto,
  ): Promise<StreamableFile> {
    return send(await this.documents.caseDocument(id, phaseKey, q.step, user.roles, q.format ?? 'pdf', q.lang ?? 'nb'));
  }

  @Get('phases/:phaseKey/gate/minutes-extract')
  @Access.project('read')
  @PhaseKeyParam()
  @FileResponse()
  @ApiOperation({
    operationId: 'downloadGateMinutesExtract',
    summary:
      'The extract of the minutes (protokollutdrag) of a gate decision: body, meeting, decision, outcome, conditions, earlier recommendations',
  })
  @ApiErrors(400, 404, 409)
  async minutesExtract(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @Param('phaseKey') phaseKey: string,
    @Query() q: MinutesExtractQueryDto,
  ): Promise<StreamableFile> {
    return send(await this.documents.minutesExtract(id, phaseKey, q.submission, user.roles, q.format ?? 'pdf', q.lang ?? 'nb'));
  }
}
