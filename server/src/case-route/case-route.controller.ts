import { Body, Controller, Get, HttpCode, Param, Post, Put, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { PhaseKeyParam } from '../common/params';
import { IdParam } from '../common/validation';
import { FileDownloadEndpoint, fileResponse, FileUploadEndpoint } from '../files/file-endpoints';
import type { UploadedFileLike } from '../files/file-validation';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { CaseRouteDto, CaseStepDto, HandleCaseStepDto, SaveCaseRouteDto } from './case-route.dto';
import { CaseRouteService } from './case-route.service';

/** A region's case route: its bodies in order and who decides each kind of gate. */
@ApiTags('regions', 'case route')
@Controller('regions/:id/case-route')
export class CaseRouteController {
  constructor(private readonly routes: CaseRouteService) {}

  @Get()
  @Access.region('read')
  @ApiOkResponse({ type: CaseRouteDto })
  @ApiOperation({
    operationId: 'getCaseRoute',
    summary: 'The bodies a region’s gate cases pass, in order, and which body decides each kind of gate',
  })
  @ApiErrors(400)
  get(@CurrentUser() user: Principal, @IdParam() id: string): Promise<CaseRouteDto> {
    return this.routes.getRoute(id, user.roles);
  }

  @Put()
  @Access.region('decide')
  @ApiOkResponse({ type: CaseRouteDto })
  @ApiOperation({
    operationId: 'saveCaseRoute',
    summary: 'Replace the region’s case route (the regionråd secretariat): bodies in order, the owner, and the gates each decides',
  })
  @ApiErrors(400, 409, 422)
  save(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: SaveCaseRouteDto): Promise<CaseRouteDto> {
    return this.routes.saveRoute(id, dto, user);
  }
}

/** Each body's handling of a submitted gate's case, recorded by the secretariat. */
@ApiTags('gates', 'case route')
@Controller('projects/:id/phases/:phaseKey/gate/steps')
@PhaseKeyParam()
export class CaseStepController {
  constructor(private readonly routes: CaseRouteService) {}

  @Get()
  @Access.project('read')
  @ApiOkResponse({ type: [CaseStepDto] })
  @ApiOperation({ operationId: 'listGateCaseSteps', summary: 'The bodies the newest submission’s case passes, with each one’s handling' })
  @ApiErrors(400)
  list(@IdParam() id: string, @Param('phaseKey') phaseKey: string): Promise<CaseStepDto[]> {
    return this.routes.phaseSteps(id, phaseKey);
  }

  @Post(':stepId')
  @HttpCode(200)
  @Access.project('decide')
  @ApiOkResponse({ type: [CaseStepDto] })
  @ApiOperation({
    operationId: 'handleGateCaseStep',
    summary: 'Record a body’s handling of the case (meeting, case number, innstilling); the case moves on to the next body',
  })
  @ApiErrors(400, 409, 422)
  handle(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @Param('phaseKey') phaseKey: string,
    @IdParam('stepId') stepId: string,
    @Body() dto: HandleCaseStepDto,
  ): Promise<CaseStepDto[]> {
    return this.routes.handleStep(id, phaseKey, stepId, dto, user);
  }

  @Post(':stepId/minutes')
  @HttpCode(200)
  @Access.project('decide')
  @FileUploadEndpoint()
  @ApiOkResponse({ type: [CaseStepDto] })
  @ApiOperation({ operationId: 'attachGateCaseStepMinutes', summary: 'Attach the minutes (protokoll) of a body’s meeting to its step' })
  @ApiErrors(400, 422)
  attachMinutes(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @Param('phaseKey') phaseKey: string,
    @IdParam('stepId') stepId: string,
    @UploadedFile() file: UploadedFileLike | undefined,
  ): Promise<CaseStepDto[]> {
    return this.routes.attachMinutes(id, phaseKey, stepId, file, user);
  }

  @Get(':stepId/minutes')
  @Access.project('read')
  @ApiOperation({ operationId: 'downloadGateCaseStepMinutes', summary: 'Download the minutes of a body’s meeting' })
  @FileDownloadEndpoint()
  @ApiErrors(400)
  async minutes(@IdParam() id: string, @Param('phaseKey') phaseKey: string, @IdParam('stepId') stepId: string): Promise<StreamableFile> {
    const file = await this.routes.readMinutes(id, phaseKey, stepId);
    return fileResponse(file);
  }
}
