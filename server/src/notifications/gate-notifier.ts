import { Injectable } from '@nestjs/common';
import { type DecisionOutcome, type IsoDate, type PhaseKey, type Role } from '@nvr/shared';
import type { EntityManager } from 'typeorm';
import { queryOne, queryRows } from '../database/sql';
import { NewNotification, NewNotificationWithout, NotificationService } from './notification.service';

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
   * caller has read it already, saves reading it again.
   */
  async decided(
    tx: EntityManager,
    ctx: GateContext,
    decision: { decisionId: string; outcome: DecisionOutcome; bodyName: string },
    known?: { name: string; regionId: string },
  ): Promise<number> {
    const project = known ? { name: known.name, region_id: known.regionId } : await this.project(tx, ctx.projectId);
    return this.send(
      tx,
      project,
      ctx.projectId,
      ctx.actorId,
      { projectRoles: ['project_leader', 'project_member'], regionRoles: ['adviser'] },
      {
        kind: 'gate_decided',
        targetType: 'gate_decision',
        targetId: decision.decisionId,
        link: gateLink(ctx),
        params: { phaseKey: ctx.phaseKey, outcome: decision.outcome, bodyName: decision.bodyName, projectName: project.name },
      },
    );
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

  /** Finds the audience (active accounts, never the actor) and notifies each once. */
  private async send(
    tx: EntityManager,
    project: HandoverProjectRow,
    projectId: string,
    actorId: string,
    audience: Audience,
    message: NewNotificationWithout<'recipientId' | 'projectId' | 'actorId'>,
  ): Promise<number> {
    const recipients = await findAudience(tx, { projectId, regionId: project.region_id, actorId, ...audience });
    return this.notifications.notify(
      tx,
      recipients.map((recipientId) => ({ ...message, recipientId, projectId, actorId }) as NewNotification),
    );
  }
}

/**
 * The active people with one of the region roles in the project's region or one of the project roles on
 * the project, and the named people while any role lets them read the project; never the actor.
 */
async function findAudience(tx: EntityManager, a: Audience & { projectId: string; regionId: string; actorId: string }): Promise<string[]> {
  const rows = await queryRows<RecipientRow>(
    tx,
    `SELECT DISTINCT ra.user_id
       FROM role_assignment ra JOIN app_user u ON u.id = ra.user_id AND u.active
      WHERE ra.user_id <> $1
        AND (   (ra.project_id IS NULL AND ra.region_id = $3 AND ra.role = ANY($4::text[]))
             OR (ra.project_id = $2 AND ra.role = ANY($5::text[]))
             OR (ra.user_id = ANY($6::uuid[]) AND (ra.project_id = $2 OR (ra.project_id IS NULL AND ra.region_id = $3) OR ra.role = 'admin'))
             OR (ra.role = 'kommune_contact' AND ra.region_id = $3 AND $7::uuid IS NOT NULL
                 AND (ra.kommune_id IS NULL
                      OR ra.kommune_id IN (SELECT kc.kommune_id FROM kommune_case kc WHERE kc.submission_id = $7::uuid AND kc.outcome = 'pending'))))
      ORDER BY ra.user_id`,
    [a.actorId, a.projectId, a.regionId, a.regionRoles ?? [], a.projectRoles ?? [], a.userIds ?? [], a.kommuneContactsOf ?? null],
  );
  return rows.map((r) => r.user_id);
}

function gateLink(ctx: GateContext): string {
  return `/prosjekter/${ctx.projectId}/faser/${ctx.phaseKey}/beslutning`;
}
