import { Body, Controller, Get, HttpCode, Patch, Post, Query, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { IdParam } from '../common/validation';
import { fileResponse } from '../files/file-endpoints';
import type { UploadedFileLike } from '../files/file-validation';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { ImportUploadEndpoint } from './survey-import';
import {
  CrossTabDto,
  CrossTabQueryDto,
  ImportResultDto,
  RedactDto,
  SurveyExportQueryDto,
  SurveyImportBodyDto,
  SurveyImportQueryDto,
  SurveyReportQueryDto,
  SurveyResultsDto,
  TextAnswerDto,
} from './survey-results.dto';
import { SurveyResultsService } from './survey-results.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const binary = { schema: { type: 'string', format: 'binary' } } as const;

/** Results, cross-tabulations, exports, the report chapter and imports of a project's surveys. */
@ApiTags('surveys')
@Controller('projects/:id/surveys/:surveyId')
export class SurveyResultsController {
  constructor(private readonly results: SurveyResultsService) {}

  @Get('results')
  @Access.project('read')
  @ApiOkResponse({ type: SurveyResultsDto })
  @ApiOperation({
    operationId: 'getSurveyResults',
    summary: 'Counts and shares per question (free texts only for those who may edit the project)',
  })
  @ApiErrors(400)
  get(@CurrentUser() user: Principal, @IdParam() id: string, @IdParam('surveyId') surveyId: string): Promise<SurveyResultsDto> {
    return this.results.results(id, surveyId, user.roles);
  }

  @Get('crosstab')
  @Access.project('read')
  @ApiOkResponse({ type: CrossTabDto })
  @ApiOperation({
    operationId: 'getSurveyCrossTab',
    summary: 'One question by the grouping question or by kommune; groups with fewer answers than the survey’s minimum are suppressed',
  })
  @ApiErrors(400, 409, 422)
  crossTab(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('surveyId') surveyId: string,
    @Query() q: CrossTabQueryDto,
  ): Promise<CrossTabDto> {
    return this.results.crossTab(id, surveyId, q.question, q.by, q.lang ?? 'nb', user.roles);
  }

  @Patch('responses/:responseId/redact')
  @Access.project('edit')
  @ApiOkResponse({ type: TextAnswerDto })
  @ApiOperation({
    operationId: 'redactSurveyAnswer',
    summary: 'Remove the free text of one answer (e.g. a name or something that identifies)',
  })
  @ApiErrors(400, 409, 422)
  redact(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('surveyId') surveyId: string,
    @IdParam('responseId') responseId: string,
    @Body() dto: RedactDto,
  ): Promise<TextAnswerDto> {
    return this.results.redact(id, surveyId, responseId, dto.question, user);
  }

  @Get('export')
  @Access.project('read')
  @ApiProduces('text/csv', XLSX)
  @ApiOkResponse({
    description: 'The answers or tables as a file',
    content: { 'text/csv': { schema: { type: 'string' } }, [XLSX]: binary },
  })
  @ApiOperation({
    operationId: 'exportSurvey',
    summary:
      'Download the tables (read) or the raw anonymous answers (project edit) as CSV (semicolons, UTF-8 with BOM, for Norwegian Excel) or Excel',
  })
  @ApiErrors(400, 403, 409)
  async export(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('surveyId') surveyId: string,
    @Query() q: SurveyExportQueryDto,
  ): Promise<StreamableFile> {
    return fileResponse(await this.results.export(id, surveyId, q, user.roles));
  }

  @Get('report')
  @Access.project('read')
  @ApiProduces('application/pdf', DOCX)
  @ApiOkResponse({ description: 'The report chapter', content: { 'application/pdf': binary, [DOCX]: binary } })
  @ApiOperation({
    operationId: 'downloadSurveyReport',
    summary: 'A chapter for the final report: method, a table per question, the main cross-tab',
  })
  @ApiErrors(400)
  async report(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('surveyId') surveyId: string,
    @Query() q: SurveyReportQueryDto,
  ): Promise<StreamableFile> {
    return fileResponse(await this.results.report(id, surveyId, q.format ?? 'pdf', q.lang ?? 'nb', user.roles));
  }

  @Post('imports')
  @HttpCode(200)
  @Access.project('edit')
  @ImportUploadEndpoint()
  @ApiOkResponse({ type: ImportResultDto })
  @ApiOperation({
    operationId: 'importSurveyAnswers',
    summary:
      'Import answers from a CSV or Excel file (all rows or none); dryRun=true only checks the file and lists every row that does not fit',
  })
  @ApiErrors(400, 409, 422)
  import(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('surveyId') surveyId: string,
    @Query() q: SurveyImportQueryDto,
    @Body() body: SurveyImportBodyDto,
    @UploadedFile() file: UploadedFileLike | undefined,
  ): Promise<ImportResultDto> {
    return this.results.import(id, surveyId, file, body, q, user);
  }
}
