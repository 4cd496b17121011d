import { ApiPropertyOptional } from '@nestjs/swagger';
import { PHASE_KEYS, type Lang, type PhaseKey } from '@nvr/shared';
import { IsIn } from 'class-validator';
import { IsIsoDate, Optional } from '../common/validation';

/** The language of the case documents rendered into an extract. */
export class ArchivePackageQueryDto {
  @ApiPropertyOptional({ enum: ['nb', 'nn', 'en'], default: 'nb', description: 'The language of the rendered case documents' })
  @Optional()
  @IsIn(['nb', 'nn', 'en'], { message: '$property must be nb, nn or en' })
  lang?: Lang;
}

/** Which cases of a project: those of one phase's gate, and/or those submitted or decided within a date range. */
export class ArchiveExportQueryDto extends ArchivePackageQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    example: '2026-01-01',
    description: 'First day (inclusive): cases submitted or decided on or after it',
  })
  @Optional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-12-31',
    description: 'Last day (inclusive): cases submitted or decided on or before it',
  })
  @Optional()
  @IsIsoDate()
  to?: string;

  @ApiPropertyOptional({ enum: PHASE_KEYS, description: 'Only the cases of this phase’s decision gate' })
  @Optional()
  @IsIn([...PHASE_KEYS], { message: `$property must be one of ${PHASE_KEYS.join(', ')}` })
  phase?: PhaseKey;
}
