import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { IdParam } from '../common/validation';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { MentionablePeopleQueryDto, MentionablePersonDto } from './mention.dto';
import { MentionService } from './mention.service';

@ApiTags('comments')
@Controller('projects/:id/mentionable-people')
export class MentionController {
  constructor(private readonly mentions: MentionService) {}

  @Get()
  @Access.project('comment')
  @ApiOkResponse({ type: [MentionablePersonDto] })
  @ApiOperation({
    operationId: 'listMentionablePeople',
    summary: 'The people who may read the project and can be @mentioned in its comments, best match for q first',
  })
  @ApiErrors(400)
  list(@CurrentUser() user: Principal, @IdParam() id: string, @Query() query: MentionablePeopleQueryDto): Promise<MentionablePersonDto[]> {
    return this.mentions.list(id, query, user);
  }
}
