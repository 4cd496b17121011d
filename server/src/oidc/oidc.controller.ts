import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access } from '../auth/access.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { Principal } from '../auth/principal';
import { SESSION_COOKIE, SessionService } from '../auth/session.service';
import { DomainError } from '../common/domain-error';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { LinkedProviderDto, LinkProviderDto, RedirectDto, SignInOptionsDto, StartSignInQueryDto } from './oidc.dto';
import { OIDC_STATE_COOKIE, OidcService } from './oidc.service';

/** Where the browser lands after a refused sign-in: the sign-in page shows the code's message. */
const refusedAt = (code: string) => `/logg-inn?feil=${encodeURIComponent(code)}`;

/** Where the browser lands after linking a provider to one's account: the account page, which says so. */
export const LINKED_PATH = '/endre-passord?koblet=1';

@ApiTags('auth')
@Controller('auth')
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    private readonly sessions: SessionService,
  ) {}

  @Get('providers')
  @Access.public()
  @ApiOkResponse({ type: SignInOptionsDto })
  @ApiOperation({ operationId: 'getSignInOptions', summary: 'The sign-in providers, and whether passwords are on' })
  providers(): SignInOptionsDto {
    return this.oidc.options();
  }

  @Get('oidc/start')
  @Access.public()
  @ApiFoundResponse({ description: "Redirects to the provider's sign-in (or to /logg-inn?feil=CODE when it cannot start)" })
  @ApiOperation({
    operationId: 'startProviderSignIn',
    summary:
      'Browser navigation: starts signing in with a provider (authorization code flow with PKCE); with an invitation code, accepts it',
  })
  @ApiErrors(400)
  async start(@Query() q: StartSignInQueryDto, @Res() res: Response): Promise<void> {
    try {
      const { url, state } = await this.oidc.start(q.provider, { invitationToken: q.invitation });
      res.cookie(OIDC_STATE_COOKIE, state, this.stateCookieOptions());
      res.redirect(302, url);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      res.redirect(302, refusedAt(e.code));
    }
  }

  @Get('oidc/callback')
  @Access.public()
  @ApiQuery({ name: 'code', required: false, type: String })
  @ApiQuery({ name: 'state', required: false, type: String })
  @ApiQuery({ name: 'error', required: false, type: String })
  @ApiFoundResponse({ description: 'Signed in: redirects into the app. Refused: redirects to /logg-inn?feil=CODE' })
  @ApiOperation({
    operationId: 'finishProviderSignIn',
    summary: 'Browser navigation: where the provider sends the browser back with the code',
  })
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const param = (name: string): string | undefined => {
      const v: unknown = req.query[name];
      return typeof v === 'string' ? v : undefined;
    };
    const cookies: unknown = req.cookies;
    const cookieState: unknown = typeof cookies === 'object' && cookies !== null ? Reflect.get(cookies, OIDC_STATE_COOKIE) : undefined;
    const search = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    res.clearCookie(OIDC_STATE_COOKIE, this.stateCookieOptions());
    try {
      const done = await this.oidc.callback(
        { code: param('code'), state: param('state'), error: param('error'), search },
        typeof cookieState === 'string' ? cookieState : undefined,
        { ip: req.ip ?? 'unknown', userAgent: req.get('user-agent') },
      );
      if (done.token && done.expiresAt) res.cookie(SESSION_COOKIE, done.token, this.sessions.cookieOptions(done.expiresAt));
      res.redirect(302, done.linked ? LINKED_PATH : '/');
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      res.redirect(302, refusedAt(e.code));
    }
  }

  @Get('oidc/links')
  @Access.signedIn()
  @ApiOkResponse({ type: [LinkedProviderDto] })
  @ApiOperation({ operationId: 'getMyLinkedProviders', summary: 'The provider identities linked to your own account' })
  linked(@CurrentUser() me: Principal): Promise<LinkedProviderDto[]> {
    return this.oidc.linkedTo(me.userId);
  }

  @Post('oidc/link')
  @HttpCode(200)
  @Access.signedIn()
  @ApiOkResponse({ type: RedirectDto })
  @ApiOperation({
    operationId: 'linkProvider',
    summary: "Link a provider's identity to your own account: answers the provider's address to go to; once back, you sign in with it",
  })
  @ApiErrors(400, 404, 503)
  async link(@CurrentUser() me: Principal, @Body() dto: LinkProviderDto, @Res({ passthrough: true }) res: Response): Promise<RedirectDto> {
    const { url, state } = await this.oidc.start(dto.provider, { linkUserId: me.userId });
    res.cookie(OIDC_STATE_COOKIE, state, this.stateCookieOptions());
    return { redirectUrl: url };
  }

  @Post('oidc/logout')
  @HttpCode(200)
  @Access.signedIn()
  @ApiOkResponse({ type: RedirectDto })
  @ApiOperation({
    operationId: 'logoutEverywhere',
    summary: "Sign out: ends this session, and answers the provider's sign-out address when the session came from a provider that has one",
  })
  async logout(@CurrentUser() me: Principal, @Res({ passthrough: true }) res: Response): Promise<RedirectDto> {
    const redirectUrl = await this.oidc.logout(me);
    res.clearCookie(SESSION_COOKIE, this.sessions.cookieOptions());
    return { redirectUrl };
  }

  private stateCookieOptions() {
    // Lax: the provider's redirect back is a top-level navigation, which carries it.
    return { ...this.sessions.cookieOptions(), path: '/api/auth/oidc', maxAge: 10 * 60 * 1000 };
  }
}
