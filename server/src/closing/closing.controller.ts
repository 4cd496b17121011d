import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { IdParam } from '../common/validation';
import { contentDisposition } from '../files/file-validation';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { DocumentQueryDto } from '../plans/plan.dto';
import {
  ClosingDto,
  CreateLessonDto,
  RecordClosingDecisionDto,
  SaveEvaluationDto,
  StartReportDto,
  UpdateLessonDto,
  UpdateReportDto,
} from './closing.dto';
import { ClosingService } from './closing.service';
import { ClosingDecisionService } from './closing-decision.service';
import { ClosingDocumentService } from './closing-document.service';
import { ClosingEvaluationService } from './closing-evaluation.service';
import { ClosingLessonService } from './closing-lesson.service';
import { ClosingReportService } from './closing-report.service';

const DocumentResponse = () =>
  ApiOkResponse({
    description: 'The final report',
    content: {
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: { type: 'string', format: 'binary' } },
    },
  });

@ApiTags('closing')
@Controller('projects/:id/closing')
export class ClosingController {
  constructor(
    private readonly closing: ClosingService,
    private readonly reports: ClosingReportService,
    private readonly evaluations: ClosingEvaluationService,
    private readonly lessons: ClosingLessonService,
    private readonly decisions: ClosingDecisionService,
    private readonly documents: ClosingDocumentService,
  ) {}

  @Get()
  @Access.project('read')
  @ApiOkResponse({ type: ClosingDto })
  @ApiOperation({
    operationId: 'getClosing',
    summary: 'The closing of the hovedprosjekt: final report, both evaluations side by side, lessons, readiness and the closing decision',
  })
  @ApiErrors(400)
  get(@CurrentUser() user: Principal, @IdParam() id: string): Promise<ClosingDto> {
    return this.closing.get(id, user.roles);
  }

  @Post('report')
  @Access.project('submit')
  @ApiCreatedResponse({ type: ClosingDto })
  @ApiOperation({
    operationId: 'startClosingReport',
    summary:
      'Start the final report from its outline, pre-filled from the plan, deliverables, gate decisions and status reports (project leader)',
  })
  @ApiErrors(400, 409)
  startReport(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: StartReportDto): Promise<ClosingDto> {
    return this.reports.startReport(id, dto, user);
  }

  @Put('report')
  @Access.project('submit')
  @ApiOkResponse({ type: ClosingDto })
  @ApiOperation({
    operationId: 'updateClosingReport',
    summary: 'Edit the final report’s sections and its budget and spending (project leader)',
  })
  @ApiErrors(400, 409)
  updateReport(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: UpdateReportDto): Promise<ClosingDto> {
    return this.reports.updateReport(id, dto, user);
  }

  @Get('report/document')
  @Access.project('read')
  @DocumentResponse()
  @ApiOperation({
    operationId: 'downloadClosingReport',
    summary: 'The final report as PDF or DOCX, with the evaluations, lessons and decision (before it is started: the outline)',
  })
  @ApiErrors(400)
  async document(@CurrentUser() user: Principal, @IdParam() id: string, @Query() q: DocumentQueryDto): Promise<StreamableFile> {
    const doc = await this.documents.reportDocument(id, user.roles, q.format ?? 'pdf', q.lang ?? 'nb');
    return new StreamableFile(doc.data, { type: doc.contentType, disposition: contentDisposition(doc.filename), length: doc.data.length });
  }

  @Put('evaluations/leader')
  @Access.project('submit')
  @ApiOkResponse({ type: ClosingDto })
  @ApiOperation({ operationId: 'saveLeaderEvaluation', summary: 'Save the project leader’s scores of the ten success factors' })
  @ApiErrors(400, 409)
  saveLeader(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: SaveEvaluationDto): Promise<ClosingDto> {
    return this.evaluations.saveEvaluation(id, 'leader', dto, user);
  }

  @Put('evaluations/owner')
  @Access.project('decide')
  @ApiOkResponse({ type: ClosingDto })
  @ApiOperation({ operationId: 'saveOwnerEvaluation', summary: 'Save the owner’s (the regionråd’s) scores of the ten success factors' })
  @ApiErrors(400, 409)
  saveOwner(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: SaveEvaluationDto): Promise<ClosingDto> {
    return this.evaluations.saveEvaluation(id, 'owner', dto, user);
  }

  @Post('lessons')
  @Access.project('submit')
  @ApiCreatedResponse({ type: ClosingDto })
  @ApiOperation({ operationId: 'addLesson', summary: 'Add a lesson to the lessons log (project leader)' })
  @ApiErrors(400, 409)
  addLesson(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: CreateLessonDto): Promise<ClosingDto> {
    return this.lessons.addLesson(id, dto, user);
  }

  @Patch('lessons/:lessonId')
  @Access.project('submit')
  @ApiOkResponse({ type: ClosingDto })
  @ApiOperation({ operationId: 'updateLesson', summary: 'Change a lesson (project leader)' })
  @ApiErrors(400, 409)
  updateLesson(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('lessonId') lessonId: string,
    @Body() dto: UpdateLessonDto,
  ): Promise<ClosingDto> {
    return this.lessons.updateLesson(id, lessonId, dto, user);
  }

  @Delete('lessons/:lessonId')
  @HttpCode(200)
  @Access.project('submit')
  @ApiOkResponse({ type: ClosingDto })
  @ApiOperation({ operationId: 'deleteLesson', summary: 'Delete a lesson (project leader)' })
  @ApiErrors(400, 409)
  deleteLesson(@CurrentUser() user: Principal, @IdParam() id: string, @IdParam('lessonId') lessonId: string): Promise<ClosingDto> {
    return this.lessons.deleteLesson(id, lessonId, user);
  }

  @Post('decision')
  @HttpCode(200)
  @Access.project('decide')
  @ApiOkResponse({ type: ClosingDto })
  @ApiOperation({
    operationId: 'recordClosingDecision',
    summary:
      'Record the owner’s closing decision: close, or carry on as a permanent cooperation; it ends the project (the regionråd). Needs the final report and both evaluations, or a reason to decide without them',
  })
  @ApiErrors(400, 409, 422)
  decide(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: RecordClosingDecisionDto): Promise<ClosingDto> {
    return this.decisions.decide(id, dto, user);
  }
}
