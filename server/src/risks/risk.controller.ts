import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { IdParam } from '../common/validation';
import { fileResponse } from '../files/file-endpoints';
import { ApiErrors } from '../openapi/api-errors.decorator';
import {
  CreateRiskDto,
  ReportRisksDto,
  RiskDto,
  RiskExportQueryDto,
  RiskOwnerDto,
  TopRisksDto,
  TopRisksQueryDto,
  UpdateRiskDto,
} from './risk.dto';
import { RiskService } from './risk.service';
import { RiskExportService } from './risk-export.service';
import { RiskRegisterService } from './risk-register.service';
import { RiskReportService } from './risk-report.service';
import { TopRiskService } from './risk-top.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A project's risk register. Everyone who may read the project reads it; writes are for the project's
 * editors and the regionråd (shared mayEditRisks, checked by the service, so the rule reads 'read').
 */
@ApiTags('risks')
@Controller('projects/:id/risks')
export class RiskController {
  constructor(
    private readonly risks: RiskService,
    private readonly register: RiskRegisterService,
    private readonly files: RiskExportService,
  ) {}

  @Get()
  @Access.project('read')
  @ApiOkResponse({ type: [RiskDto] })
  @ApiOperation({ operationId: 'listRisks', summary: 'The risk register, by number' })
  @ApiErrors(400)
  list(@IdParam() id: string): Promise<RiskDto[]> {
    return this.risks.list(id);
  }

  @Get('owners')
  @Access.project('read')
  @ApiOkResponse({ type: [RiskOwnerDto] })
  @ApiOperation({ operationId: 'listRiskOwners', summary: 'Who may own a risk: the people with a role in the project or its region' })
  @ApiErrors(400)
  owners(@IdParam() id: string): Promise<RiskOwnerDto[]> {
    return this.risks.owners(id);
  }

  @Get('export')
  @Access.project('read')
  @ApiProduces('text/csv', XLSX)
  @ApiOkResponse({
    description: 'The register as a file',
    content: { 'text/csv': { schema: { type: 'string' } }, [XLSX]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiOperation({
    operationId: 'exportRisks',
    summary: 'Download the register as CSV (semicolons, UTF-8 with BOM, for Norwegian Excel) or as an Excel workbook',
  })
  @ApiErrors(400)
  async export(@IdParam() id: string, @Query() query: RiskExportQueryDto): Promise<StreamableFile> {
    return fileResponse(await this.files.export(id, query));
  }

  @Post()
  @Access.project('read')
  @ApiCreatedResponse({ type: RiskDto })
  @ApiOperation({ operationId: 'createRisk', summary: 'Add a risk to the register (project editors and the regionråd)' })
  @ApiErrors(400, 403, 409, 422)
  create(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: CreateRiskDto): Promise<RiskDto> {
    return this.register.create(id, dto, user);
  }

  @Patch(':riskId')
  @Access.project('read')
  @ApiOkResponse({ type: RiskDto })
  @ApiOperation({ operationId: 'updateRisk', summary: 'Change a risk: its assessment, measures, owner, proximity or status' })
  @ApiErrors(400, 403, 409, 422)
  update(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('riskId') riskId: string,
    @Body() dto: UpdateRiskDto,
  ): Promise<RiskDto> {
    return this.register.update(id, riskId, dto, user);
  }

  @Delete(':riskId')
  @HttpCode(204)
  @Access.project('read')
  @ApiNoContentResponse({ description: 'The risk is deleted; published status reports keep their copy' })
  @ApiOperation({ operationId: 'deleteRisk', summary: 'Delete a risk from the register' })
  @ApiErrors(400, 403, 409)
  remove(@CurrentUser() user: Principal, @IdParam() id: string, @IdParam('riskId') riskId: string): Promise<void> {
    return this.register.remove(id, riskId, user);
  }
}

/** The register kept with a status report. */
@ApiTags('risks', 'status reports')
@Controller('projects/:id/status-reports/:reportId/risks')
export class ReportRiskController {
  constructor(private readonly reports: RiskReportService) {}

  @Get()
  @Access.project('read')
  @ApiOkResponse({ type: ReportRisksDto })
  @ApiOperation({
    operationId: 'getStatusReportRisks',
    summary:
      'The risk register of a status report: as frozen when it was published (a draft: as it is now), and what changed since the previous published report',
  })
  @ApiErrors(400)
  get(@CurrentUser() user: Principal, @IdParam() id: string, @IdParam('reportId') reportId: string): Promise<ReportRisksDto> {
    return this.reports.forReport(id, reportId, user.roles);
  }
}

/** The top risks across the projects one follows, for the portfolio. */
@ApiTags('risks', 'portfolio')
@Controller('risks')
export class TopRiskController {
  constructor(private readonly risks: TopRiskService) {}

  @Get('top')
  @Access.signedIn()
  @ApiOkResponse({ type: TopRisksDto })
  @ApiOperation({
    operationId: 'getTopRisks',
    summary: 'The highest open risks of the active projects you follow (advisers, regionråd, admins), after measures',
  })
  @ApiErrors(400, 403, 404)
  top(@CurrentUser() user: Principal, @Query() query: TopRisksQueryDto): Promise<TopRisksDto> {
    return this.risks.top(user.roles, query);
  }
}
