import type { PhaseKey, RoleAssignment } from '@nvr/shared';
import { queryRows, type SqlRunner } from '../database/sql';

/** The read model behind the daily reminder scan: the SQL and the row each statement answers. */

/** The project a reminder is about. */
export interface ReminderProjectRow {
  project_id: string;
  project_name: string;
  region_id: string;
}

export interface DueDeliverableRow extends ReminderProjectRow {
  id: string;
  title: string;
  due_date: string;
  state: 'draft' | 'returned';
  owner_user_id: string | null;
  leader_id: string | null;
}

/** Open deliverables of active projects due on or before `dueBy`, with the project leader as fallback recipient. */
export function findDueDeliverables(db: SqlRunner, dueBy: string): Promise<DueDeliverableRow[]> {
  return queryRows<DueDeliverableRow>(
    db,
    `SELECT d.id, d.title, d.due_date, d.state, d.owner_user_id, p.id AS project_id, p.name AS project_name, p.region_id, l.user_id AS leader_id
       FROM deliverable d
       JOIN project_phase ph ON ph.id = d.phase_id AND ph.state IN ('not_started', 'in_progress')
       JOIN project p ON p.id = ph.project_id AND p.status = 'active'
       LEFT JOIN LATERAL (SELECT user_id FROM role_assignment ra WHERE ra.project_id = p.id AND ra.role = 'project_leader' LIMIT 1) l ON true
      WHERE d.state IN ('draft', 'returned') AND d.due_date IS NOT NULL AND d.due_date <= $1::date`,
    [dueBy],
  );
}

export interface RunningPhaseRow extends ReminderProjectRow {
  id: string;
  phase_key: PhaseKey;
  actual_start: string;
}

/** Phases in progress in active projects. */
export function findRunningPhases(db: SqlRunner): Promise<RunningPhaseRow[]> {
  return queryRows<RunningPhaseRow>(
    db,
    `SELECT ph.id, ph.phase_key, ph.actual_start, p.id AS project_id, p.name AS project_name, p.region_id
       FROM project_phase ph JOIN project p ON p.id = ph.project_id AND p.status = 'active'
      WHERE ph.state = 'in_progress' AND ph.actual_start IS NOT NULL`,
  );
}

export interface AwaitingGateRow extends ReminderProjectRow {
  phase_key: PhaseKey;
  submission_id: string;
  submitted_at: Date;
  /** The body holding the case: its first step not handled, else the region's council. */
  body_name: string;
}

/** Phases of active projects awaiting decision, with their latest submission and the body holding its case. */
export function findGatesAwaitingDecision(db: SqlRunner): Promise<AwaitingGateRow[]> {
  return queryRows<AwaitingGateRow>(
    db,
    `SELECT ph.phase_key, s.id AS submission_id, s.submitted_at, p.id AS project_id, p.name AS project_name, p.region_id,
            coalesce(st.body_name, r.council_name) AS body_name
       FROM project_phase ph
       JOIN project p ON p.id = ph.project_id AND p.status = 'active'
       JOIN region r ON r.id = p.region_id
       JOIN LATERAL (SELECT id, submitted_at FROM gate_submission gs WHERE gs.phase_id = ph.id ORDER BY submitted_at DESC LIMIT 1) s ON true
       LEFT JOIN LATERAL (
         SELECT cs.body_name FROM gate_case_step cs WHERE cs.submission_id = s.id AND cs.handled_at IS NULL ORDER BY cs.position LIMIT 1
       ) st ON true
      WHERE ph.state = 'awaiting_decision'`,
  );
}

export interface PendingKommuneCaseRow extends ReminderProjectRow {
  id: string;
  kommune_id: string;
  kommune_name: string;
  deadline: string;
  phase_key: PhaseKey;
}

/**
 * Pending kommunestyre cases of active projects whose deadline is on or before `dueBy` (the overdue ones
 * too) while they still take a decision (kommuneCaseOpen: the gate awaits its decision on them, or approved
 * them); not once the gate was sent back or stopped: then the question put to the kommuner is moot.
 */
export function findPendingKommuneCases(db: SqlRunner, dueBy: string): Promise<PendingKommuneCaseRow[]> {
  return queryRows<PendingKommuneCaseRow>(
    db,
    `SELECT kc.id, kc.kommune_id, kc.kommune_name, kc.deadline::text AS deadline, ph.phase_key, p.id AS project_id, p.name AS project_name, p.region_id
       FROM kommune_case kc
       JOIN gate_submission s ON s.id = kc.submission_id
       JOIN project_phase ph ON ph.id = s.phase_id
       JOIN project p ON p.id = ph.project_id AND p.status = 'active'
       LEFT JOIN gate_decision gd ON gd.submission_id = s.id
      WHERE kc.outcome = 'pending' AND kc.deadline <= $1::date
        AND ((gd.id IS NULL AND ph.state = 'awaiting_decision') OR gd.outcome IN ('approved', 'approved_with_conditions'))`,
    [dueBy],
  );
}

export interface DueConditionRow extends ReminderProjectRow {
  id: string;
  text: string;
  due_date: string;
  state: 'open';
  owner_user_id: string | null;
  leader_id: string | null;
  phase_key: PhaseKey;
}

/** Open conditions of approvals in active projects due on or before `dueBy`, with the project leader as fallback recipient. */
export function findDueConditions(db: SqlRunner, dueBy: string): Promise<DueConditionRow[]> {
  return queryRows<DueConditionRow>(
    db,
    `SELECT c.id, c.text, c.due_date::text AS due_date, c.state, c.owner_user_id, ph.phase_key,
            p.id AS project_id, p.name AS project_name, p.region_id, l.user_id AS leader_id
       FROM gate_condition c
       JOIN project_phase ph ON ph.id = c.phase_id
       JOIN project p ON p.id = ph.project_id AND p.status = 'active'
       LEFT JOIN LATERAL (SELECT user_id FROM role_assignment ra WHERE ra.project_id = p.id AND ra.role = 'project_leader' ORDER BY ra.created_at LIMIT 1) l ON true
      WHERE c.state = 'open' AND c.due_date IS NOT NULL AND c.due_date <= $1::date`,
    [dueBy],
  );
}

export interface StatusReportDueRow extends ReminderProjectRow {
  running_since: string;
  has_report: boolean;
}

/** Active projects, when they started running, and whether the report for `period` is published. */
export function findStatusReportsDue(db: SqlRunner, period: string): Promise<StatusReportDueRow[]> {
  return queryRows<StatusReportDueRow>(
    db,
    `SELECT p.id AS project_id, p.name AS project_name, p.region_id,
            coalesce((SELECT min(actual_start) FROM project_phase ph WHERE ph.project_id = p.id), (p.created_at AT TIME ZONE 'Europe/Oslo')::date)::text AS running_since,
            EXISTS (SELECT 1 FROM status_report sr WHERE sr.project_id = p.id AND sr.period = $1 AND sr.state = 'published') AS has_report
       FROM project p WHERE p.status = 'active'`,
    [period],
  );
}

export interface ProjectLeaderRow {
  project_id: string;
  user_id: string;
}

export function findProjectLeaders(db: SqlRunner, projectIds: readonly string[]): Promise<ProjectLeaderRow[]> {
  return queryRows<ProjectLeaderRow>(
    db,
    `SELECT project_id, user_id FROM role_assignment WHERE role = 'project_leader' AND project_id = ANY($1::uuid[])`,
    [projectIds],
  );
}

export interface CouncilMemberRow {
  region_id: string;
  user_id: string;
}

export function findCouncilMembers(db: SqlRunner, regionIds: readonly string[]): Promise<CouncilMemberRow[]> {
  return queryRows<CouncilMemberRow>(
    db,
    `SELECT region_id, user_id FROM role_assignment WHERE role = 'regionraad' AND region_id = ANY($1::uuid[])`,
    [regionIds],
  );
}

/** A kommune contact: of one kommune of the region, or region-wide (kommune_id null). */
export interface KommuneContactRow extends CouncilMemberRow {
  kommune_id: string | null;
}

/** The kommune contacts of some regions. */
export function findKommuneContacts(db: SqlRunner, regionIds: readonly string[]): Promise<KommuneContactRow[]> {
  return queryRows<KommuneContactRow>(
    db,
    `SELECT region_id, user_id, kommune_id FROM role_assignment WHERE role = 'kommune_contact' AND region_id = ANY($1::uuid[])`,
    [regionIds],
  );
}

/** A role of an active user (camelCase, so it is a RoleAssignment as it stands). */
export type ActiveUserRoleRow = RoleAssignment & { userId: string };

export function findActiveUserRoles(db: SqlRunner, userIds: readonly string[]): Promise<ActiveUserRoleRow[]> {
  return queryRows<ActiveUserRoleRow>(
    db,
    `SELECT ra.user_id AS "userId", ra.role, ra.region_id AS "regionId", ra.project_id AS "projectId"
       FROM role_assignment ra JOIN app_user u ON u.id = ra.user_id AND u.active WHERE ra.user_id = ANY($1::uuid[])`,
    [userIds],
  );
}

export interface ProjectRegionRow {
  id: string;
  regionId: string;
}

export function findProjectRegions(db: SqlRunner, projectIds: readonly string[]): Promise<ProjectRegionRow[]> {
  return queryRows<ProjectRegionRow>(db, `SELECT id, region_id AS "regionId" FROM project WHERE id = ANY($1::uuid[])`, [projectIds]);
}

/** A benefit its owner has been reminded of in a period (the year). */
export interface RemindedBenefitRow {
  recipient_id: string;
  benefit_id: string;
  period: string;
}

/**
 * The benefits each owner has been reminded of in some periods: those a yearly reminder names (its
 * params' benefits), and its target (the only benefit of a reminder sent before they were collected).
 */
export function findRemindedBenefits(db: SqlRunner, periods: readonly string[]): Promise<RemindedBenefitRow[]> {
  return queryRows<RemindedBenefitRow>(
    db,
    `SELECT DISTINCT n.recipient_id, b.id AS benefit_id, n.period
       FROM notification n
      CROSS JOIN LATERAL (
             SELECT n.target_id::text AS id
              UNION
             SELECT e->>'id' FROM jsonb_array_elements(
               CASE WHEN jsonb_typeof(n.params->'benefits') = 'array' THEN n.params->'benefits' ELSE '[]'::jsonb END) AS e
           ) b
      WHERE n.kind = 'benefit_measurement_due' AND n.period = ANY($1::text[])`,
    [periods],
  );
}
