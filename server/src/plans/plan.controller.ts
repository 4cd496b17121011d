import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { IdParam } from '../common/validation';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { PhaseKeyParam } from '../common/params';
import {
  CompareQueryDto,
  PlanComparisonDto,
  PlanDto,
  SaveBudgetDto,
  SaveCostSharingDto,
  SaveSnapshotDto,
  SnapshotDto,
  UpdatePlanDto,
} from './plan.dto';
import { PlanService } from './plan.service';

@ApiTags('plans')
@Controller('projects/:id/phases/:phaseKey/plan')
@PhaseKeyParam()
export class PlanController {
  constructor(private readonly plans: PlanService) {}

  @Get()
  @Access.project('read')
  @ApiOkResponse({ type: PlanDto })
  @ApiOperation({ operationId: 'getPlan', summary: 'The phase plan with its template, completeness, budget, cost sharing and versions' })
  @ApiErrors(400)
  get(@CurrentUser() user: Principal, @IdParam() id: string, @Param('phaseKey') phaseKey: string): Promise<PlanDto> {
    return this.plans.get(id, phaseKey, user.roles, undefined, user.language);
  }

  @Patch()
  @Access.project('edit')
  @ApiOkResponse({ type: PlanDto })
  @ApiOperation({ operationId: 'updatePlan', summary: 'Save answers to some of the plan’s fields (autosave)' })
  @ApiErrors(400, 409)
  update(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @Param('phaseKey') phaseKey: string,
    @Body() dto: UpdatePlanDto,
  ): Promise<PlanDto> {
    return this.plans.update(id, phaseKey, dto, user);
  }

  @Put('budget')
  @Access.project('edit')
  @ApiOkResponse({ type: PlanDto })
  @ApiOperation({ operationId: 'savePlanBudget', summary: 'Replace the budget’s cost and financing lines' })
  @ApiErrors(400, 409)
  saveBudget(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @Param('phaseKey') phaseKey: string,
    @Body() dto: SaveBudgetDto,
  ): Promise<PlanDto> {
    return this.plans.saveBudget(id, phaseKey, dto, user);
  }

  @Put('cost-sharing')
  @Access.project('edit')
  @ApiOkResponse({ type: PlanDto })
  @ApiOperation({ operationId: 'savePlanCostSharing', summary: 'Choose how the kommuner share their direct contribution' })
  @ApiErrors(400, 409, 422)
  saveCostSharing(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @Param('phaseKey') phaseKey: string,
    @Body() dto: SaveCostSharingDto,
  ): Promise<PlanDto> {
    return this.plans.saveCostSharing(id, phaseKey, dto, user);
  }

  @Post('versions')
  @Access.project('edit')
  @ApiCreatedResponse({ type: PlanDto })
  @ApiOperation({ operationId: 'savePlanVersion', summary: 'Keep the plan as it is now as a numbered version' })
  @ApiErrors(400, 409)
  saveVersion(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @Param('phaseKey') phaseKey: string,
    @Body() dto: SaveSnapshotDto,
  ): Promise<PlanDto> {
    return this.plans.saveSnapshot(id, phaseKey, dto.label, user);
  }

  @Get('versions/:number')
  @Access.project('read')
  @ApiOkResponse({ type: SnapshotDto })
  @ApiOperation({ operationId: 'getPlanVersion', summary: 'A kept version of the plan (approved versions are frozen)' })
  @ApiErrors(400, 404)
  version(@IdParam() id: string, @Param('phaseKey') phaseKey: string, @Param('number', ParseIntPipe) number: number): Promise<SnapshotDto> {
    return this.plans.getSnapshot(id, phaseKey, number);
  }

  @Get('compare')
  @Access.project('read')
  @ApiOkResponse({ type: PlanComparisonDto })
  @ApiOperation({ operationId: 'comparePlanVersions', summary: 'What changed between two versions (numbers, or "current")' })
  @ApiErrors(400, 404)
  compare(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @Param('phaseKey') phaseKey: string,
    @Query() q: CompareQueryDto,
  ): Promise<PlanComparisonDto> {
    return this.plans.compare(id, phaseKey, q.from, q.to, user.roles);
  }
}
