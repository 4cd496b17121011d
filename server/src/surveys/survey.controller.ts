import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { IdParam } from '../common/validation';
import { ApiErrors } from '../openapi/api-errors.decorator';
import {
  CreateSurveyDto,
  CreateSurveyLinkDto,
  OpenSurveyDto,
  SurveyDto,
  SurveyLinkDto,
  SurveySummaryDto,
  UpdateSurveyDto,
} from './survey.dto';
import { SurveyService } from './survey.service';

@ApiTags('surveys')
@Controller('projects/:id/surveys')
export class SurveyController {
  constructor(private readonly surveys: SurveyService) {}

  @Get()
  @Access.project('read')
  @ApiOkResponse({ type: [SurveySummaryDto] })
  @ApiOperation({ operationId: 'listSurveys', summary: "The project's surveys with their status and number of answers" })
  @ApiErrors(400)
  list(@IdParam() id: string): Promise<SurveySummaryDto[]> {
    return this.surveys.list(id);
  }

  @Post()
  @Access.project('edit')
  @ApiCreatedResponse({ type: SurveyDto })
  @ApiOperation({ operationId: 'createSurvey', summary: 'Start a survey from a survey template, or as a copy of another survey' })
  @ApiErrors(400, 409, 422)
  create(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: CreateSurveyDto): Promise<SurveyDto> {
    return this.surveys.create(id, dto, user);
  }

  @Get(':surveyId')
  @Access.project('read')
  @ApiOkResponse({ type: SurveyDto })
  @ApiOperation({ operationId: 'getSurvey', summary: 'A survey with its questions, settings and (for those who may edit) its links' })
  @ApiErrors(400)
  get(@CurrentUser() user: Principal, @IdParam() id: string, @IdParam('surveyId') surveyId: string): Promise<SurveyDto> {
    return this.surveys.get(id, surveyId, user.roles);
  }

  @Patch(':surveyId')
  @Access.project('edit')
  @ApiOkResponse({ type: SurveyDto })
  @ApiOperation({
    operationId: 'updateSurvey',
    summary: 'Change title, texts, questions (until answers arrive), smallest group shown, and when it opens and closes',
  })
  @ApiErrors(400, 409, 422)
  update(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('surveyId') surveyId: string,
    @Body() dto: UpdateSurveyDto,
  ): Promise<SurveyDto> {
    return this.surveys.update(id, surveyId, dto, user);
  }

  @Post(':surveyId/open')
  @HttpCode(200)
  @Access.project('edit')
  @ApiOkResponse({ type: SurveyDto })
  @ApiOperation({ operationId: 'openSurvey', summary: 'Open the survey for answers now, optionally until a closing time' })
  @ApiErrors(400, 409, 422)
  open(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('surveyId') surveyId: string,
    @Body() dto: OpenSurveyDto,
  ): Promise<SurveyDto> {
    return this.surveys.open(id, surveyId, dto, user);
  }

  @Post(':surveyId/close')
  @HttpCode(200)
  @Access.project('edit')
  @ApiOkResponse({ type: SurveyDto })
  @ApiOperation({ operationId: 'closeSurvey', summary: 'Close the survey: its links stop taking answers' })
  @ApiErrors(400, 409)
  close(@CurrentUser() user: Principal, @IdParam() id: string, @IdParam('surveyId') surveyId: string): Promise<SurveyDto> {
    return this.surveys.close(id, surveyId, user);
  }

  @Delete(':surveyId')
  @HttpCode(204)
  @Access.project('edit')
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiOperation({ operationId: 'deleteSurvey', summary: 'Delete a survey that has no answers' })
  @ApiErrors(400, 409)
  remove(@CurrentUser() user: Principal, @IdParam() id: string, @IdParam('surveyId') surveyId: string): Promise<void> {
    return this.surveys.remove(id, surveyId, user);
  }

  @Post(':surveyId/links')
  @Access.project('edit')
  @ApiCreatedResponse({ type: SurveyLinkDto })
  @ApiOperation({ operationId: 'createSurveyLink', summary: 'A public answer link: the general one, or one for a kommune of the project' })
  @ApiErrors(400, 409, 422)
  createLink(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('surveyId') surveyId: string,
    @Body() dto: CreateSurveyLinkDto,
  ): Promise<SurveyLinkDto> {
    return this.surveys.createLink(id, surveyId, dto, user);
  }

  @Post(':surveyId/links/:linkId/disable')
  @HttpCode(200)
  @Access.project('edit')
  @ApiOkResponse({ type: SurveyLinkDto })
  @ApiOperation({ operationId: 'disableSurveyLink', summary: 'Disable a link: it stops taking answers (answers already given stay)' })
  @ApiErrors(400, 409)
  disableLink(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('surveyId') surveyId: string,
    @IdParam('linkId') linkId: string,
  ): Promise<SurveyLinkDto> {
    return this.surveys.disableLink(id, surveyId, linkId, user);
  }
}
