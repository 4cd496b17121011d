import { ApiProperty } from '@nestjs/swagger';

/** A person as other people see them: in teams, as owners, authors and deciders. */
export class PersonDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  email: string;
}
