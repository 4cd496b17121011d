import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Access } from '../auth/access.decorator';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { PublicSurveyDto, SubmitSurveyResponseDto, SurveyReceivedDto } from './public-survey.dto';
import { PublicSurveyService } from './public-survey.service';

/** The respondents' form behind a survey's public link: no account, no cookie. */
@ApiTags('public-surveys')
@Controller('public/surveys/:token')
export class PublicSurveyController {
  constructor(private readonly surveys: PublicSurveyService) {}

  @Get()
  @Access.public()
  @ApiOkResponse({ type: PublicSurveyDto })
  @ApiOperation({ operationId: 'getPublicSurvey', summary: 'The questions behind a public survey link' })
  @ApiErrors(404, 409, 410)
  get(@Param('token') token: string): Promise<PublicSurveyDto> {
    return this.surveys.definition(token);
  }

  @Post('responses')
  @Access.public()
  @ApiCreatedResponse({ type: SurveyReceivedDto })
  @ApiOperation({ operationId: 'submitSurveyResponse', summary: 'Send anonymous answers (nothing about the sender is stored)' })
  @ApiErrors(400, 404, 409, 410, 413, 422, 429)
  submit(@Param('token') token: string, @Body() dto: SubmitSurveyResponseDto, @Req() req: Request): Promise<SurveyReceivedDto> {
    // The address is used only for the in-memory rate limit, never stored or logged.
    return this.surveys.submit(token, dto, req.ip ?? 'unknown');
  }
}
