import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  canOnProject,
  canOnRegion,
  isAdmin,
  mayInviteTo,
  ROLE_SCOPE,
  roleKommuneProblem,
  roleScopeProblem,
  todayInOslo,
  type Lang,
  type RoleAssignment,
} from '@nvr/shared';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../auth/passwords';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { execute, queryOne, queryRows } from '../database/sql';
import { MailService } from '../notifications/mail.service';
import { RoleInputDto } from '../users/user.dto';
import { AcceptInvitationDto, CreateInvitationDto, InvitationDto, InvitationPreviewDto, InvitedRoleDto } from './invitation.dto';
import { renderInvitationMail } from './invitation-mail';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Where an invitation is created: by an administrator (any roles), for a region, or for a project. */
export type InvitationScope = { kind: 'admin' } | { kind: 'region'; regionId: string } | { kind: 'project'; projectId: string };

interface InvitationRow {
  id: string;
  email: string;
  language: Lang;
  roles: RoleAssignment[];
  region_id: string | null;
  project_id: string | null;
  invited_by_name: string | null;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
  withdrawn_at: Date | null;
}

interface NameRow {
  id: string;
  name: string;
}

interface ProjectRow {
  id: string;
  region_id: string;
  name: string;
}

/** A pending invitation, ready to be accepted (locked in the caller's transaction). */
export interface PendingInvitation {
  id: string;
  email: string;
  language: Lang;
  roles: RoleAssignment[];
}

const SELECT = `
  SELECT i.id, i.email, i.language, i.roles, i.region_id, i.project_id, u.name AS invited_by_name, i.created_at, i.expires_at,
         i.accepted_at, i.withdrawn_at
    FROM invitation i LEFT JOIN app_user u ON u.id = i.invited_by`;

/**
 * Invitations by e-mail: an administrator invites into any role, the regionråd into its region's roles
 * and projects, a project leader into their project's team. The link carries a random token (only its
 * hash is stored); it works once, until it expires or is withdrawn. Accepting creates the account with
 * the invited roles, by a password here or by a provider's sign-in (oidc/).
 */
@Injectable()
export class InvitationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
  ) {}

  async create(me: Principal, scope: InvitationScope, dto: CreateInvitationDto): Promise<InvitationDto> {
    const token = randomBytes(32).toString('base64url');
    const id = await this.db.transaction(async (tx) => {
      const roles = await this.checkRoles(tx, me, scope, dto.roles);
      const email = dto.email.trim();
      const taken = await queryOne<{ found: number }>(tx, `SELECT 1 AS found FROM app_user WHERE lower(email) = lower($1)`, [email]);
      if (taken)
        throw new DomainError(
          'EMAIL_TAKEN',
          `${email} has an account already; give the person the role on the users page or in the project's team instead.`,
        );
      const regionIds = [...new Set(roles.map((r) => r.regionId))];
      const projectIds = [...new Set(roles.map((r) => r.projectId))];
      const regionId = regionIds.length === 1 ? regionIds[0] : null;
      const projectId = projectIds.length === 1 ? projectIds[0] : null;
      await execute(tx, `SELECT pg_advisory_xact_lock(hashtext('invitation:' || lower($1)))`, [email]);
      const pending = await queryOne<{ found: number }>(
        tx,
        `SELECT 1 AS found FROM invitation
          WHERE lower(email) = lower($1) AND region_id IS NOT DISTINCT FROM $2 AND project_id IS NOT DISTINCT FROM $3
            AND accepted_at IS NULL AND withdrawn_at IS NULL AND expires_at > now()`,
        [email, regionId, projectId],
      );
      if (pending)
        throw new DomainError('INVITATION_PENDING', `${email} has a pending invitation here already; withdraw it first to invite again.`);
      const row = await queryOne<{ id: string; expires_at: Date }>(
        tx,
        `INSERT INTO invitation (email, language, roles, region_id, project_id, token_hash, invited_by, expires_at)
         VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, now() + make_interval(days => $8))
         RETURNING id, expires_at`,
        [email, dto.language ?? 'nb', JSON.stringify(roles), regionId, projectId, sha256(token), me.userId, this.config.invitationDays],
      );
      if (!row) throw new Error('An invitation could not be stored');
      const mail = renderInvitationMail(dto.language ?? 'nb', {
        invitedByName: me.name,
        roles: await this.describeRoles(tx, roles),
        link: `${this.mail.publicBaseUrl}/invitasjon#${token}`,
        expiresAt: new Date(row.expires_at),
      });
      const sent = await queryOne<{ id: string }>(
        tx,
        `INSERT INTO outbox (recipient_id, to_address, subject, body_text, state) VALUES (NULL, $1, $2, $3, $4) RETURNING id::text`,
        [email, mail.subject, mail.body, this.mail.initialState],
      );
      if (sent) await this.mail.scheduleDelivery(tx, [sent.id]);
      return row.id;
    });
    return this.getOne(id);
  }

  /** Pending invitations (not accepted or withdrawn; expired ones too, marked) of a scope. */
  async list(scope: InvitationScope): Promise<InvitationDto[]> {
    const where = scope.kind === 'admin' ? 'TRUE' : scope.kind === 'region' ? 'i.region_id = $1' : 'i.project_id = $1';
    const params = scope.kind === 'admin' ? [] : [scope.kind === 'region' ? scope.regionId : scope.projectId];
    const rows = await queryRows<InvitationRow>(
      this.db,
      `${SELECT} WHERE ${where} AND i.accepted_at IS NULL AND i.withdrawn_at IS NULL ORDER BY i.created_at DESC, i.id`,
      params,
    );
    return this.toDtos(this.db.manager, rows);
  }

  /** Withdraws a pending invitation; one the caller may not invite in (another region's) is not found. */
  async withdraw(me: Principal, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await queryOne<InvitationRow>(tx, `${SELECT} WHERE i.id = $1 FOR UPDATE OF i`, [id]);
      if (!row || !(await this.mayManage(tx, me, row))) throw notFound(id);
      if (row.accepted_at)
        throw new DomainError('INVITATION_USED', 'The invitation has been accepted already; it can no longer be withdrawn.');
      if (row.withdrawn_at) return;
      await execute(tx, `UPDATE invitation SET withdrawn_at = now() WHERE id = $1`, [id]);
    });
  }

  /** Accepts an invitation by choosing a password (refused when passwords are turned off); returns the new account's id. */
  async acceptWithPassword(dto: AcceptInvitationDto): Promise<string> {
    if (this.config.passwordSignIn !== 'on')
      throw new DomainError(
        'PASSWORD_SIGN_IN_OFF',
        'Passwords are turned off here: accept the invitation by signing in with your organisation.',
      );
    // The link is checked before the (deliberately slow) password hash, so a wrong code costs little.
    await this.findByToken(this.db.manager, dto.token);
    const passwordHash = await hashPassword(dto.newPassword);
    return this.db.transaction(async (tx) => {
      const invitation = await this.pendingByToken(tx, dto.token);
      return this.accept(tx, invitation, { name: dto.name, language: dto.language, passwordHash });
    });
  }

  /** What the invitation page shows: the address, the roles, and how one may accept. */
  async preview(token: string): Promise<InvitationPreviewDto> {
    const providers = this.config.oidcProviders;
    const row = await this.findByToken(this.db.manager, token);
    const domain = row.email.split('@')[1]?.toLowerCase() ?? '';
    return {
      email: row.email,
      language: row.language,
      roles: (await this.toDtos(this.db.manager, [row]))[0].roles,
      invitedByName: row.invited_by_name,
      expiresAt: new Date(row.expires_at).toISOString(),
      passwordAllowed: this.config.passwordSignIn === 'on',
      providers: providers.map((p) => ({ id: p.id, name: p.name, suggested: p.domains.length === 0 || p.domains.includes(domain) })),
    };
  }

  /** The pending invitation of a link, locked; refuses an unknown, withdrawn, used or expired one with a clear code. */
  async pendingByToken(tx: EntityManager, token: string): Promise<PendingInvitation> {
    const row = await this.findByToken(tx, token, true);
    return { id: row.id, email: row.email, language: row.language, roles: row.roles };
  }

  /** The invitation, locked, while it is still pending (not used, withdrawn or expired); null otherwise. */
  async pendingById(tx: EntityManager, id: string): Promise<PendingInvitation | null> {
    const row = await queryOne<InvitationRow>(
      tx,
      `${SELECT} WHERE i.id = $1 AND i.accepted_at IS NULL AND i.withdrawn_at IS NULL AND i.expires_at > now() FOR UPDATE OF i`,
      [id],
    );
    return row ? { id: row.id, email: row.email, language: row.language, roles: row.roles } : null;
  }

  /** A pending invitation to this e-mail address, locked (the first sign-in of an invited person); null when none. */
  async pendingByEmail(tx: EntityManager, email: string): Promise<PendingInvitation | null> {
    const row = await queryOne<InvitationRow>(
      tx,
      `${SELECT} WHERE lower(i.email) = lower($1) AND i.accepted_at IS NULL AND i.withdrawn_at IS NULL AND i.expires_at > now()
        ORDER BY i.created_at LIMIT 1 FOR UPDATE OF i`,
      [email],
    );
    return row ? { id: row.id, email: row.email, language: row.language, roles: row.roles } : null;
  }

  /**
   * Accepts a pending invitation (locked by the caller): creates the account with the invited roles, plus
   * the roles of every other pending invitation to the same address, and marks them all used. Returns the
   * new account's id. `passwordHash` empty: the account signs in only through a provider.
   */
  async accept(
    tx: EntityManager,
    invitation: PendingInvitation,
    person: { name: string; language?: Lang; passwordHash: string },
  ): Promise<string> {
    const taken = await queryOne<{ found: number }>(tx, `SELECT 1 AS found FROM app_user WHERE lower(email) = lower($1)`, [
      invitation.email,
    ]);
    if (taken)
      throw new DomainError('EMAIL_TAKEN', `An account with the e-mail address ${invitation.email} exists already; sign in with it.`);
    const user = await queryOne<{ id: string }>(
      tx,
      `INSERT INTO app_user (email, name, password_hash, language) VALUES ($1, $2, $3, $4) RETURNING id`,
      [invitation.email, person.name.trim(), person.passwordHash, person.language ?? invitation.language],
    );
    if (!user) throw new Error('An account could not be created');
    const others = await queryRows<{ id: string; roles: RoleAssignment[] }>(
      tx,
      `SELECT id, roles FROM invitation
        WHERE lower(email) = lower($1) AND id <> $2 AND accepted_at IS NULL AND withdrawn_at IS NULL AND expires_at > now() FOR UPDATE`,
      [invitation.email, invitation.id],
    );
    const seen = new Set<string>();
    for (const r of [...invitation.roles, ...others.flatMap((o) => o.roles)]) {
      const key = `${r.role}/${r.regionId ?? ''}/${r.projectId ?? ''}/${r.kommuneId ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // A region or project removed since the invitation simply gives no role.
      await execute(
        tx,
        `INSERT INTO role_assignment (user_id, role, region_id, project_id, kommune_id)
         SELECT $1, $2, $3, $4, $5
          WHERE ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM region WHERE id = $3))
            AND ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM project WHERE id = $4))
            AND ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM kommune WHERE id = $5))`,
        [user.id, r.role, r.regionId, r.projectId, r.kommuneId ?? null],
      );
    }
    await execute(tx, `UPDATE invitation SET accepted_at = now(), accepted_by = $2 WHERE id = ANY($1::uuid[])`, [
      [invitation.id, ...others.map((o) => o.id)],
      user.id,
    ]);
    return user.id;
  }

  private async findByToken(em: EntityManager, token: string, lock = false): Promise<InvitationRow> {
    const row = await queryOne<InvitationRow>(em, `${SELECT} WHERE i.token_hash = $1${lock ? ' FOR UPDATE OF i' : ''}`, [sha256(token)]);
    if (!row || row.withdrawn_at)
      throw new DomainError(
        'INVITATION_NOT_FOUND',
        'This invitation link is not valid (it may have been withdrawn). Ask the person who invited you for a new one.',
      );
    if (row.accepted_at)
      throw new DomainError('INVITATION_USED', 'This invitation has been accepted already. Sign in with the account it created.');
    if (new Date(row.expires_at).getTime() <= Date.now())
      throw new DomainError('INVITATION_EXPIRED', 'This invitation link has expired. Ask the person who invited you for a new one.');
    return row;
  }

  /** Checks each role: its scope, that it exists and is visible, that the caller may give it, and that it belongs to the route's scope. */
  private async checkRoles(tx: EntityManager, me: Principal, scope: InvitationScope, input: RoleInputDto[]): Promise<RoleAssignment[]> {
    const out: RoleAssignment[] = [];
    const seen = new Set<string>();
    for (const [i, raw] of input.entries()) {
      const r = { ...raw };
      if (scope.kind === 'project' && ROLE_SCOPE[r.role] === 'project') r.projectId ??= scope.projectId;
      if (scope.kind === 'region' && ROLE_SCOPE[r.role] === 'region') r.regionId ??= scope.regionId;
      const problem = roleScopeProblem(r) ?? roleKommuneProblem(r);
      if (problem) throw new DomainError('ROLE_SCOPE_INVALID', `roles[${i}]: ${problem}`);
      let project: { id: string; regionId: string } | null = null;
      if (r.projectId) {
        const p = await queryOne<ProjectRow>(tx, `SELECT id, region_id, name FROM project WHERE id = $1`, [r.projectId]);
        if (!p || !canOnProject(me.roles, { id: p.id, regionId: p.region_id }, 'read'))
          throw new DomainError('PROJECT_NOT_FOUND', `roles[${i}]: there is no project with id ${r.projectId}.`);
        project = { id: p.id, regionId: p.region_id };
        r.regionId = p.region_id;
      } else if (r.regionId) {
        const region = await queryOne<{ found: number }>(tx, `SELECT 1 AS found FROM region WHERE id = $1`, [r.regionId]);
        if (!region || !canOnRegion(me.roles, r.regionId, 'read'))
          throw new DomainError('REGION_NOT_FOUND', `roles[${i}]: there is no region with id ${r.regionId}.`);
      }
      if (r.kommuneId) {
        const member = await queryOne<{ found: number }>(
          tx,
          `SELECT 1 AS found FROM region_membership
            WHERE region_id = $1 AND kommune_id = $2 AND valid_from <= $3 AND (valid_to IS NULL OR valid_to >= $3)`,
          [r.regionId, r.kommuneId, todayInOslo()],
        );
        if (!member) {
          const field = `roles[${i}].kommuneId`;
          const message = `the kommune ${r.kommuneId} is not a member of the role's region; choose one of the region's kommuner.`;
          throw new DomainError('VALIDATION_FAILED', `${field}: ${message}`, [{ field, messages: [message] }]);
        }
      }
      const role: RoleAssignment = {
        role: r.role,
        regionId: r.regionId ?? null,
        projectId: r.projectId ?? null,
        ...(r.role === 'kommune_contact' ? { kommuneId: r.kommuneId ?? null } : {}),
      };
      if (!mayInviteTo(me.roles, role, project))
        throw new DomainError('FORBIDDEN', `roles[${i}]: your role does not allow you to give the role ${r.role} here.`);
      const outside =
        (scope.kind === 'region' && role.regionId !== scope.regionId) || (scope.kind === 'project' && role.projectId !== scope.projectId);
      if (outside)
        throw new DomainError(
          'INVITATION_SCOPE_INVALID',
          scope.kind === 'region'
            ? `roles[${i}]: only roles of this region and its projects can be given here.`
            : `roles[${i}]: only roles in this project's team (project_leader, project_member) can be given here.`,
        );
      const key = `${role.role}/${role.regionId ?? ''}/${role.projectId ?? ''}/${role.kommuneId ?? ''}`;
      if (!seen.has(key)) out.push(role);
      seen.add(key);
    }
    return out;
  }

  /** Whether the caller may see and withdraw this invitation (invite in its region or project). */
  private async mayManage(tx: EntityManager, me: Principal, row: InvitationRow): Promise<boolean> {
    if (isAdmin(me.roles)) return true;
    if (row.project_id) {
      const p = await queryOne<ProjectRow>(tx, `SELECT id, region_id, name FROM project WHERE id = $1`, [row.project_id]);
      return !!p && canOnProject(me.roles, { id: p.id, regionId: p.region_id }, 'invite');
    }
    return row.region_id !== null && canOnRegion(me.roles, row.region_id, 'invite');
  }

  private async getOne(id: string): Promise<InvitationDto> {
    const row = await queryOne<InvitationRow>(this.db, `${SELECT} WHERE i.id = $1`, [id]);
    if (!row) throw notFound(id);
    return (await this.toDtos(this.db.manager, [row]))[0];
  }

  private async describeRoles(em: EntityManager, roles: readonly RoleAssignment[]): Promise<InvitedRoleDto[]> {
    const regionIds = [...new Set(roles.map((r) => r.regionId).filter((x): x is string => !!x))];
    const projectIds = [...new Set(roles.map((r) => r.projectId).filter((x): x is string => !!x))];
    const regions = regionIds.length
      ? await queryRows<NameRow>(em, `SELECT id, name FROM region WHERE id = ANY($1::uuid[])`, [regionIds])
      : [];
    const projects = projectIds.length
      ? await queryRows<NameRow>(em, `SELECT id, name FROM project WHERE id = ANY($1::uuid[])`, [projectIds])
      : [];
    const regionName = new Map(regions.map((r) => [r.id, r.name]));
    const projectName = new Map(projects.map((p) => [p.id, p.name]));
    return roles.map((r) => ({
      role: r.role,
      regionId: r.regionId,
      regionName: r.regionId ? (regionName.get(r.regionId) ?? null) : null,
      projectId: r.projectId,
      projectName: r.projectId ? (projectName.get(r.projectId) ?? null) : null,
      ...(r.role === 'kommune_contact' ? { kommuneId: r.kommuneId ?? null } : {}),
    }));
  }

  private async toDtos(em: EntityManager, rows: InvitationRow[]): Promise<InvitationDto[]> {
    const described = await this.describeRoles(
      em,
      rows.flatMap((r) => r.roles),
    );
    let at = 0;
    return rows.map((r) => {
      const roles = described.slice(at, at + r.roles.length);
      at += r.roles.length;
      return {
        id: r.id,
        email: r.email,
        language: r.language,
        roles,
        regionId: r.region_id,
        projectId: r.project_id,
        invitedByName: r.invited_by_name,
        createdAt: new Date(r.created_at).toISOString(),
        expiresAt: new Date(r.expires_at).toISOString(),
        expired: new Date(r.expires_at).getTime() <= Date.now(),
      };
    });
  }
}

function notFound(id: string): DomainError {
  return new DomainError('INVITATION_NOT_FOUND', `There is no pending invitation with id ${id}.`);
}
