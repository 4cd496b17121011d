import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { IdParam } from '../common/validation';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { ConversationDto, CreateConversationDto, NeedsOverviewDto, UpdateConversationDto } from './conversation.dto';
import { ConversationService } from './conversation.service';

@ApiTags('conversations')
@Controller('projects/:id')
export class ConversationController {
  constructor(private readonly conversations: ConversationService) {}

  @Get('conversations')
  @Access.project('read')
  @ApiOkResponse({ type: [ConversationDto] })
  @ApiOperation({ operationId: 'listConversations', summary: 'The project’s interviews, meetings and workshops, newest first' })
  @ApiErrors(400)
  list(@IdParam() id: string): Promise<ConversationDto[]> {
    return this.conversations.list(id);
  }

  @Post('conversations')
  @Access.project('edit')
  @ApiCreatedResponse({ type: ConversationDto })
  @ApiOperation({ operationId: 'createConversation', summary: 'Record an interview, meeting or workshop with notes per guide section' })
  @ApiErrors(400, 409, 422)
  create(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: CreateConversationDto): Promise<ConversationDto> {
    return this.conversations.create(id, dto, user);
  }

  @Get('conversations/:conversationId')
  @Access.project('read')
  @ApiOkResponse({ type: ConversationDto })
  @ApiOperation({ operationId: 'getConversation', summary: 'One interview, meeting or workshop' })
  @ApiErrors(400)
  get(@IdParam() id: string, @IdParam('conversationId') conversationId: string): Promise<ConversationDto> {
    return this.conversations.get(id, conversationId);
  }

  @Patch('conversations/:conversationId')
  @Access.project('edit')
  @ApiOkResponse({ type: ConversationDto })
  @ApiOperation({ operationId: 'updateConversation', summary: 'Change a recorded interview, meeting or workshop' })
  @ApiErrors(400, 409, 422)
  update(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('conversationId') conversationId: string,
    @Body() dto: UpdateConversationDto,
  ): Promise<ConversationDto> {
    return this.conversations.update(id, conversationId, dto, user);
  }

  @Delete('conversations/:conversationId')
  @HttpCode(204)
  @Access.project('edit')
  @ApiNoContentResponse({ description: 'The conversation is deleted' })
  @ApiOperation({ operationId: 'deleteConversation', summary: 'Delete a recorded interview, meeting or workshop' })
  @ApiErrors(400, 409)
  remove(@CurrentUser() user: Principal, @IdParam() id: string, @IdParam('conversationId') conversationId: string): Promise<void> {
    return this.conversations.remove(id, conversationId, user);
  }

  @Get('needs')
  @Access.project('read')
  @ApiOkResponse({ type: NeedsOverviewDto })
  @ApiOperation({
    operationId: 'getNeedsOverview',
    summary: 'Each category of need: respondents in the project’s surveys and conversations that raised it',
  })
  @ApiErrors(400)
  needs(@IdParam() id: string): Promise<NeedsOverviewDto> {
    return this.conversations.needsOverview(id);
  }
}
