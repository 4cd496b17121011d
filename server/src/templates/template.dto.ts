import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FIELD_KINDS, type FieldKind, type TemplateDefault } from '@nvr/shared';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDefined, IsIn, IsInt, Matches, Min } from 'class-validator';
import { Optional, Nested } from '../common/validation';
import { TemplateTextInput, TextDto } from './template-text.dto';
import { SurveyQuestionDto } from '../surveys/survey.dto';

const KEY = /^[a-z][a-z0-9_]{0,59}$/;

export class TemplateFieldDto {
  @ApiProperty({ example: 'main_goal' })
  @Matches(KEY, { message: '$property must be lower-case letters, digits and _ (e.g. main_goal)' })
  key: string;

  @TemplateTextInput({ max: 200, required: true })
  label: TextDto;

  @ApiProperty({ enum: FIELD_KINDS })
  @IsIn(FIELD_KINDS, { message: `$property must be one of: ${FIELD_KINDS.join(', ')}` })
  kind: FieldKind;

  @ApiProperty()
  @IsBoolean()
  required: boolean;

  @TemplateTextInput({ max: 2000, required: false, optional: true })
  help?: TextDto;

  @ApiPropertyOptional({
    description:
      'What a new plan starts with in this field (a value of the field kind), or one such value per language {nb, nn, en}, e.g. the roles rows',
    type: Object,
  })
  @Optional()
  @IsDefined()
  defaultValue?: TemplateDefault;
}

export class TemplateSectionDto {
  @ApiProperty({ example: 'goals' })
  @Matches(KEY, { message: '$property must be lower-case letters, digits and _ (e.g. goals)' })
  key: string;

  @TemplateTextInput({ max: 200, required: true })
  title: TextDto;

  @TemplateTextInput({ max: 8000, required: false, description: 'Guidance shown beside the section.' })
  guidance: TextDto;

  @ApiProperty({ type: [TemplateFieldDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'a section needs at least one field' })
  @ArrayMaxSize(50)
  @Nested(() => TemplateFieldDto, { each: true })
  fields: TemplateFieldDto[];
}

export class SaveTemplateDto {
  @TemplateTextInput({ max: 200, required: true })
  title: TextDto;

  @TemplateTextInput({ max: 4000, required: false, optional: true })
  description?: TextDto;

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

export class TemplateFieldResponseDto {
  @ApiProperty() key: string;
  @ApiProperty({ type: TextDto }) label: TextDto;
  @ApiProperty({ enum: FIELD_KINDS }) kind: FieldKind;
  @ApiProperty() required: boolean;
  @ApiPropertyOptional({ type: TextDto }) help?: TextDto;
  @ApiPropertyOptional({
    description: 'What a new plan starts with in this field, or one value per language {nb, nn, en}',
    type: Object,
  })
  defaultValue?: TemplateDefault;
}

export class TemplateSectionResponseDto {
  @ApiProperty() key: string;
  @ApiProperty({ type: TextDto }) title: TextDto;
  @ApiProperty({ type: TextDto }) guidance: TextDto;
  @ApiProperty({ type: [TemplateFieldResponseDto] }) fields: TemplateFieldResponseDto[];
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

  @ApiProperty({ type: TextDto, description: 'In each language; an empty nn or en is shown in bokmål' })
  title: TextDto;

  @ApiProperty({ type: TextDto })
  description: TextDto;

  @ApiProperty({ type: [TemplateSectionResponseDto] })
  sections: TemplateSectionResponseDto[];

  @ApiPropertyOptional({ type: [SurveyQuestionDto], description: 'Survey templates: the questions a survey started from it gets' })
  questions?: SurveyQuestionDto[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ nullable: true, type: String })
  createdBy: string | null;
}
