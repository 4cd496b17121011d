import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { InboxDto } from './inbox.dto';
import { InboxService } from './inbox.service';

@ApiTags('inbox')
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @Access.signedIn()
  @ApiOkResponse({ type: InboxDto })
  @ApiOperation({
    operationId: 'getInbox',
    summary:
      'What waits on you ("Venter på deg"): gates at your bodies, deliverables to review, kommunestyre decisions to record, ' +
      'returned deliverables and open conditions of your projects, conditions you own; by due date',
  })
  get(@CurrentUser() user: Principal): Promise<InboxDto> {
    return this.inbox.inbox(user);
  }
}
