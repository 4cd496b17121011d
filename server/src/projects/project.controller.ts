import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { IdParam, Optional } from '../common/validation';
import { HistoryEventDto, HistoryService } from '../history/history.service';
import { PhaseKeyParam } from '../common/params';
import { ApiErrors } from '../openapi/api-errors.decorator';
import {
  CreateProjectDto,
  ProjectDto,
  ProjectPageDto,
  ProjectSummaryDto,
  SetTeamDto,
  UpdatePhaseDto,
  UpdateProjectDto,
} from './project.dto';
import { ProjectPageService } from './project-page.service';
import { ProjectService } from './project.service';

export class ProjectQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: '$property must be a UUID' })
  regionId?: string;
}

@ApiTags('projects')
@Controller('projects')
export class ProjectController {
  constructor(
    private readonly projects: ProjectService,
    private readonly pages: ProjectPageService,
    private readonly history: HistoryService,
  ) {}

  @Get()
  @Access.signedIn()
  @ApiOkResponse({ type: [ProjectSummaryDto] })
  @ApiOperation({ operationId: 'listProjects', summary: 'The projects you may see, optionally of one region' })
  @ApiErrors(400)
  list(@CurrentUser() user: Principal, @Query() query: ProjectQueryDto): Promise<ProjectSummaryDto[]> {
    return this.projects.list(user.roles, query.regionId);
  }

  @Post()
  @Access.signedIn()
  @ApiCreatedResponse({ type: ProjectDto })
  @ApiOperation({
    operationId: 'createProject',
    summary:
      'Start a Næringsvennlig region project: its forstudie starts today, or on the day given for one already under way (regionråd, admin)',
  })
  @ApiErrors(400, 403, 404, 422)
  create(@CurrentUser() user: Principal, @Body() dto: CreateProjectDto): Promise<ProjectDto> {
    return this.projects.create(dto, user);
  }

  @Get(':id')
  @Access.project('read')
  @ApiOkResponse({ type: ProjectDto })
  @ApiOperation({ operationId: 'getProject', summary: 'A project with its phases, deliverables, readiness and your next actions' })
  get(@CurrentUser() user: Principal, @IdParam() id: string): Promise<ProjectDto> {
    return this.projects.get(id, user.roles);
  }

  @Get(':id/page')
  @Access.project('read')
  @ApiOkResponse({ type: ProjectPageDto })
  @ApiOperation({
    operationId: 'getProjectPage',
    summary: 'Everything a project’s page shows, in one answer',
    description:
      'The project (as getProject answers it), its history (as getProjectHistory), and for those who manage the project (regionråd, admin) the people directory (as listPeople) and the region’s current member kommuner, to choose the team and kommuner from; these two are null for everyone else.',
  })
  @ApiErrors(400, 404)
  getPage(@CurrentUser() user: Principal, @IdParam() id: string): Promise<ProjectPageDto> {
    return this.pages.page(id, user.roles);
  }

  @Patch(':id')
  @Access.project('read')
  @ApiOkResponse({ type: ProjectDto })
  @ApiOperation({ operationId: 'updateProject', summary: 'Change name, description or participating kommuner (regionråd, admin)' })
  @ApiErrors(400, 409, 422)
  update(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: UpdateProjectDto): Promise<ProjectDto> {
    return this.projects.update(id, dto, user);
  }

  @Put(':id/team')
  @Access.project('read')
  @ApiOkResponse({ type: ProjectDto })
  @ApiOperation({ operationId: 'setProjectTeam', summary: 'Set the project leader and group (regionråd, admin)' })
  @ApiErrors(400, 404)
  setTeam(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: SetTeamDto): Promise<ProjectDto> {
    return this.projects.setTeam(id, dto, user);
  }

  @Patch(':id/phases/:phaseKey')
  @Access.project('edit')
  @PhaseKeyParam()
  @ApiOkResponse({ type: ProjectDto })
  @ApiOperation({
    operationId: 'updatePhase',
    summary: 'Set a phase’s planned start and end, and the actual start of the phase in progress (project leader and group)',
  })
  @ApiErrors(400, 409, 422)
  updatePhase(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @Param('phaseKey') phaseKey: string,
    @Body() dto: UpdatePhaseDto,
  ): Promise<ProjectDto> {
    return this.projects.updatePhase(id, phaseKey, dto, user);
  }

  @Get(':id/history')
  @Access.project('read')
  @ApiOkResponse({ type: [HistoryEventDto] })
  @ApiOperation({ operationId: 'getProjectHistory', summary: 'Every change to the project, newest first' })
  getHistory(@IdParam() id: string): Promise<HistoryEventDto[]> {
    return this.history.list(id);
  }
}
