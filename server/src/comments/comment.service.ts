import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canOnProject, CommentTargetType, isAdmin, RoleAssignment } from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DomainError, versionConflict } from '../common/domain-error';
import { execute, queryOne, queryRows } from '../database/sql';
import { NotificationService } from '../notifications/notification.service';
import { ProjectChanges } from '../projects/project-changes';
import { CommentDto, CommentTargetQueryDto, CreateCommentDto, UpdateCommentDto } from './comment.dto';
import { resolveMentions } from './mention.service';

interface CommentRow {
  id: string;
  project_id: string;
  target_type: CommentTargetType;
  target_id: string;
  body: string;
  author_id: string | null;
  author_name: string | null;
  author_email: string | null;
  mentions: { id: string; name: string; email: string }[];
  mentioned_user_ids: string[];
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
  version: number;
}

interface ProjectRef {
  id: string;
  regionId: string;
  name: string;
}

const SELECT_COMMENTS = `
  SELECT c.id, c.project_id, c.target_type, c.target_id, c.body, c.author_id, a.name AS author_name, a.email AS author_email,
         c.mentioned_user_ids, c.created_at, c.edited_at, c.deleted_at, c.version,
         coalesce((SELECT json_agg(json_build_object('id', u.id, 'name', u.name, 'email', u.email) ORDER BY u.name)
                     FROM app_user u WHERE u.id = ANY(c.mentioned_user_ids)), '[]') AS mentions
    FROM comment c LEFT JOIN app_user a ON a.id = c.author_id`;

/**
 * Comments on a phase's plan, a deliverable or a status report, by anyone who may comment on the
 * project (advisers too). @mentions notify the people named; a mention of someone who may not read the
 * project refuses the comment (mention.service.ts).
 */
@Injectable()
export class CommentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: ProjectChanges,
    private readonly notifications: NotificationService,
  ) {}

  async list(projectId: string, target: CommentTargetQueryDto, actor: Principal): Promise<CommentDto[]> {
    const project = await findProject(this.db.manager, projectId);
    await assertTarget(this.db.manager, project, target, actor.roles);
    const rows = await queryRows<CommentRow>(
      this.db,
      `${SELECT_COMMENTS} WHERE c.project_id = $1 AND c.target_type = $2 AND c.target_id = $3 AND c.deleted_at IS NULL ORDER BY c.created_at, c.id`,
      [projectId, target.targetType, target.targetId],
    );
    return rows.map((r) => toDto(r, actor));
  }

  async create(projectId: string, dto: CreateCommentDto, actor: Principal): Promise<CommentDto> {
    // One unit of work per change, as for everything in a project: the project locked, history recorded, one transaction.
    const id = await this.changes.run(projectId, actor, async (tx) => {
      const project = await findProject(tx, projectId);
      await assertTarget(tx, project, dto, actor.roles);
      const mentioned = await resolveMentions(tx, project, dto.body);
      const c = await queryOne<{ id: string }>(
        tx,
        `INSERT INTO comment (project_id, target_type, target_id, author_id, body, mentioned_user_ids) VALUES ($1, $2, $3, $4, $5, $6::uuid[]) RETURNING id`,
        [projectId, dto.targetType, dto.targetId, actor.userId, dto.body, mentioned.map((m) => m.id)],
      );
      if (!c) throw new Error('INSERT … RETURNING answered no row');
      await this.notifyMentioned(
        tx,
        project,
        { id: c.id, targetType: dto.targetType, targetId: dto.targetId, body: dto.body },
        mentioned,
        actor,
      );
      return {
        history: {
          action: 'comment.added',
          entityType: 'comment',
          entityId: c.id,
          after: { targetType: dto.targetType, targetId: dto.targetId, body: dto.body, mentionedUserIds: mentioned.map((m) => m.id) },
        },
        result: c.id,
      };
    });
    return this.get(projectId, id, actor);
  }

  async update(projectId: string, commentId: string, dto: UpdateCommentDto, actor: Principal): Promise<CommentDto> {
    await this.changes.run(projectId, actor, async (tx) => {
      const project = await findProject(tx, projectId);
      const c = await this.find(tx, projectId, commentId, true);
      if (c.author_id !== actor.userId) throw new DomainError('FORBIDDEN', 'You can only edit your own comments.');
      if (c.version !== dto.version) throw versionConflict('comment', dto.version, c.version);
      const mentioned = await resolveMentions(tx, project, dto.body);
      await execute(
        tx,
        `UPDATE comment SET body = $2, mentioned_user_ids = $3::uuid[], edited_at = now(), version = version + 1 WHERE id = $1`,
        [commentId, dto.body, mentioned.map((m) => m.id)],
      );
      // Only people newly mentioned are notified; the once-only key stops repeats anyway.
      const added = mentioned.filter((m) => !c.mentioned_user_ids.includes(m.id));
      await this.notifyMentioned(tx, project, { id: c.id, targetType: c.target_type, targetId: c.target_id, body: dto.body }, added, actor);
      return {
        history: {
          action: 'comment.edited',
          entityType: 'comment',
          entityId: commentId,
          before: { body: c.body, mentionedUserIds: c.mentioned_user_ids },
          after: { body: dto.body, mentionedUserIds: mentioned.map((m) => m.id) },
        },
      };
    });
    return this.get(projectId, commentId, actor);
  }

  /** Soft delete: the comment disappears from lists; the history keeps what it said. */
  async remove(projectId: string, commentId: string, actor: Principal): Promise<void> {
    await this.changes.run(projectId, actor, async (tx) => {
      const c = await this.find(tx, projectId, commentId, true);
      if (c.author_id !== actor.userId && !isAdmin(actor.roles))
        throw new DomainError('FORBIDDEN', 'You can only delete your own comments.');
      await execute(tx, `UPDATE comment SET deleted_at = now(), version = version + 1 WHERE id = $1`, [commentId]);
      return { history: { action: 'comment.deleted', entityType: 'comment', entityId: commentId, before: { body: c.body } } };
    });
  }

  private async get(projectId: string, commentId: string, actor: Principal): Promise<CommentDto> {
    return toDto(await this.find(this.db.manager, projectId, commentId), actor);
  }

  private async find(em: EntityManager, projectId: string, commentId: string, lock = false): Promise<CommentRow> {
    const row = await queryOne<CommentRow>(
      em,
      `${SELECT_COMMENTS} WHERE c.id = $1 AND c.project_id = $2 AND c.deleted_at IS NULL ${lock ? 'FOR UPDATE OF c' : ''}`,
      [commentId, projectId],
    );
    if (!row) throw new DomainError('COMMENT_NOT_FOUND', `The project has no comment with id ${commentId}.`);
    return row;
  }

  private async notifyMentioned(
    tx: EntityManager,
    project: ProjectRef,
    comment: { id: string; targetType: CommentTargetType; targetId: string; body: string },
    people: readonly { id: string }[],
    actor: Principal,
  ): Promise<void> {
    const excerpt = comment.body.length > 280 ? `${comment.body.slice(0, 277)}…` : comment.body;
    const phase =
      comment.targetType === 'phase_plan'
        ? await queryOne<{ phase_key: string }>(tx, `SELECT phase_key FROM project_phase WHERE id = $1`, [comment.targetId])
        : undefined;
    const link = linkTo(project.id, comment.targetType, phase?.phase_key ?? comment.targetId);
    await this.notifications.notify(
      tx,
      people
        .filter((p) => p.id !== actor.userId)
        .map((p) => ({
          recipientId: p.id,
          kind: 'mention' as const,
          projectId: project.id,
          targetType: 'comment',
          targetId: comment.id,
          title: `${actor.name} nevnte deg i en kommentar`,
          body: `${actor.name} skrev i ${project.name}: «${excerpt}»`,
          link,
          params: { commentTargetType: comment.targetType, commentTargetId: comment.targetId, projectName: project.name, excerpt },
          actorId: actor.userId,
        })),
    );
  }
}

async function findProject(em: EntityManager, projectId: string): Promise<ProjectRef> {
  const p = await queryOne<ProjectRef>(em, `SELECT id, region_id AS "regionId", name FROM project WHERE id = $1`, [projectId]);
  if (!p) throw new DomainError('PROJECT_NOT_FOUND', `There is no project with id ${projectId}.`);
  return p;
}

/** The target must belong to the project, and a draft status report is only for those who see drafts. */
async function assertTarget(
  em: EntityManager,
  project: ProjectRef,
  target: { targetType: CommentTargetType; targetId: string },
  roles: readonly RoleAssignment[],
): Promise<void> {
  const sql: Record<CommentTargetType, string> = {
    phase_plan: `SELECT 'ok' AS state FROM project_phase WHERE id = $1 AND project_id = $2`,
    deliverable: `SELECT 'ok' AS state FROM deliverable d JOIN project_phase ph ON ph.id = d.phase_id WHERE d.id = $1 AND ph.project_id = $2`,
    status_report: `SELECT state FROM status_report WHERE id = $1 AND project_id = $2`,
  };
  const row = await queryOne<{ state: string }>(em, sql[target.targetType], [target.targetId, project.id]);
  if (!row || (row.state === 'draft' && !canOnProject(roles, project, 'edit'))) {
    throw new DomainError(
      'COMMENT_TARGET_NOT_FOUND',
      `The project has no ${target.targetType.replace('_', ' ')} with id ${target.targetId}.`,
    );
  }
}

/** Where the comment is read in the web app; for a phase plan, `target` is the phase key. */
function linkTo(projectId: string, type: CommentTargetType, target: string): string {
  switch (type) {
    case 'deliverable':
      return `/prosjekter/${projectId}/leveranser/${target}`;
    case 'status_report':
      return `/prosjekter/${projectId}/statusrapporter/${target}`;
    case 'phase_plan':
      return `/prosjekter/${projectId}/faser/${target}/plan`;
  }
}

function toDto(r: CommentRow, actor: Principal): CommentDto {
  return {
    id: r.id,
    projectId: r.project_id,
    targetType: r.target_type,
    targetId: r.target_id,
    body: r.body,
    author: r.author_id && r.author_name && r.author_email ? { id: r.author_id, name: r.author_name, email: r.author_email } : null,
    mentions: r.mentions,
    createdAt: r.created_at.toISOString(),
    editedAt: r.edited_at?.toISOString() ?? null,
    version: r.version,
    editable: r.author_id === actor.userId,
    deletable: r.author_id === actor.userId || isAdmin(actor.roles),
  };
}
