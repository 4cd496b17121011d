import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isAdmin, ROLE_SCOPE, RoleAssignment, roleKommuneProblem, roleScopeProblem, todayInOslo } from '@nvr/shared';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { hashPassword } from '../auth/passwords';
import { SessionService } from '../auth/session.service';
import { DomainError, versionConflict } from '../common/domain-error';
import { execute, queryOne, queryRows } from '../database/sql';
import { CreateUserDto, RoleInputDto, UpdateUserDto, UserResponseDto } from './user.dto';
import { AppUser, RoleAssignmentRow } from './user.entity';

/** An active account as the directory lists it. */
interface DirectoryRow {
  id: string;
  name: string;
  email: string;
}

/** A role of a listed account, with its region's name. */
interface UserRoleRow {
  user_id: string;
  role: RoleAssignmentRow['role'];
  region_id: string | null;
  region_name: string | null;
  project_id: string | null;
  kommune_id: string | null;
  kommune_name: string | null;
}

/** The answer of an existence check (`SELECT 1 AS found …`). */
interface FoundRow {
  found: number;
}

@Injectable()
export class UserService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionService,
  ) {}

  async list(): Promise<UserResponseDto[]> {
    const users = await this.db.getRepository(AppUser).find({ order: { name: 'ASC' } });
    return this.withRoles(this.db.manager, users);
  }

  /**
   * Active accounts the caller shares a region or a project with (everyone, for administrators): for a
   * region role, everyone with a role in that region or in one of its projects; for a project role, the
   * project's people and the region roles that act on every project of its region (regionråd, advisers,
   * kommune contacts). People of other regions, and accounts with no role, stay hidden.
   */
  async directory(roles: readonly RoleAssignment[]): Promise<DirectoryRow[]> {
    if (isAdmin(roles)) return queryRows<DirectoryRow>(this.db, `SELECT id, name, email FROM app_user WHERE active ORDER BY name, email`);
    const regionIds = new Set<string>();
    const projectIds = new Set<string>();
    const projectRegionIds = new Set<string>();
    for (const r of roles) {
      if (ROLE_SCOPE[r.role] === 'region' && r.regionId) regionIds.add(r.regionId);
      if (ROLE_SCOPE[r.role] === 'project' && r.projectId) {
        projectIds.add(r.projectId);
        if (r.regionId) projectRegionIds.add(r.regionId);
      }
    }
    if (regionIds.size === 0 && projectIds.size === 0) return [];
    return queryRows<DirectoryRow>(
      this.db,
      `SELECT u.id, u.name, u.email FROM app_user u
        WHERE u.active AND EXISTS (
          SELECT 1 FROM role_assignment ra
           WHERE ra.user_id = u.id
             AND (ra.region_id = ANY($1::uuid[]) OR ra.project_id = ANY($2::uuid[]) OR (ra.project_id IS NULL AND ra.region_id = ANY($3::uuid[])))
        )
        ORDER BY u.name, u.email`,
      [[...regionIds], [...projectIds], [...projectRegionIds]],
    );
  }

  async get(id: string, em: EntityManager = this.db.manager): Promise<UserResponseDto> {
    const [user] = await this.withRoles(em, [await this.findOrFail(em, id)]);
    return user;
  }

  async create(dto: CreateUserDto): Promise<UserResponseDto> {
    const passwordHash = await hashPassword(dto.newPassword);
    const id = await this.inTransaction(async (tx) => {
      await this.assertEmailFree(tx, dto.email);
      const user = await tx
        .getRepository(AppUser)
        .save(tx.getRepository(AppUser).create({ email: dto.email, name: dto.name, passwordHash, language: dto.language ?? 'nb' }));
      await this.writeRoles(tx, user.id, dto.roles ?? []);
      return user.id;
    });
    return this.get(id);
  }

  async update(id: string, dto: UpdateUserDto, actingUserId: string): Promise<UserResponseDto> {
    await this.inTransaction(async (tx) => {
      const user = await this.findOrFail(tx, id, true);
      if (user.version !== dto.version) throw versionConflict('account', dto.version, user.version);
      if (dto.email && dto.email.toLowerCase() !== user.email.toLowerCase()) await this.assertEmailFree(tx, dto.email);
      if (dto.active === false && user.active) {
        if (id === actingUserId) throw new DomainError('LAST_ADMIN', 'You cannot deactivate your own account.');
        await this.assertAnotherAdmin(tx, id);
      }
      await tx
        .getRepository(AppUser)
        .save({ ...user, email: dto.email ?? user.email, name: dto.name ?? user.name, active: dto.active ?? user.active });
    });
    if (dto.active === false) await this.sessions.revokeAllForUser(id);
    // A new name, e-mail address or state shows in the person's next request on this instance too.
    else this.sessions.forgetUsers([id]);
    return this.get(id);
  }

  /** Replaces the person's admin and region roles at once; project roles stay (they belong to the project's team). */
  async setRoles(id: string, roles: RoleInputDto[]): Promise<UserResponseDto> {
    await this.inTransaction(async (tx) => {
      await this.findOrFail(tx, id, true);
      if (!roles.some((r) => r.role === 'admin')) await this.assertAnotherAdmin(tx, id);
      // Project roles are kept: they are given on the project's page (its team).
      await execute(tx, `DELETE FROM role_assignment WHERE user_id = $1 AND project_id IS NULL`, [id]);
      await this.writeRoles(tx, id, roles);
      await execute(tx, `UPDATE app_user SET version = version + 1, updated_at = now() WHERE id = $1`, [id]);
    });
    this.sessions.forgetUsers([id]);
    return this.get(id);
  }

  /** An administrator sets a new password; the person's sessions end. */
  async setPassword(id: string, newPassword: string): Promise<void> {
    await this.findOrFail(this.db.manager, id);
    await execute(this.db, `UPDATE app_user SET password_hash = $2, updated_at = now() WHERE id = $1`, [
      id,
      await hashPassword(newPassword),
    ]);
    await this.sessions.revokeAllForUser(id);
  }

  private async writeRoles(tx: EntityManager, userId: string, roles: RoleInputDto[]): Promise<void> {
    const seen = new Set<string>();
    for (const [i, r] of roles.entries()) {
      const problem = roleScopeProblem(r);
      if (problem) throw new DomainError('ROLE_SCOPE_INVALID', `roles[${i}]: ${problem}`);
      if (r.projectId) throw new DomainError('ROLE_SCOPE_INVALID', `roles[${i}]: project roles are given on the project's page.`);
      if (r.regionId) {
        const region = await queryOne<FoundRow>(tx, `SELECT 1 AS found FROM region WHERE id = $1`, [r.regionId]);
        if (!region) throw new DomainError('REGION_NOT_FOUND', `roles[${i}]: there is no region with id ${r.regionId}.`);
      }
      if (r.kommuneId) await assertKommuneOfRegion(tx, i, r.role, r.regionId ?? null, r.kommuneId);
      const key = `${r.role}/${r.regionId ?? ''}/${r.projectId ?? ''}/${r.kommuneId ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      await tx.getRepository(RoleAssignmentRow).insert({
        userId,
        role: r.role,
        regionId: r.regionId ?? null,
        projectId: r.projectId ?? null,
        kommuneId: r.kommuneId ?? null,
      });
    }
  }

  private async withRoles(em: EntityManager, users: AppUser[]): Promise<UserResponseDto[]> {
    if (users.length === 0) return [];
    const rows = await queryRows<UserRoleRow>(
      em,
      `SELECT ra.user_id, ra.role, ra.region_id, r.name AS region_name, ra.project_id, ra.kommune_id, k.name AS kommune_name
         FROM role_assignment ra LEFT JOIN region r ON r.id = ra.region_id LEFT JOIN kommune k ON k.id = ra.kommune_id
        WHERE ra.user_id = ANY($1::uuid[])
        ORDER BY ra.role, r.name, ra.project_id, k.name NULLS FIRST, ra.id`,
      [users.map((u) => u.id)],
    );
    return users.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      active: u.active,
      language: u.language,
      version: u.version,
      roles: rows
        .filter((r) => r.user_id === u.id)
        .map((r) => ({
          role: r.role,
          regionId: r.region_id,
          regionName: r.region_name,
          projectId: r.project_id,
          ...(r.role === 'kommune_contact' ? { kommuneId: r.kommune_id, kommuneName: r.kommune_name } : {}),
        })),
    }));
  }

  private async findOrFail(em: EntityManager, id: string, lock = false): Promise<AppUser> {
    const user = await em
      .getRepository(AppUser)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!user) throw new DomainError('USER_NOT_FOUND', `There is no account with id ${id}.`);
    return user;
  }

  private async assertEmailFree(em: EntityManager, email: string): Promise<void> {
    const taken = await queryOne<FoundRow>(em, `SELECT 1 AS found FROM app_user WHERE lower(email) = lower($1)`, [email]);
    if (taken) throw new DomainError('EMAIL_TAKEN', `An account with the e-mail address ${email} already exists.`);
  }

  /** Refuses a change that would leave no active administrator. */
  private async assertAnotherAdmin(em: EntityManager, exceptUserId: string): Promise<void> {
    const isAdmin = await queryOne<FoundRow>(em, `SELECT 1 AS found FROM role_assignment WHERE user_id = $1 AND role = 'admin'`, [
      exceptUserId,
    ]);
    if (!isAdmin) return;
    const other = await queryOne<FoundRow>(
      em,
      `SELECT 1 AS found FROM role_assignment ra JOIN app_user u ON u.id = ra.user_id WHERE ra.role = 'admin' AND u.active AND u.id <> $1 LIMIT 1`,
      [exceptUserId],
    );
    if (!other) throw new DomainError('LAST_ADMIN', 'This is the last active administrator; make someone else an administrator first.');
  }

  private async inTransaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(work);
    } catch (e) {
      if (e instanceof QueryFailedError && (e.driverError as { constraint?: string })?.constraint === 'app_user_email_key') {
        throw new DomainError('EMAIL_TAKEN', 'An account with that e-mail address already exists.');
      }
      throw e;
    }
  }
}

/**
 * A kommune contact's kommune must exist and be a member of the role's region today; else 400 naming
 * roles[i].kommuneId. Other roles take no kommune.
 */
async function assertKommuneOfRegion(
  tx: EntityManager,
  i: number,
  role: RoleInputDto['role'],
  regionId: string | null,
  kommuneId: string,
): Promise<void> {
  const field = `roles[${i}].kommuneId`;
  const problem = roleKommuneProblem({ role, kommuneId });
  if (problem) throw new DomainError('VALIDATION_FAILED', `${field}: ${problem}`, [{ field, messages: [problem] }]);
  const member = await queryOne<FoundRow>(
    tx,
    `SELECT 1 AS found FROM region_membership
      WHERE region_id = $1 AND kommune_id = $2 AND valid_from <= $3 AND (valid_to IS NULL OR valid_to >= $3)`,
    [regionId, kommuneId, todayInOslo()],
  );
  if (!member) {
    const message = `the kommune ${kommuneId} is not a member of the role's region; choose one of the region's kommuner.`;
    throw new DomainError('VALIDATION_FAILED', `${field}: ${message}`, [{ field, messages: [message] }]);
  }
}
