import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'name' })
  field: string;

  @ApiProperty({ type: [String], example: ['name must not be empty'] })
  messages: string[];
}

/** The body of every error answer. */
export class ErrorResponseDto {
  @ApiProperty({ example: 409 })
  statusCode: number;

  @ApiProperty({ example: 'REGION_NAME_TAKEN', description: 'Stable code; see ErrorCode in server/src/common/domain-error.ts' })
  code: string;

  @ApiProperty({ example: 'A region named "Kongsbergregionen" already exists.' })
  message: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    example: { sizeMb: 7.5, maxMb: 5 },
    description:
      'The facts of the refusal by name (a size, a kommune, a count), for a message in the reader’s language: the web fills the placeholders of errors.<code> with them. Only some codes send them.',
  })
  params?: Record<string, string | number>;
}
