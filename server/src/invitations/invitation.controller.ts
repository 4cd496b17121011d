import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access } from '../auth/access.decorator';
import { MeResponseDto } from '../auth/auth.dto';
import { AuthService } from '../auth/auth.service';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { SESSION_COOKIE, SessionService } from '../auth/session.service';
import { IdParam } from '../common/validation';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { AcceptInvitationDto, CreateInvitationDto, InvitationDto, InvitationPreviewDto, InvitationTokenDto } from './invitation.dto';
import { InvitationService } from './invitation.service';

@ApiTags('invitations')
@Controller()
export class InvitationController {
  constructor(
    private readonly invitations: InvitationService,
    private readonly sessions: SessionService,
    private readonly auth: AuthService,
  ) {}

  @Get('invitations')
  @Access.admin()
  @ApiOkResponse({ type: [InvitationDto] })
  @ApiOperation({ operationId: 'listInvitations', summary: 'Every pending invitation (admin)' })
  listAll(): Promise<InvitationDto[]> {
    return this.invitations.list({ kind: 'admin' });
  }

  @Post('invitations')
  @Access.admin()
  @ApiCreatedResponse({ type: InvitationDto })
  @ApiOperation({ operationId: 'createInvitation', summary: 'Invite a person by e-mail with any roles (admin)' })
  @ApiErrors(400, 404, 409, 422)
  createAny(@CurrentUser() me: Principal, @Body() dto: CreateInvitationDto): Promise<InvitationDto> {
    return this.invitations.create(me, { kind: 'admin' }, dto);
  }

  @Get('regions/:id/invitations')
  @Access.region('invite')
  @ApiOkResponse({ type: [InvitationDto] })
  @ApiOperation({
    operationId: 'listRegionInvitations',
    summary: "The region's pending invitations, its projects' included (admin, regionråd)",
  })
  @ApiErrors(400)
  listRegion(@IdParam() id: string): Promise<InvitationDto[]> {
    return this.invitations.list({ kind: 'region', regionId: id });
  }

  @Post('regions/:id/invitations')
  @Access.region('invite')
  @ApiCreatedResponse({ type: InvitationDto })
  @ApiOperation({
    operationId: 'createRegionInvitation',
    summary: "Invite a person by e-mail into the region's roles or its projects (admin, regionråd)",
  })
  @ApiErrors(400, 409, 422)
  createRegion(@CurrentUser() me: Principal, @IdParam() id: string, @Body() dto: CreateInvitationDto): Promise<InvitationDto> {
    return this.invitations.create(me, { kind: 'region', regionId: id }, dto);
  }

  @Get('projects/:id/invitations')
  @Access.project('invite')
  @ApiOkResponse({ type: [InvitationDto] })
  @ApiOperation({ operationId: 'listProjectInvitations', summary: "The project's pending invitations (its leader, the regionråd, admin)" })
  @ApiErrors(400)
  listProject(@IdParam() id: string): Promise<InvitationDto[]> {
    return this.invitations.list({ kind: 'project', projectId: id });
  }

  @Post('projects/:id/invitations')
  @Access.project('invite')
  @ApiCreatedResponse({ type: InvitationDto })
  @ApiOperation({
    operationId: 'createProjectInvitation',
    summary: "Invite a person by e-mail into the project's team (its leader, the regionråd, admin)",
  })
  @ApiErrors(400, 409, 422)
  createProject(@CurrentUser() me: Principal, @IdParam() id: string, @Body() dto: CreateInvitationDto): Promise<InvitationDto> {
    return this.invitations.create(me, { kind: 'project', projectId: id }, dto);
  }

  @Delete('invitations/:invitationId')
  @HttpCode(204)
  @Access.signedIn()
  @ApiNoContentResponse()
  @ApiOperation({
    operationId: 'withdrawInvitation',
    summary: 'Withdraw a pending invitation: its link stops working (whoever may invite in its region or project)',
  })
  @ApiErrors(400, 404, 409)
  withdraw(@CurrentUser() me: Principal, @IdParam('invitationId') id: string): Promise<void> {
    return this.invitations.withdraw(me, id);
  }

  @Post('invitations/lookup')
  @HttpCode(200)
  @Access.public()
  @ApiOkResponse({ type: InvitationPreviewDto })
  @ApiOperation({
    operationId: 'previewInvitation',
    summary: 'What an invitation link gives, and how it may be accepted (no session needed)',
  })
  @ApiErrors(400, 404, 409, 410)
  preview(@Body() dto: InvitationTokenDto): Promise<InvitationPreviewDto> {
    return this.invitations.preview(dto.token);
  }

  @Post('invitations/accept')
  @HttpCode(200)
  @Access.public()
  @ApiOkResponse({ type: MeResponseDto })
  @ApiOperation({
    operationId: 'acceptInvitation',
    summary: 'Accept an invitation by choosing a password: creates the account with the invited roles and signs in',
  })
  @ApiErrors(400, 403, 404, 409, 410)
  async accept(@Body() dto: AcceptInvitationDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<MeResponseDto> {
    const userId = await this.invitations.acceptWithPassword(dto);
    const session = await this.sessions.create(userId, { ip: req.ip ?? 'unknown', userAgent: req.get('user-agent') });
    res.cookie(SESSION_COOKIE, session.token, this.sessions.cookieOptions(session.expiresAt));
    const principal = await this.sessions.resolve(session.token);
    if (!principal) throw new Error('A session just created could not be read');
    return this.auth.me(principal);
  }
}
