import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SurveyAnswer } from '@nvr/shared';
import { IsInt, IsObject, IsString, MaxLength, Min } from 'class-validator';
import { Optional } from '../common/validation';
import { SurveyQuestionDto } from './survey.dto';

/** What a respondent's form shows: never the project's or survey's ids. */
export class PublicSurveyDto {
  @ApiProperty()
  title: string;

  @ApiProperty()
  intro: string;

  @ApiProperty()
  privacyNotice: string;

  @ApiProperty({ example: 'Hallingdal' })
  regionName: string;

  @ApiProperty({ nullable: true, type: String, description: 'The kommune the link is for; null for the general link' })
  kommuneName: string | null;

  @ApiProperty({ type: [SurveyQuestionDto] })
  questions: SurveyQuestionDto[];

  @ApiProperty({ description: 'Send it back with the answers; a changed survey answers 409 SURVEY_CHANGED' })
  definitionVersion: number;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  closesAt: string | null;
}

export class SubmitSurveyResponseDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'array', items: { type: 'string' } }] },
    example: { role: 'owner_manager', most_important_needs: ['business_land', 'dialogue'], building_permits: 4 },
    description: 'Answers by question key: an option key (single), option keys (multiple), a number (scale, number) or text',
  })
  @IsObject({ message: '$property must be an object of answers by question key' })
  answers: Record<string, SurveyAnswer>;

  @ApiProperty({ description: 'The definitionVersion of the form that was answered' })
  @IsInt({ message: '$property must be a whole number' })
  @Min(1)
  definitionVersion: number;

  @ApiPropertyOptional({ description: 'Leave empty (a field people do not see)' })
  @Optional()
  @IsString()
  @MaxLength(1000)
  website?: string;
}

export class SurveyReceivedDto {
  @ApiProperty({ enum: [true] })
  received: true;
}
