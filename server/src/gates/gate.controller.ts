import { Body, Controller, Get, HttpCode, Param, Post, Put, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { IdParam } from '../common/validation';
import { FileDownloadEndpoint, fileResponse, FileUploadEndpoint } from '../files/file-endpoints';
import type { UploadedFileLike } from '../files/file-validation';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { PhaseKeyParam } from '../common/params';
import { GateDto, ProposedDecisionDto, RecordDecisionDto, SetCheckpointDto, SubmitGateDto, UpdateConditionDto } from './gate.dto';
import { GateConditionService } from './gate-condition.service';
import { GateDecisionService } from './gate-decision.service';
import { GateMinutesService } from './gate-minutes.service';
import { GateService } from './gate.service';
import { GateSubmissionService } from './gate-submission.service';

@ApiTags('gates')
@Controller('projects/:id/phases/:phaseKey/gate')
@PhaseKeyParam()
export class GateController {
  constructor(
    private readonly gates: GateService,
    private readonly submissions: GateSubmissionService,
    private readonly decisions: GateDecisionService,
    private readonly conditions: GateConditionService,
    private readonly decisionMinutes: GateMinutesService,
  ) {}

  @Get()
  @Access.project('read')
  @ApiOkResponse({ type: GateDto })
  @ApiOperation({
    operationId: 'getGate',
    summary: 'The decision gate ending a phase: readiness checklist, checkpoints, submissions and decisions',
  })
  @ApiErrors(400)
  get(@CurrentUser() user: Principal, @IdParam() id: string, @Param('phaseKey') phaseKey: string): Promise<GateDto> {
    return this.gates.get(id, phaseKey, user.roles, undefined, user.userId);
  }

  @Put('checkpoints/:checkpointKey')
  @Access.project('submit')
  @ApiOkResponse({ type: GateDto })
  @ApiOperation({ operationId: 'setGateCheckpoint', summary: 'Tick or untick a manual checkpoint, with a comment (project leader)' })
  @ApiErrors(400, 409)
  setCheckpoint(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @Param('phaseKey') phaseKey: string,
    @Param('checkpointKey') checkpointKey: string,
    @Body() dto: SetCheckpointDto,
  ): Promise<GateDto> {
    return this.submissions.setCheckpoint(id, phaseKey, checkpointKey, dto, user);
  }

  @Post('submission')
  @HttpCode(200)
  @Access.project('submit')
  @ApiOkResponse({ type: GateDto })
  @ApiOperation({
    operationId: 'submitGate',
    summary: 'Submit the phase to the regionråd for decision (project leader); the phase must be ready',
  })
  @ApiErrors(400, 409, 422)
  submit(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @Param('phaseKey') phaseKey: string,
    @Body() dto: SubmitGateDto,
  ): Promise<GateDto> {
    return this.submissions.submit(id, phaseKey, dto, user);
  }

  @Post('decision')
  @HttpCode(200)
  @Access.project('decide')
  @ApiOkResponse({ type: GateDto })
  @ApiOperation({
    operationId: 'recordGateDecision',
    summary: 'Record the regionråd’s decision (vedtak): approve, approve with conditions, send back or stop',
  })
  @ApiErrors(400, 409, 422)
  decide(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @Param('phaseKey') phaseKey: string,
    @Body() dto: RecordDecisionDto,
  ): Promise<GateDto> {
    return this.decisions.decide(id, phaseKey, dto, user);
  }

  @Put('proposed-decision')
  @Access.project('read')
  @ApiOkResponse({ type: GateDto })
  @ApiOperation({
    operationId: 'setProposedDecision',
    summary: 'Edit the proposed decision (forslag til vedtak) of the submission awaiting decision (the secretariat)',
  })
  @ApiErrors(400, 403, 409)
  setProposedDecision(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @Param('phaseKey') phaseKey: string,
    @Body() dto: ProposedDecisionDto,
  ): Promise<GateDto> {
    return this.submissions.setProposedDecision(id, phaseKey, dto, user);
  }

  @Put('conditions/:conditionId')
  @Access.project('read')
  @ApiOkResponse({ type: GateDto })
  @ApiOperation({
    operationId: 'updateGateCondition',
    summary: 'Mark a condition met (project team or the condition’s owner, with a note or a file), waive or reopen it (the owner body)',
  })
  @ApiErrors(400, 403, 409, 422)
  updateCondition(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @Param('phaseKey') phaseKey: string,
    @IdParam('conditionId') conditionId: string,
    @Body() dto: UpdateConditionDto,
  ): Promise<GateDto> {
    return this.conditions.updateCondition(id, phaseKey, conditionId, dto, user);
  }

  @Post('conditions/:conditionId/file')
  @HttpCode(200)
  @Access.project('read')
  @FileUploadEndpoint()
  @ApiOkResponse({ type: GateDto })
  @ApiOperation({
    operationId: 'attachConditionFile',
    summary: 'Attach the evidence that a condition is met (a PDF or Word file; the project team or the condition’s owner)',
  })
  @ApiErrors(400, 403, 409, 422)
  attachConditionFile(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @Param('phaseKey') phaseKey: string,
    @IdParam('conditionId') conditionId: string,
    @UploadedFile() file: UploadedFileLike | undefined,
  ): Promise<GateDto> {
    return this.conditions.attachConditionFile(id, phaseKey, conditionId, file, user);
  }

  @Get('conditions/:conditionId/file')
  @Access.project('read')
  @ApiOperation({ operationId: 'downloadConditionFile', summary: 'Download the file attached to a condition' })
  @FileDownloadEndpoint()
  @ApiErrors(400)
  async conditionFile(
    @IdParam() id: string,
    @Param('phaseKey') phaseKey: string,
    @IdParam('conditionId') conditionId: string,
  ): Promise<StreamableFile> {
    const file = await this.conditions.readConditionFile(id, phaseKey, conditionId);
    return fileResponse(file);
  }

  @Post('decisions/:decisionId/minutes')
  @HttpCode(200)
  @Access.project('decide')
  @FileUploadEndpoint()
  @ApiOkResponse({ type: GateDto })
  @ApiOperation({ operationId: 'attachDecisionMinutes', summary: 'Attach the meeting minutes (protokoll) to a decision' })
  @ApiErrors(400, 422)
  attachMinutes(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @Param('phaseKey') phaseKey: string,
    @IdParam('decisionId') decisionId: string,
    @UploadedFile() file: UploadedFileLike | undefined,
  ): Promise<GateDto> {
    return this.decisionMinutes.attachMinutes(id, phaseKey, decisionId, file, user);
  }

  @Get('decisions/:decisionId/minutes')
  @Access.project('read')
  @ApiOperation({ operationId: 'downloadDecisionMinutes', summary: 'Download the minutes of a decision' })
  @FileDownloadEndpoint()
  @ApiErrors(400)
  async minutes(
    @IdParam() id: string,
    @Param('phaseKey') phaseKey: string,
    @IdParam('decisionId') decisionId: string,
  ): Promise<StreamableFile> {
    const file = await this.decisionMinutes.readMinutes(id, phaseKey, decisionId);
    return fileResponse(file);
  }
}
