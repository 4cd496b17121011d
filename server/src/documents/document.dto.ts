import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Optional } from '../common/validation';
import { DocumentQueryDto } from '../plans/plan.dto';

/** Which body's case document: `step` is a step of the case route (default: the body holding the case now, else the deciding body). */
export class CaseDocumentQueryDto extends DocumentQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A step of the case route; default: the body holding the case now, else the deciding body',
  })
  @Optional()
  @IsUUID('all', { message: '$property must be a UUID' })
  step?: string;
}

/** Which decision's extract: `submission` (default: the newest decided submission of the phase). */
export class MinutesExtractQueryDto extends DocumentQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A submission of the phase; default: the newest one that has been decided' })
  @Optional()
  @IsUUID('all', { message: '$property must be a UUID' })
  submission?: string;
}
