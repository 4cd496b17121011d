import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { IdParam } from '../common/validation';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { CommentDto, CommentTargetQueryDto, CreateCommentDto, UpdateCommentDto } from './comment.dto';
import { CommentService } from './comment.service';

@ApiTags('comments')
@Controller('projects/:id/comments')
export class CommentController {
  constructor(private readonly comments: CommentService) {}

  @Get()
  @Access.project('read')
  @ApiOkResponse({ type: [CommentDto] })
  @ApiOperation({ operationId: 'listComments', summary: 'The comments on a phase plan, deliverable or status report, oldest first' })
  @ApiErrors(400)
  list(@CurrentUser() user: Principal, @IdParam() id: string, @Query() query: CommentTargetQueryDto): Promise<CommentDto[]> {
    return this.comments.list(id, query, user);
  }

  @Post()
  @Access.project('comment')
  @ApiCreatedResponse({ type: CommentDto })
  @ApiOperation({ operationId: 'createComment', summary: 'Comment on a phase plan, deliverable or status report; @mentions notify people' })
  @ApiErrors(400, 422)
  create(@CurrentUser() user: Principal, @IdParam() id: string, @Body() dto: CreateCommentDto): Promise<CommentDto> {
    return this.comments.create(id, dto, user);
  }

  @Patch(':commentId')
  @Access.project('comment')
  @ApiOkResponse({ type: CommentDto })
  @ApiOperation({ operationId: 'updateComment', summary: 'Edit your own comment' })
  @ApiErrors(400, 409, 422)
  update(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('commentId') commentId: string,
    @Body() dto: UpdateCommentDto,
  ): Promise<CommentDto> {
    return this.comments.update(id, commentId, dto, user);
  }

  @Delete(':commentId')
  @HttpCode(204)
  @Access.project('comment')
  @ApiNoContentResponse({ description: 'The comment is deleted' })
  @ApiOperation({ operationId: 'deleteComment', summary: 'Delete your own comment (administrators: any)' })
  @ApiErrors(400)
  remove(@CurrentUser() user: Principal, @IdParam() id: string, @IdParam('commentId') commentId: string): Promise<void> {
    return this.comments.remove(id, commentId, user);
  }
}
