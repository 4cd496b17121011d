import { Body, Controller, Get, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { Access } from './access.decorator';
import { ChangePasswordDto, LoginDto, MeResponseDto, SetLanguageDto } from './auth.dto';
import { AuthService } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import type { Principal } from './principal';
import { SESSION_COOKIE, SessionService } from './session.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Access.public()
  @ApiOkResponse({ type: MeResponseDto })
  @ApiOperation({ operationId: 'login', summary: 'Sign in; sets the HttpOnly session cookie' })
  @ApiErrors(400, 401, 403, 429)
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<MeResponseDto> {
    const { token, expiresAt, me } = await this.auth.login(dto, { ip: req.ip ?? 'unknown', userAgent: req.get('user-agent') });
    res.cookie(SESSION_COOKIE, token, this.sessions.cookieOptions(expiresAt));
    return me;
  }

  @Post('logout')
  @HttpCode(204)
  @Access.signedIn()
  @ApiOperation({ operationId: 'logout', summary: 'Sign out: ends this session' })
  @ApiNoContentResponse()
  async logout(@CurrentUser() user: Principal, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.sessions.revoke(user.sessionTokenHash);
    res.clearCookie(SESSION_COOKIE, this.sessions.cookieOptions());
  }

  @Get('me')
  @Access.signedIn()
  @ApiOkResponse({ type: MeResponseDto })
  @ApiOperation({ operationId: 'getMe', summary: 'The signed-in person, their roles and the CSRF token' })
  me(@CurrentUser() user: Principal): Promise<MeResponseDto> {
    return this.auth.me(user);
  }

  @Patch('me/language')
  @Access.signedIn()
  @ApiOkResponse({ type: MeResponseDto })
  @ApiOperation({
    operationId: 'setMyLanguage',
    summary: 'Choose your language (nb, nn or en): the web app opens in it after sign-in, and your e-mails are written in it',
  })
  @ApiErrors(400)
  setLanguage(@CurrentUser() user: Principal, @Body() dto: SetLanguageDto): Promise<MeResponseDto> {
    return this.auth.setLanguage(user, dto);
  }

  @Post('password')
  @HttpCode(204)
  @Access.signedIn()
  @ApiOperation({ operationId: 'changeOwnPassword', summary: 'Change your own password; signs out your other sessions' })
  @ApiNoContentResponse()
  @ApiErrors(400, 422)
  changePassword(@CurrentUser() user: Principal, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(user, dto);
  }
}
