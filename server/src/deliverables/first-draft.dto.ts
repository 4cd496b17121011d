import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Optional } from '../common/validation';

export class FirstDraftQueryDto {
  @ApiPropertyOptional({ enum: ['nb', 'nn', 'en'], default: 'nb' })
  @Optional()
  @IsIn(['nb', 'nn', 'en'], { message: '$property must be nb, nn or en' })
  lang?: 'nb' | 'nn' | 'en';
}

export class FirstDraftDto {
  @ApiProperty({
    description:
      'A first draft of the deliverable’s text, made from the mapping (surveys, conversations, recommendations); plain text in paragraphs separated by a blank line. Nothing is stored.',
  })
  content: string;
}
