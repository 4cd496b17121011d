import type { PhaseKey } from '@nvr/shared';
import { queryRows, type SqlRunner } from '../database/sql';

/** The read model behind "Venter på deg": what waits on a person, from every project they take part in. */

export const INBOX_ITEM_KINDS = [
  'gate_awaiting_decision',
  'deliverable_to_review',
  'kommune_case_pending',
  'deliverable_returned',
  'condition_open',
] as const;
export type InboxItemKind = (typeof INBOX_ITEM_KINDS)[number];

/** Who a person is, as the inbox needs it: each scope either every region or a list. */
export interface InboxScope {
  userId: string;
  /** Regions where the person decides gates and reviews deliverables (the secretariat). */
  decide: { all: boolean; regionIds: readonly string[] };
  /** Regions where the person records kommunestyre decisions (kommune contacts, secretariat). */
  recordKommune: { all: boolean; regionIds: readonly string[] };
  /** Projects the person leads or works in. */
  teamProjectIds: readonly string[];
}

/** One thing waiting (INBOX_SQL). */
export interface InboxRecord {
  kind: InboxItemKind;
  project_id: string;
  project_name: string;
  region_id: string;
  region_name: string;
  phase_key: PhaseKey | null;
  target_id: string;
  title: string;
  body_name: string | null;
  comment: string | null;
  owner_id: string | null;
  owner_name: string | null;
  due: string | null;
  since: string | null;
}

/**
 * Everything waiting on one person, in one statement: each kind is one branch of a UNION ALL scoped by
 * the person's roles, over active projects only.
 * - gates awaiting decision, with the body holding the case (the first step not handled of the pending
 *   submission; the region's council when the case has no steps);
 * - deliverables submitted for review outside a gate package (a package is reviewed with its gate);
 * - pending kommunestyre cases still open (kommuneCaseOpen: the gate awaits its decision, or approved it), to the
 *   secretariat and the kommune contacts of that kommune or the whole region;
 * - returned deliverables of the person's projects;
 * - open conditions of the person's projects, and those the person owns anywhere.
 */
const INBOX_SQL = `
  WITH p AS (
    SELECT p.id, p.name, p.region_id, r.name AS region_name, r.council_name
      FROM project p JOIN region r ON r.id = p.region_id
     WHERE p.status = 'active'
  )
  SELECT 'gate_awaiting_decision' AS kind, p.id AS project_id, p.name AS project_name, p.region_id, p.region_name,
         ph.phase_key, s.id AS target_id, coalesce(st.body_name, p.council_name) AS title, coalesce(st.body_name, p.council_name) AS body_name,
         NULL::text AS comment, NULL::uuid AS owner_id, NULL::text AS owner_name,
         NULL::text AS due, (s.submitted_at AT TIME ZONE 'Europe/Oslo')::date::text AS since
    FROM p
    JOIN project_phase ph ON ph.project_id = p.id AND ph.state = 'awaiting_decision'
    JOIN LATERAL (
      SELECT gs.id, gs.submitted_at FROM gate_submission gs
       WHERE gs.phase_id = ph.id AND NOT EXISTS (SELECT 1 FROM gate_decision gd WHERE gd.submission_id = gs.id)
       ORDER BY gs.submitted_at DESC LIMIT 1
    ) s ON true
    LEFT JOIN LATERAL (
      SELECT cs.body_name FROM gate_case_step cs WHERE cs.submission_id = s.id AND cs.handled_at IS NULL ORDER BY cs.position LIMIT 1
    ) st ON true
   WHERE $2::boolean OR p.region_id = ANY($3::uuid[])
  UNION ALL
  SELECT 'deliverable_to_review', p.id, p.name, p.region_id, p.region_name,
         ph.phase_key, d.id, d.title, NULL, NULL, d.owner_user_id, ou.name,
         d.due_date::text, (d.updated_at AT TIME ZONE 'Europe/Oslo')::date::text
    FROM p
    JOIN project_phase ph ON ph.project_id = p.id AND ph.state IN ('not_started', 'in_progress')
    JOIN deliverable d ON d.phase_id = ph.id AND d.state = 'submitted'
    LEFT JOIN app_user ou ON ou.id = d.owner_user_id
   WHERE $2::boolean OR p.region_id = ANY($3::uuid[])
  UNION ALL
  SELECT 'kommune_case_pending', p.id, p.name, p.region_id, p.region_name,
         ph.phase_key, kc.id, kc.kommune_name, NULL, NULL, NULL, NULL,
         kc.deadline::text, (s.submitted_at AT TIME ZONE 'Europe/Oslo')::date::text
    FROM p
    JOIN project_phase ph ON ph.project_id = p.id
    JOIN gate_submission s ON s.phase_id = ph.id
    JOIN kommune_case kc ON kc.submission_id = s.id AND kc.outcome = 'pending'
    LEFT JOIN gate_decision gd ON gd.submission_id = s.id
   WHERE ($4::boolean OR (p.region_id = ANY($5::uuid[]) AND EXISTS (
            SELECT 1 FROM role_assignment ra
             WHERE ra.user_id = $1::uuid AND ra.region_id = p.region_id AND ra.project_id IS NULL
               AND (ra.role = 'regionraad' OR (ra.role = 'kommune_contact' AND (ra.kommune_id IS NULL OR ra.kommune_id = kc.kommune_id))))))
     AND ((gd.id IS NULL AND ph.state = 'awaiting_decision') OR gd.outcome IN ('approved', 'approved_with_conditions'))
  UNION ALL
  SELECT 'deliverable_returned', p.id, p.name, p.region_id, p.region_name,
         ph.phase_key, d.id, d.title, NULL, d.review_comment, d.owner_user_id, ou.name,
         d.due_date::text, (d.updated_at AT TIME ZONE 'Europe/Oslo')::date::text
    FROM p
    JOIN project_phase ph ON ph.project_id = p.id AND ph.state IN ('not_started', 'in_progress')
    JOIN deliverable d ON d.phase_id = ph.id AND d.state = 'returned'
    LEFT JOIN app_user ou ON ou.id = d.owner_user_id
   WHERE p.id = ANY($6::uuid[])
  UNION ALL
  SELECT 'condition_open', p.id, p.name, p.region_id, p.region_name,
         ph.phase_key, c.id, c.text, NULL, NULL, c.owner_user_id, ou.name,
         c.due_date::text, gd.meeting_date::text
    FROM p
    JOIN project_phase ph ON ph.project_id = p.id
    JOIN gate_condition c ON c.phase_id = ph.id AND c.state = 'open'
    JOIN gate_decision gd ON gd.id = c.decision_id
    LEFT JOIN app_user ou ON ou.id = c.owner_user_id
   WHERE p.id = ANY($6::uuid[]) OR c.owner_user_id = $1::uuid`;

export function findInboxRecords(db: SqlRunner, scope: InboxScope): Promise<InboxRecord[]> {
  return queryRows<InboxRecord>(db, INBOX_SQL, [
    scope.userId,
    scope.decide.all,
    scope.decide.regionIds,
    scope.recordKommune.all,
    scope.recordKommune.regionIds,
    scope.teamProjectIds,
  ]);
}
