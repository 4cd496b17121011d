import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { IdParam } from '../common/validation';
import { FileDownloadEndpoint, fileResponse, FileUploadEndpoint } from '../files/file-endpoints';
import type { UploadedFileLike } from '../files/file-validation';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { DeliverableDto, NotRequiredDto, ReviewDeliverableDto, UpdateDeliverableDto } from './deliverable.dto';
import { DeliverableService } from './deliverable.service';
import { FirstDraftService } from './first-draft';
import { FirstDraftDto, FirstDraftQueryDto } from './first-draft.dto';

@ApiTags('deliverables')
@Controller('projects/:id/deliverables/:deliverableId')
export class DeliverableController {
  constructor(
    private readonly deliverables: DeliverableService,
    private readonly drafts: FirstDraftService,
  ) {}

  @Get()
  @Access.project('read')
  @ApiOkResponse({ type: DeliverableDto })
  @ApiOperation({ operationId: 'getDeliverable', summary: 'A deliverable with its text and files' })
  @ApiErrors(400)
  get(@CurrentUser() user: Principal, @IdParam() id: string, @IdParam('deliverableId') deliverableId: string): Promise<DeliverableDto> {
    return this.deliverables.get(id, deliverableId, user.roles);
  }

  @Get('first-draft')
  @Access.project('edit')
  @ApiOkResponse({ type: FirstDraftDto })
  @ApiOperation({
    operationId: 'getDeliverableFirstDraft',
    summary: 'A first draft of the forstudie’s business needs or overall recommendation, made from the mapping (nothing is stored)',
  })
  @ApiErrors(400, 422)
  firstDraft(
    @IdParam() id: string,
    @IdParam('deliverableId') deliverableId: string,
    @Query() q: FirstDraftQueryDto,
  ): Promise<FirstDraftDto> {
    return this.drafts.draft(id, deliverableId, q.lang ?? 'nb');
  }

  @Patch()
  @Access.project('edit')
  @ApiOkResponse({ type: DeliverableDto })
  @ApiOperation({ operationId: 'updateDeliverable', summary: 'Change text, owner or due date of a draft or returned deliverable' })
  @ApiErrors(400, 409)
  update(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('deliverableId') deliverableId: string,
    @Body() dto: UpdateDeliverableDto,
  ): Promise<DeliverableDto> {
    return this.deliverables.update(id, deliverableId, dto, user);
  }

  @Post('submit')
  @HttpCode(200)
  @Access.project('edit')
  @ApiOkResponse({ type: DeliverableDto })
  @ApiOperation({ operationId: 'submitDeliverable', summary: 'Submit the deliverable to the regionråd for review' })
  @ApiErrors(400, 409, 422)
  submit(@CurrentUser() user: Principal, @IdParam() id: string, @IdParam('deliverableId') deliverableId: string): Promise<DeliverableDto> {
    return this.deliverables.submit(id, deliverableId, user);
  }

  @Post('withdraw')
  @HttpCode(200)
  @Access.project('edit')
  @ApiOkResponse({ type: DeliverableDto })
  @ApiOperation({ operationId: 'withdrawDeliverable', summary: 'Take a submitted deliverable back to draft' })
  @ApiErrors(400, 409)
  withdraw(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('deliverableId') deliverableId: string,
  ): Promise<DeliverableDto> {
    return this.deliverables.withdraw(id, deliverableId, user);
  }

  @Post('review')
  @HttpCode(200)
  @Access.project('decide')
  @ApiOkResponse({ type: DeliverableDto })
  @ApiOperation({ operationId: 'reviewDeliverable', summary: 'Accept a submitted deliverable, or return it with a comment (regionråd)' })
  @ApiErrors(400, 409)
  review(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('deliverableId') deliverableId: string,
    @Body() dto: ReviewDeliverableDto,
  ): Promise<DeliverableDto> {
    return this.deliverables.review(id, deliverableId, dto, user);
  }

  @Post('not-required')
  @HttpCode(200)
  @Access.project('submit')
  @ApiOkResponse({ type: DeliverableDto })
  @ApiOperation({
    operationId: 'markDeliverableNotRequired',
    summary: 'Mark the deliverable as not required here, with a reason (project leader)',
  })
  @ApiErrors(400, 409, 422)
  notRequired(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('deliverableId') deliverableId: string,
    @Body() dto: NotRequiredDto,
  ): Promise<DeliverableDto> {
    return this.deliverables.markNotRequired(id, deliverableId, dto, user);
  }

  @Post('required')
  @HttpCode(200)
  @Access.project('submit')
  @ApiOkResponse({ type: DeliverableDto })
  @ApiOperation({ operationId: 'markDeliverableRequired', summary: 'Undo "not required": the deliverable is a draft again' })
  @ApiErrors(400, 409)
  required(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('deliverableId') deliverableId: string,
  ): Promise<DeliverableDto> {
    return this.deliverables.markRequired(id, deliverableId, user);
  }

  @Post('files')
  @Access.project('edit')
  @FileUploadEndpoint()
  @ApiCreatedResponse({ type: DeliverableDto })
  @ApiOperation({
    operationId: 'addDeliverableFile',
    summary: 'Attach a PDF, Office (Word, Excel, PowerPoint) or CSV file (at most 10 MB)',
  })
  @ApiErrors(400, 409, 422)
  addFile(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('deliverableId') deliverableId: string,
    @UploadedFile() file: UploadedFileLike | undefined,
  ): Promise<DeliverableDto> {
    return this.deliverables.addFile(id, deliverableId, file, user);
  }

  @Get('files/:fileId')
  @Access.project('read')
  @ApiOperation({ operationId: 'downloadDeliverableFile', summary: 'Download an attached file' })
  @FileDownloadEndpoint()
  @ApiErrors(400)
  async download(
    @IdParam() id: string,
    @IdParam('deliverableId') deliverableId: string,
    @IdParam('fileId') fileId: string,
  ): Promise<StreamableFile> {
    const file = await this.deliverables.readFile(id, deliverableId, fileId);
    return fileResponse(file);
  }

  @Delete('files/:fileId')
  @Access.project('edit')
  @ApiOkResponse({ type: DeliverableDto })
  @ApiOperation({ operationId: 'removeDeliverableFile', summary: 'Remove an attached file' })
  @ApiErrors(400, 409)
  removeFile(
    @CurrentUser() user: Principal,
    @IdParam() id: string,
    @IdParam('deliverableId') deliverableId: string,
    @IdParam('fileId') fileId: string,
  ): Promise<DeliverableDto> {
    return this.deliverables.removeFile(id, deliverableId, fileId, user);
  }
}
