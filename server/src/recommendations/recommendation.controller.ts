import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { IdParam } from '../common/validation';
import { ApiErrors } from '../openapi/api-errors.decorator';
import {
  CreateRecommendationDto,
  MoveRecommendationDto,
  RecommendationDto,
  RecommendationStatusDto,
  UpdateRecommendationDto,
} from './recommendation.dto';
import { RecommendationService } from './recommendation.service';

@ApiTags('recommendations')
@Controller('projects/:id/recommendations')
export class RecommendationController {
  constructor(private readonly recommendations: RecommendationService) {}

  @Get()
  @Access.project('read')
  @ApiOkResponse({ type: [RecommendationDto] })
  @ApiOperation({ operationId: 'listRecommendations', summary: 'The recommendations register, in order' })
  @ApiErrors(400)
  list(@IdParam() id: string): Promise<RecommendationDto[]> {
    return this.recommendations.list(id);
  }

  @Post()
  @Access.project('edit')
  @ApiCreatedResponse({ type: RecommendationDto })
  @ApiOperation({
    operationId: 'createRecommendation',
    summary: 'Add a recommendation (anbefaling) with its reasoning and evidence, last in order',
  })
  @ApiErrors(400, 409, 422)
  create(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: CreateRecommendationDto): Promise<RecommendationDto> {
    return this.recommendations.create(id, dto, user);
  }

  @Patch(':recommendationId')
  @Access.project('edit')
  @ApiOkResponse({ type: RecommendationDto })
  @ApiOperation({ operationId: 'updateRecommendation', summary: 'Change a proposed recommendation' })
  @ApiErrors(400, 409, 422)
  update(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('recommendationId') recommendationId: string,
    @Body() dto: UpdateRecommendationDto,
  ): Promise<RecommendationDto> {
    return this.recommendations.update(id, recommendationId, dto, user);
  }

  @Delete(':recommendationId')
  @HttpCode(204)
  @Access.project('edit')
  @ApiNoContentResponse({ description: 'The recommendation is deleted' })
  @ApiOperation({ operationId: 'deleteRecommendation', summary: 'Delete a proposed recommendation' })
  @ApiErrors(400, 409)
  remove(@CurrentUser() user: Principal, @IdParam() id: string, @IdParam('recommendationId') recommendationId: string): Promise<void> {
    return this.recommendations.remove(id, recommendationId, user);
  }

  @Post(':recommendationId/move')
  @HttpCode(200)
  @Access.project('edit')
  @ApiOkResponse({ type: [RecommendationDto] })
  @ApiOperation({ operationId: 'moveRecommendation', summary: 'Move a recommendation one place up or down; answers the register' })
  @ApiErrors(400, 409)
  move(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('recommendationId') recommendationId: string,
    @Body() dto: MoveRecommendationDto,
  ): Promise<RecommendationDto[]> {
    return this.recommendations.move(id, recommendationId, dto, user);
  }

  /** The rule depends on the move (edit to put to the owner, decide for the owner's outcome): the service checks it. */
  @Post(':recommendationId/status')
  @HttpCode(200)
  @Access.project('read')
  @ApiOkResponse({ type: RecommendationDto })
  @ApiOperation({
    operationId: 'changeRecommendationStatus',
    summary:
      'Put a recommendation to the owner or take it back (project editors); adopt, reject or send it on for examination (regionråd). Adopting adds it as a sub-goal to the forprosjekt plan',
  })
  @ApiErrors(400, 409)
  changeStatus(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('recommendationId') recommendationId: string,
    @Body() dto: RecommendationStatusDto,
  ): Promise<RecommendationDto> {
    return this.recommendations.changeStatus(id, recommendationId, dto, user);
  }
}
