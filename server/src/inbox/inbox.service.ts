import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canOnProject, isAdmin, todayInOslo, type IsoDate, type Role, type RoleAssignment, compareNb } from '@nvr/shared';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { InboxDto, InboxItemDto } from './inbox.dto';
import { findInboxRecords, INBOX_ITEM_KINDS, InboxRecord, InboxScope } from './inbox.queries';

/** "Venter på deg": what waits on the signed-in person, across every project they may see. */
@Injectable()
export class InboxService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async inbox(user: Principal, today: IsoDate = todayInOslo()): Promise<InboxDto> {
    const records = await findInboxRecords(this.db, inboxScope(user.userId, user.roles));
    const items = records
      .filter((r) => canOnProject(user.roles, { id: r.project_id, regionId: r.region_id }, 'read'))
      .map((r) => toItem(r, today));
    return { asOf: today, items: sortInbox(items) };
  }
}

/** The person's roles as the inbox's scopes. */
export function inboxScope(userId: string, roles: readonly RoleAssignment[]): InboxScope {
  const admin = isAdmin(roles);
  const regionsOf = (...wanted: Role[]) => [
    ...new Set(roles.flatMap((r) => (wanted.includes(r.role) && r.regionId && !r.projectId ? [r.regionId] : []))),
  ];
  return {
    userId,
    decide: { all: admin, regionIds: regionsOf('regionraad') },
    recordKommune: { all: admin, regionIds: regionsOf('regionraad', 'kommune_contact') },
    teamProjectIds: [
      ...new Set(roles.flatMap((r) => ((r.role === 'project_leader' || r.role === 'project_member') && r.projectId ? [r.projectId] : []))),
    ],
  };
}

/** By due date (none last), then project, then the kind's order, then title. */
export function sortInbox(items: readonly InboxItemDto[]): InboxItemDto[] {
  return [...items].sort(
    (a, b) =>
      (a.due === b.due ? 0 : a.due === null ? 1 : b.due === null ? -1 : a.due < b.due ? -1 : 1) ||
      compareNb(a.projectName, b.projectName) ||
      INBOX_ITEM_KINDS.indexOf(a.kind) - INBOX_ITEM_KINDS.indexOf(b.kind) ||
      compareNb(a.title, b.title),
  );
}

function toItem(r: InboxRecord, today: IsoDate): InboxItemDto {
  return {
    kind: r.kind,
    projectId: r.project_id,
    projectName: r.project_name,
    regionId: r.region_id,
    regionName: r.region_name,
    phaseKey: r.phase_key,
    targetId: r.target_id,
    title: r.title,
    bodyName: r.body_name,
    comment: r.comment,
    owner: r.owner_id && r.owner_name ? { id: r.owner_id, name: r.owner_name } : null,
    due: r.due,
    overdue: r.due !== null && r.due < today,
    since: r.since,
    link:
      r.kind === 'deliverable_to_review' || r.kind === 'deliverable_returned'
        ? `/prosjekter/${r.project_id}/leveranser/${r.target_id}`
        : `/prosjekter/${r.project_id}/faser/${r.phase_key}/beslutning`,
  };
}
