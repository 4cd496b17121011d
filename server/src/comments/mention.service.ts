import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canOnProject, extractMentions, mentionRoles, type RoleAssignment } from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { queryOne, queryRows } from '../database/sql';
import { MENTION_LIMIT_DEFAULT, MentionablePeopleQueryDto, MentionablePersonDto } from './mention.dto';

export interface MentionedPerson {
  id: string;
  name: string;
  email: string;
}

interface PersonWithRolesRow extends MentionedPerson {
  roles: RoleAssignment[];
}

const ROLES_JSON = `coalesce(json_agg(json_build_object('role', ra.role, 'regionId', ra.region_id, 'projectId', ra.project_id, 'kommuneId', ra.kommune_id)
                     ORDER BY ra.role, ra.id) FILTER (WHERE ra.id IS NOT NULL), '[]')`;

/**
 * The people of a project's region with a role there: every non-admin role carries its region (project roles
 * too), so this holds everyone the access rules may let read the project; the rules then decide. A region has
 * tens of such people, not thousands: the guard against a runaway list is generous.
 */
const REGION_PEOPLE_SQL = `
  SELECT u.id, u.name, u.email, ${ROLES_JSON} AS roles
    FROM app_user u JOIN role_assignment ra ON ra.user_id = u.id
   WHERE u.active AND ra.region_id = $1
   GROUP BY u.id
   LIMIT 5000`;

/**
 * Who can be mentioned on a project, and the check that a comment mentions only such people. Mentions
 * follow the access rules of shared/src/access.ts (mentionRoles, canOnProject), not a list of their own.
 */
@Injectable()
export class MentionService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The people who may read the project, for the picker: its leaders and members, the region's regionråd,
   * advisers and kommune contacts; administrators only where they hold such a role too. Not the asker
   * (a mention of oneself notifies nobody). Best match first: a name that starts with `q`, then a word of
   * the name, then the address.
   */
  async list(projectId: string, query: MentionablePeopleQueryDto, actor: Principal): Promise<MentionablePersonDto[]> {
    const project = await queryOne<{ id: string; regionId: string }>(
      this.db,
      `SELECT id, region_id AS "regionId" FROM project WHERE id = $1`,
      [projectId],
    );
    if (!project) throw new DomainError('PROJECT_NOT_FOUND', `There is no project with id ${projectId}.`);
    const q = (query.q ?? '').trim().replace(/^@/, '').toLocaleLowerCase('nb');
    const people = await queryRows<PersonWithRolesRow>(this.db, REGION_PEOPLE_SQL, [project.regionId]);
    return people
      .filter((p) => p.id !== actor.userId)
      .map((p) => ({ person: p, roles: mentionRoles(p.roles, project), rank: matchRank(p, q) }))
      .filter((x): x is typeof x & { rank: number } => x.roles.length > 0 && x.rank !== null)
      .sort((a, b) => a.rank - b.rank || a.person.name.localeCompare(b.person.name, 'nb') || a.person.email.localeCompare(b.person.email))
      .slice(0, query.limit ?? MENTION_LIMIT_DEFAULT)
      .map(({ person, roles }) => ({ id: person.id, name: person.name, email: person.email, roles }));
  }
}

/** How well a person matches what was typed after "@" (lower-cased); lower is better, null is no match. */
function matchRank(p: MentionedPerson, q: string): number | null {
  if (!q) return 0;
  const name = p.name.toLocaleLowerCase('nb');
  const email = p.email.toLowerCase();
  if (name.startsWith(q)) return 0;
  if (name.split(/[\s()-]+/).some((w) => w.startsWith(q))) return 1;
  if (email.startsWith(q)) return 2;
  if (
    email
      .split('@')[0]
      .split(/[._+-]/)
      .some((w) => w.startsWith(q))
  )
    return 3;
  return null;
}

/**
 * The active people a comment mentions, each of whom may read the project (administrators too: they may).
 * A mention of anyone else (no such account, inactive, or no access) refuses the whole comment, naming the
 * handles, so nobody is silently left out; it does not say which of these it was, so it tells nothing about
 * accounts beyond the project.
 */
export async function resolveMentions(
  em: EntityManager,
  project: { id: string; regionId: string },
  body: string,
): Promise<MentionedPerson[]> {
  const { emails, userIds } = extractMentions(body);
  if (!emails.length && !userIds.length) return [];
  const people = await queryRows<PersonWithRolesRow>(
    em,
    `SELECT u.id, u.name, u.email, ${ROLES_JSON} AS roles
       FROM app_user u LEFT JOIN role_assignment ra ON ra.user_id = u.id
      WHERE u.active AND (lower(u.email) = ANY($1::text[]) OR u.id = ANY($2::uuid[]))
      GROUP BY u.id ORDER BY u.name`,
    [emails, userIds],
  );
  const allowed = people.filter((p) => canOnProject(p.roles, project, 'read')).map(({ id, name, email }) => ({ id, name, email }));
  const unknown = [
    ...emails.filter((e) => !allowed.some((p) => p.email.toLowerCase() === e)),
    ...userIds.filter((id) => !allowed.some((p) => p.id === id)),
  ].map((h) => `@${h}`);
  if (unknown.length) {
    const handles = unknown.join(', ');
    throw new DomainError(
      'COMMENT_MENTION_UNKNOWN',
      `No one who may read this project is ${handles}. Mention people by choosing them from the list, or remove the "@".`,
    ).withParams({ handles, count: unknown.length });
  }
  return allowed;
}
