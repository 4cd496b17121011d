import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FIELD_KINDS, type FieldKind } from '@nvr/shared';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsString, Matches, MaxLength, Min } from 'class-validator';
import { OptionalText, RequiredText, Optional, Nested } from '../common/validation';
import { SurveyQuestionDto } from '../surveys/survey.dto';

const KEY = /^[a-z][a-z0-9_]{0,59}$/;

export class TemplateFieldDto {
  @ApiProperty({ example: 'main_goal' })
  @Matches(KEY, { message: '$property must be lower-case letters, digits and _ (e.g. main_goal)' })
  key: string;

  @RequiredText({ max: 200, example: 'Hovedmål' })
  label: string;

  @ApiProperty({ enum: FIELD_KINDS })
  @IsIn(FIELD_KINDS, { message: `$property must be one of: ${FIELD_KINDS.join(', ')}` })
  kind: FieldKind;

  @ApiProperty()
  @IsBoolean()
  required: boolean;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(2000)
  help?: string;
}

export class TemplateSectionDto {
  @ApiProperty({ example: 'goals' })
  @Matches(KEY, { message: '$property must be lower-case letters, digits and _ (e.g. goals)' })
  key: string;

  @RequiredText({ max: 200, example: '2 Mål og hovedaktiviteter' })
  title: string;

  @ApiProperty({ description: 'Guidance shown beside the section' })
  @IsString()
  @MaxLength(8000)
  guidance: string;

  @ApiProperty({ type: [TemplateFieldDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'a section needs at least one field' })
  @ArrayMaxSize(50)
  @Nested(() => TemplateFieldDto, { each: true })
  fields: TemplateFieldDto[];
}

export class SaveTemplateDto {
  @RequiredText({ max: 200 })
  title: string;

  @OptionalText({ max: 4000 })
  description?: string;

  @ApiProperty({ type: [TemplateSectionDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'a template needs at least one section' })
  @ArrayMaxSize(60)
  @Nested(() => TemplateSectionDto, { each: true })
  sections: TemplateSectionDto[];

  @ApiProperty({ description: 'The version you edited; a newer one answers 409 VERSION_CONFLICT' })
  @IsInt({ message: '$property must be a whole number' })
  @Min(1)
  basedOnVersion: number;
}

export class TemplateVersionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'plan_forstudie' })
  key: string;

  @ApiProperty({ enum: ['project_plan', 'guide', 'survey', 'report'] })
  kind: string;

  @ApiProperty({ enum: ['forstudie', 'forprosjekt', 'hovedprosjekt'], nullable: true })
  phaseKey: string | null;

  @ApiProperty()
  version: number;

  @ApiProperty()
  latestVersion: number;

  @ApiProperty()
  title: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ type: [TemplateSectionDto] })
  sections: TemplateSectionDto[];

  @ApiPropertyOptional({ type: [SurveyQuestionDto], description: 'Survey templates: the questions a survey started from it gets' })
  questions?: SurveyQuestionDto[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ nullable: true, type: String })
  createdBy: string | null;
}
