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
}
