import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { PhaseKeyParam } from '../common/params';
import { IdParam } from '../common/validation';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { KommuneCasesDto, RecordKommuneDecisionDto, SetKommuneDeadlineDto } from './kommune-case.dto';
import { KommuneCaseService } from './kommune-case.service';

/** Each kommunestyre's decision on a gate that asks the kommuner for money. */
@ApiTags('gates', 'kommune cases')
@Controller('projects/:id/phases/:phaseKey/gate')
@PhaseKeyParam()
export class KommuneCaseController {
  constructor(private readonly cases: KommuneCaseService) {}

  @Get('kommune-cases')
  @Access.project('read')
  @ApiOkResponse({ type: KommuneCasesDto, description: 'No cases when the newest submission asks the kommuner for no money' })
  @ApiOperation({
    operationId: 'getKommuneCases',
    summary: 'Each kommunestyre’s case on the newest submission: decisions, the summary, and what a “no” means for the others',
  })
  @ApiErrors(400)
  list(@IdParam() id: string, @Param('phaseKey') phaseKey: string): Promise<KommuneCasesDto> {
    return this.cases.forPhase(id, phaseKey);
  }

  @Put('kommune-cases/:caseId')
  @Access.project('record_kommune')
  @ApiOkResponse({ type: KommuneCasesDto })
  @ApiOperation({
    operationId: 'recordKommuneDecision',
    summary: 'Record a kommunestyre’s decision on its share (the kommune contact or the secretariat), while the gate awaits its decision',
  })
  @ApiErrors(400, 409, 422)
  record(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @Param('phaseKey') phaseKey: string,
    @IdParam('caseId') caseId: string,
    @Body() dto: RecordKommuneDecisionDto,
  ): Promise<KommuneCasesDto> {
    return this.cases.record(id, phaseKey, caseId, dto, user);
  }

  @Put('kommune-deadline')
  @Access.project('decide')
  @ApiOkResponse({ type: KommuneCasesDto })
  @ApiOperation({ operationId: 'setKommuneDeadline', summary: 'Set the deadline of every kommunestyre that has not decided yet' })
  @ApiErrors(400, 409, 422)
  setDeadline(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @Param('phaseKey') phaseKey: string,
    @Body() dto: SetKommuneDeadlineDto,
  ): Promise<KommuneCasesDto> {
    return this.cases.setDeadline(id, phaseKey, dto, user);
  }
}
