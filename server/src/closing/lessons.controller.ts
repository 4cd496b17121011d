import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { LessonsOverviewDto, LessonsQueryDto } from './closing.dto';
import { LessonsService } from './lessons.service';

@ApiTags('lessons')
@Controller('lessons')
export class LessonsController {
  constructor(private readonly lessons: LessonsService) {}

  @Get()
  @Access.signedIn()
  @ApiOkResponse({ type: LessonsOverviewDto })
  @ApiOperation({
    operationId: 'getLessons',
    summary:
      'Learning across regions (advisers and admins): the success-factor scores and the lessons of the ended projects in the regions you follow, filtered and searched',
  })
  @ApiErrors(400, 403, 404)
  overview(@CurrentUser() user: Principal, @Query() query: LessonsQueryDto): Promise<LessonsOverviewDto> {
    return this.lessons.overview(user.roles, query);
  }
}
