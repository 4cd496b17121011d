import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { canOnProject, canOnRegion, isAdmin } from '@nvr/shared';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { setRequestUser } from '../common/request-context';
import { queryOne } from '../database/sql';
import { ACCESS_RULE, AccessRule } from './access.decorator';
import { ProjectScope, ProjectScopeCache } from './project-scope-cache';
import type { RequestWithPrincipal } from './principal';
import { SESSION_COOKIE, SessionService } from './session.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The one gate in front of every route: finds the session, checks the CSRF token on writes, and
 * applies the route's access rule. A route without a rule is refused.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('Access');
  private readonly projects = new ProjectScopeCache();

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [ctx.getHandler(), ctx.getClass()]);
    if (!rule) {
      this.logger.error(`No access rule on ${ctx.getClass().name}.${ctx.getHandler().name}: refused`);
      throw new DomainError('FORBIDDEN', 'This operation is not available.');
    }
    if (rule.kind === 'public') return true;

    const req = ctx.switchToHttp().getRequest<Request & RequestWithPrincipal & { project?: ProjectScope }>();
    const principal = await this.sessions.resolve(sessionCookie(req));
    if (!principal) throw new DomainError('UNAUTHENTICATED', 'You are not signed in, or your session has ended. Sign in again.');
    if (!SAFE_METHODS.has(req.method) && req.get(CSRF_HEADER) !== principal.csrfToken) {
      throw new DomainError('CSRF_TOKEN_INVALID', 'The request lacks a valid CSRF token. Reload the page and try again.');
    }
    req.principal = principal;
    setRequestUser(principal.userId);

    switch (rule.kind) {
      case 'signedIn':
        return true;
      case 'admin':
        if (isAdmin(principal.roles)) return true;
        throw forbidden();
      case 'region': {
        const regionId = req.params[rule.param];
        if (typeof regionId !== 'string' || !UUID.test(regionId)) return true; // the pipe answers 400
        if (canOnRegion(principal.roles, regionId, rule.action)) return true;
        if (!canOnRegion(principal.roles, regionId, 'read'))
          throw new DomainError('REGION_NOT_FOUND', `There is no region with id ${regionId}.`);
        throw forbidden();
      }
      case 'project': {
        const projectId = req.params[rule.param];
        if (typeof projectId !== 'string' || !UUID.test(projectId)) return true;
        const project = await this.projectScope(projectId);
        if (!project || !canOnProject(principal.roles, project, 'read'))
          throw new DomainError('PROJECT_NOT_FOUND', `There is no project with id ${projectId}.`);
        req.project = project;
        if (canOnProject(principal.roles, project, rule.action)) return true;
        throw forbidden();
      }
    }
  }

  /** The project's region: kept after the first read, since a project never changes region. */
  private async projectScope(projectId: string): Promise<ProjectScope | undefined> {
    const kept = this.projects.get(projectId.toLowerCase());
    if (kept) return kept;
    const row = await queryOne<ProjectScope>(this.db, `SELECT id, region_id AS "regionId" FROM project WHERE id = $1`, [projectId]);
    if (row) this.projects.remember(row);
    return row;
  }
}

/** The session token from the cookie; express types parsed cookies as `any`, so only a string counts. */
function sessionCookie(req: Request): string | undefined {
  const cookies: unknown = req.cookies;
  if (typeof cookies !== 'object' || cookies === null) return undefined;
  const token: unknown = Reflect.get(cookies, SESSION_COOKIE);
  return typeof token === 'string' ? token : undefined;
}

function forbidden(): DomainError {
  return new DomainError('FORBIDDEN', 'Your role does not allow this. Ask an administrator if you need access.');
}
