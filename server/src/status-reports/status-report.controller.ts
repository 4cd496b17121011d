import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { IdParam } from '../common/validation';
import { ApiErrors } from '../openapi/api-errors.decorator';
import {
  CreateStatusReportDto,
  PublishStatusReportDto,
  StatusReportDto,
  StatusReportSummaryDto,
  UpdateStatusReportDto,
} from './status-report.dto';
import { StatusReportService } from './status-report.service';

@ApiTags('status reports')
@Controller('projects/:id/status-reports')
export class StatusReportController {
  constructor(private readonly reports: StatusReportService) {}

  @Get()
  @Access.project('read')
  @ApiOkResponse({ type: [StatusReportSummaryDto] })
  @ApiOperation({
    operationId: 'listStatusReports',
    summary: 'The project’s status reports, newest period first (drafts only for the project team)',
  })
  @ApiErrors(400)
  list(@CurrentUser() user: Principal, @IdParam() id: string): Promise<StatusReportSummaryDto[]> {
    return this.reports.list(id, user.roles);
  }

  @Post()
  @Access.project('submit')
  @ApiCreatedResponse({ type: StatusReportDto })
  @ApiOperation({
    operationId: 'createStatusReport',
    summary: 'Start a draft report for a month, from the latest report’s colours and figures (project leader)',
  })
  @ApiErrors(400, 409, 422)
  create(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: CreateStatusReportDto): Promise<StatusReportDto> {
    return this.reports.create(id, dto, user);
  }

  @Get(':reportId')
  @Access.project('read')
  @ApiOkResponse({ type: StatusReportDto })
  @ApiOperation({ operationId: 'getStatusReport', summary: 'A status report' })
  @ApiErrors(400)
  get(@CurrentUser() user: Principal, @IdParam() id: string, @IdParam('reportId') reportId: string): Promise<StatusReportDto> {
    return this.reports.get(id, reportId, user.roles);
  }

  @Patch(':reportId')
  @Access.project('submit')
  @ApiOkResponse({ type: StatusReportDto })
  @ApiOperation({ operationId: 'updateStatusReport', summary: 'Change a draft report: colours, comments, figures, next steps or period' })
  @ApiErrors(400, 409, 422)
  update(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('reportId') reportId: string,
    @Body() dto: UpdateStatusReportDto,
  ): Promise<StatusReportDto> {
    return this.reports.update(id, reportId, dto, user);
  }

  @Post(':reportId/publish')
  @HttpCode(200)
  @Access.project('submit')
  @ApiOkResponse({ type: StatusReportDto })
  @ApiOperation({ operationId: 'publishStatusReport', summary: 'Publish a complete draft; a published report is frozen' })
  @ApiErrors(400, 409, 422)
  publish(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('reportId') reportId: string,
    @Body() dto: PublishStatusReportDto,
  ): Promise<StatusReportDto> {
    return this.reports.publish(id, reportId, dto, user);
  }

  @Delete(':reportId')
  @HttpCode(204)
  @Access.project('submit')
  @ApiNoContentResponse({ description: 'The draft is deleted' })
  @ApiOperation({ operationId: 'deleteStatusReport', summary: 'Delete a draft report' })
  @ApiErrors(400, 409)
  remove(@CurrentUser() user: Principal, @IdParam() id: string, @IdParam('reportId') reportId: string): Promise<void> {
    return this.reports.remove(id, reportId, user);
  }
}
