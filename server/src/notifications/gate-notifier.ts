import { Injectable } from '@nestjs/common';
import { type DecisionOutcome, type IsoDate, type PhaseKey, type Role } from '@nvr/shared';
import type { EntityManager } from 'typeorm';
import { queryOne, queryRows } from '../database/sql';
import { NewNotification, NewNotificationWithout, NotificationService, type PersonRow } from './notification.service';

/** The gate a hand-over concerns. */
export interface GateContext {
  projectId: string;
  phaseKey: PhaseKey;
  submissionId: string;
  actorId: string;
}

/** Who is told of a hand-over, by their role on the project or in its region. */
interface Audience {
  /** Region roles (the project's region): the secretariat is 'regionraad'. */
  regionRoles?: readonly Role[];
  /** Project roles (this project only). */
  projectRoles?: readonly Role[];
  /** Particular people (a deliverable's owner), told only while they may read the project. */
  userIds?: readonly string[];
  /**
   * The kommune contacts of the region for the pending kommune cases of this submission: those of each
   * such kommune and the region-wide ones.
   */
  kommuneContactsOf?: string;
}

interface HandoverProjectRow {
  name: string;
  region_id: string;
}

interface RecipientRow {
  user_id: string;
}

/**
 * Who is told of a decision, read inside the decision's own statement (decisionAudienceJson): the
 * recipients in order, and each of them and the actor with their name and language.
 */
export interface DecisionAudienceRecord {
  recipients: string[];
  people: PersonRow[];
}

/** Told of a decision: the leader, the team and the region's advisers. */
const DECIDED_AUDIENCE = { projectRoles: ['project_leader', 'project_member'], regionRoles: ['adviser'] } as const satisfies Audience;

interface ReviewedDeliverableRow {
  owner_user_id: string | null;
  version: number;
}

/**
 * Tells whoever must act next, in-app and by e-mail with an absolute link. Called inside the change's
 * transaction, so a hand-over is told exactly when it happens, and not at all when the change rolls back.
 *
 * Each notification's once-only key (kind, target, recipient, period) names the hand-over itself: the
 * submission, the case step, the decision, or the deliverable's review at its version. So a retried
 * transaction tells nobody twice, and a resubmission (a new submission, new steps) tells everyone again.
 * The person who acted is never told of their own act, and only active accounts are told.
 *
 * The texts come from the shared catalogue (shared/src/notification-texts.ts): each e-mail in its
 * recipient's language; the web app renders the in-app text from kind and params in the reader's language.
 */
@Injectable()
export class GateNotifier {
  constructor(private readonly notifications: NotificationService) {}

  /** Submitted → the secretariat (the region's regionråd accounts): the case is at its first body. */
  async submitted(tx: EntityManager, ctx: GateContext, firstBody: { stepId: string; bodyName: string }): Promise<number> {
    const project = await this.project(tx, ctx.projectId);
    return this.send(
      tx,
      project,
      ctx.projectId,
      ctx.actorId,
      { regionRoles: ['regionraad'] },
      {
        kind: 'gate_submitted',
        targetType: 'gate',
        targetId: ctx.submissionId,
        link: gateLink(ctx),
        params: { phaseKey: ctx.phaseKey, bodyName: firstBody.bodyName, projectName: project.name },
      },
    );
  }

  /** One body has handled the case → the case is at the next body: the secretariat, which prepares its meeting. */
  async caseAtBody(tx: EntityManager, ctx: GateContext, body: { stepId: string; bodyName: string }): Promise<number> {
    const project = await this.project(tx, ctx.projectId);
    return this.send(
      tx,
      project,
      ctx.projectId,
      ctx.actorId,
      { regionRoles: ['regionraad'] },
      {
        kind: 'case_at_body',
        targetType: 'case_step',
        targetId: body.stepId,
        link: gateLink(ctx),
        params: { phaseKey: ctx.phaseKey, bodyName: body.bodyName, projectName: project.name },
      },
    );
  }

  /**
   * Decided → the leader, the team and the region's advisers. `project` (its name and region), when the
   * caller has read it already, saves reading it again; so does `audience`, those told as
   * decisionAudienceJson read them in the caller's statement (with the project locked).
   */
  async decided(
    tx: EntityManager,
    ctx: GateContext,
    decision: { decisionId: string; outcome: DecisionOutcome; bodyName: string },
    known?: { name: string; regionId: string; audience?: DecisionAudienceRecord },
  ): Promise<number> {
    const project = known ? { name: known.name, region_id: known.regionId } : await this.project(tx, ctx.projectId);
    return this.send(tx, project, ctx.projectId, ctx.actorId, known?.audience ?? DECIDED_AUDIENCE, {
      kind: 'gate_decided',
      targetType: 'gate_decision',
      targetId: decision.decisionId,
      link: gateLink(ctx),
      params: { phaseKey: ctx.phaseKey, outcome: decision.outcome, bodyName: decision.bodyName, projectName: project.name },
    });
  }

  /**
   * Kommune cases opened → the secretariat and the kommune contacts of each kommune with a pending case
   * (and the region-wide ones): each kommunestyre must decide by the deadline.
   */
  async kommuneCasesOpened(tx: EntityManager, ctx: GateContext, deadline: IsoDate): Promise<number> {
    // A resubmission carries over the decisions on unchanged shares: with none left pending, nobody must act.
    const pending = await queryOne<{ found: number }>(
      tx,
      `SELECT 1 AS found FROM kommune_case WHERE submission_id = $1 AND outcome = 'pending' LIMIT 1`,
      [ctx.submissionId],
    );
    if (!pending) return 0;
    const project = await this.project(tx, ctx.projectId);
    return this.send(
      tx,
      project,
      ctx.projectId,
      ctx.actorId,
      { regionRoles: ['regionraad'], kommuneContactsOf: ctx.submissionId },
      {
        kind: 'kommune_case_opened',
        targetType: 'gate',
        targetId: ctx.submissionId,
        link: gateLink(ctx),
        params: { phaseKey: ctx.phaseKey, deadline, projectName: project.name },
      },
    );
  }

  /** A deliverable reviewed (accepted or returned) → its owner and the project leaders. */
  async deliverableReviewed(
    tx: EntityManager,
    projectId: string,
    deliverable: { id: string; title: string; outcome: 'accepted' | 'returned' },
    actorId: string,
  ): Promise<number> {
    const project = await this.project(tx, projectId);
    const row = await queryOne<ReviewedDeliverableRow>(tx, `SELECT owner_user_id, version FROM deliverable WHERE id = $1`, [
      deliverable.id,
    ]);
    return this.send(
      tx,
      project,
      projectId,
      actorId,
      { projectRoles: ['project_leader'], userIds: row?.owner_user_id ? [row.owner_user_id] : [] },
      {
        kind: 'deliverable_reviewed',
        targetType: 'deliverable',
        targetId: deliverable.id,
        // A deliverable is reviewed again after it is changed and resubmitted: its version tells the reviews apart.
        period: `${deliverable.outcome}:v${row?.version ?? 0}`,
        link: `/prosjekter/${projectId}/leveranser/${deliverable.id}`,
        params: { title: deliverable.title, outcome: deliverable.outcome, projectName: project.name },
      },
    );
  }

  private async project(tx: EntityManager, projectId: string): Promise<HandoverProjectRow> {
    const row = await queryOne<HandoverProjectRow>(tx, `SELECT name, region_id FROM project WHERE id = $1`, [projectId]);
    if (!row) throw new Error(`GateNotifier: no project ${projectId}`);
    return row;
  }

  /** Finds the audience (active accounts, never the actor), unless it was read already, and notifies each once. */
  private async send(
    tx: EntityManager,
    project: HandoverProjectRow,
    projectId: string,
    actorId: string,
    audience: Audience | DecisionAudienceRecord,
    message: NewNotificationWithout<'recipientId' | 'projectId' | 'actorId'>,
  ): Promise<number> {
    const read = 'recipients' in audience ? audience : null;
    const recipients = read?.recipients ?? (await findAudience(tx, { projectId, regionId: project.region_id, actorId, ...audience }));
    return this.notifications.notify(
      tx,
      recipients.map((recipientId) => ({ ...message, recipientId, projectId, actorId }) as NewNotification),
      read?.people,
    );
  }
}

/** The SQL expressions AUDIENCE_SQL is written with: parameters, columns of the caller's statement, or literals. */
interface AudienceRefs {
  actorId: string;
  projectId: string;
  regionId: string;
  /** text[] */
  regionRoles: string;
  /** text[] */
  projectRoles: string;
  /** uuid[] */
  userIds: string;
  /** uuid, or NULL */
  kommuneContactsOf: string;
}

/**
 * The active people with one of the region roles in the project's region or one of the project roles on
 * the project, and the named people while any role lets them read the project; never the actor.
 */
function audienceSql(r: AudienceRefs): string {
  return `SELECT DISTINCT ra.user_id
       FROM role_assignment ra JOIN app_user u ON u.id = ra.user_id AND u.active
      WHERE ra.user_id <> ${r.actorId}
        AND (   (ra.project_id IS NULL AND ra.region_id = ${r.regionId} AND ra.role = ANY(${r.regionRoles}))
             OR (ra.project_id = ${r.projectId} AND ra.role = ANY(${r.projectRoles}))
             OR (ra.user_id = ANY(${r.userIds}) AND (ra.project_id = ${r.projectId} OR (ra.project_id IS NULL AND ra.region_id = ${r.regionId}) OR ra.role = 'admin'))
             OR (ra.role = 'kommune_contact' AND ra.region_id = ${r.regionId} AND ${r.kommuneContactsOf} IS NOT NULL
                 AND (ra.kommune_id IS NULL
                      OR ra.kommune_id IN (SELECT kc.kommune_id FROM kommune_case kc WHERE kc.submission_id = ${r.kommuneContactsOf} AND kc.outcome = 'pending'))))`;
}

async function findAudience(tx: EntityManager, a: Audience & { projectId: string; regionId: string; actorId: string }): Promise<string[]> {
  const rows = await queryRows<RecipientRow>(
    tx,
    `${audienceSql({
      actorId: '$1',
      projectId: '$2',
      regionId: '$3',
      regionRoles: '$4::text[]',
      projectRoles: '$5::text[]',
      userIds: '$6::uuid[]',
      kommuneContactsOf: '$7::uuid',
    })}
      ORDER BY ra.user_id`,
    [a.actorId, a.projectId, a.regionId, a.regionRoles ?? [], a.projectRoles ?? [], a.userIds ?? [], a.kommuneContactsOf ?? null],
  );
  return rows.map((r) => r.user_id);
}

/**
 * Those told of a decision (GateNotifier.decided) as a DecisionAudienceRecord, for the decision's statement
 * that reads its state with the project locked; `projectId`, `regionId` and `actorId` are SQL expressions
 * of that statement (uuid).
 */
export function decisionAudienceJson(refs: { projectId: string; regionId: string; actorId: string }): string {
  const audience = audienceSql({
    ...refs,
    regionRoles: roleArray(DECIDED_AUDIENCE.regionRoles),
    projectRoles: roleArray(DECIDED_AUDIENCE.projectRoles),
    userIds: `'{}'::uuid[]`,
    kommuneContactsOf: 'NULL::uuid',
  });
  return `(SELECT json_build_object(
            'recipients', coalesce((SELECT json_agg(a.user_id ORDER BY a.user_id) FROM (${audience}) a), '[]'),
            'people', coalesce((SELECT json_agg(json_build_object('id', pu.id, 'name', pu.name, 'language', pu.language))
                                  FROM app_user pu WHERE pu.id = ${refs.actorId} OR pu.id IN (SELECT a.user_id FROM (${audience}) a)), '[]')))`;
}

/** A text[] literal of role names (a fixed list in this file, never input). */
function roleArray(roles: readonly Role[]): string {
  if (!roles.every((r) => /^[a-z_]+$/.test(r))) throw new Error(`Not a role name: ${roles.join(', ')}`);
  return `ARRAY[${roles.map((r) => `'${r}'`).join(', ')}]::text[]`;
}

function gateLink(ctx: GateContext): string {
  return `/prosjekter/${ctx.projectId}/faser/${ctx.phaseKey}/beslutning`;
}
