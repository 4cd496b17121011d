import type {
  ClosingOutcome,
  ClosingReadiness,
  EvaluationPerspective,
  FinalReportSections,
  LessonCategory,
  PhaseKey,
  ProjectStatus,
  SuccessFactor,
} from '@nvr/shared';
import type { EntityManager } from 'typeorm';
import { queryOne, queryRows, type SqlRunner } from '../database/sql';

/** The read model of a project's closing: the SQL and the row each statement answers. */

/** A person's columns beside a reference (all null when there is none). */
interface PersonColumns {
  id: string | null;
  name: string | null;
  email: string | null;
}

/** The final report with who started and last changed it (REPORT_SQL). */
export interface ReportRecord {
  project_id: string;
  sections: FinalReportSections;
  budget_total: string | null;
  spent_total: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  created_by: PersonColumns;
  updated_by: PersonColumns;
}

const person = (alias: string) => `json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'email', ${alias}.email)`;

const REPORT_SQL = `SELECT r.project_id, r.sections, r.budget_total, r.spent_total, r.version, r.created_at, r.updated_at,
              ${person('cu')} AS created_by, ${person('uu')} AS updated_by
         FROM closing_report r LEFT JOIN app_user cu ON cu.id = r.created_by LEFT JOIN app_user uu ON uu.id = r.updated_by
        WHERE r.project_id = $1`;

export function findReport(em: SqlRunner, projectId: string, lock = false): Promise<ReportRecord | undefined> {
  return queryOne<ReportRecord>(em, `${REPORT_SQL} ${lock ? 'FOR UPDATE OF r' : ''}`, [projectId]);
}

/** An evaluation with its scores (EVALUATIONS_SQL). */
export interface EvaluationRecord {
  id: string;
  perspective: EvaluationPerspective;
  summary: string;
  version: number;
  updated_at: Date;
  updated_by: PersonColumns;
  scores: { factor: SuccessFactor; score: number | null; comment: string }[];
}

const EVALUATIONS_SQL = `SELECT e.id, e.perspective, e.summary, e.version, e.updated_at, ${person('u')} AS updated_by,
              (SELECT coalesce(json_agg(json_build_object('factor', s.factor, 'score', s.score, 'comment', s.comment)), '[]')
                 FROM closing_evaluation_score s WHERE s.evaluation_id = e.id) AS scores
         FROM closing_evaluation e LEFT JOIN app_user u ON u.id = e.updated_by
        WHERE e.project_id = $1`;

export function findEvaluations(em: SqlRunner, projectId: string): Promise<EvaluationRecord[]> {
  return queryRows<EvaluationRecord>(em, EVALUATIONS_SQL, [projectId]);
}

/** A lesson of the project with who recorded it (LESSONS_SQL). */
export interface LessonRecord {
  id: string;
  project_id: string;
  phase_key: PhaseKey;
  category: LessonCategory;
  text: string;
  version: number;
  created_at: Date;
  updated_at: Date;
  created_by: PersonColumns;
}

const LESSONS_SQL = `SELECT l.id, l.project_id, l.phase_key, l.category, l.text, l.version, l.created_at, l.updated_at, ${person('u')} AS created_by
         FROM closing_lesson l LEFT JOIN app_user u ON u.id = l.created_by`;

export function findLessons(em: SqlRunner, projectId: string): Promise<LessonRecord[]> {
  return queryRows<LessonRecord>(em, `${LESSONS_SQL} WHERE l.project_id = $1 ORDER BY l.created_at DESC, l.id`, [projectId]);
}

export function findLesson(em: SqlRunner, projectId: string, lessonId: string): Promise<LessonRecord | undefined> {
  return queryOne<LessonRecord>(em, `${LESSONS_SQL} WHERE l.project_id = $1 AND l.id = $2`, [projectId, lessonId]);
}

/** The closing decision with who recorded it (DECISION_SQL). */
export interface DecisionRecord {
  outcome: ClosingOutcome;
  meeting_date: string;
  case_number: string;
  decision_text: string;
  successor_organisation: string | null;
  successor_financing: string | null;
  successor_yearly_amount: string | null;
  override_reason: string | null;
  readiness: ClosingReadiness;
  decided_at: Date;
  decided_by: PersonColumns;
}

const DECISION_SQL = `SELECT d.outcome, d.meeting_date, d.case_number, d.decision_text, d.successor_organisation, d.successor_financing,
              d.successor_yearly_amount, d.override_reason, d.readiness, d.decided_at, ${person('u')} AS decided_by
         FROM closing_decision d LEFT JOIN app_user u ON u.id = d.decided_by
        WHERE d.project_id = $1`;

export function findDecision(em: SqlRunner, projectId: string): Promise<DecisionRecord | undefined> {
  return queryOne<DecisionRecord>(em, DECISION_SQL, [projectId]);
}

// ---------------------------------------------------------------------------------------------------
// Learning across regions: the closed projects of the regions one follows, their scores and lessons.

/** A region one follows (REGIONS_SQL). */
export interface RegionRecord {
  id: string;
  name: string;
}

/** `$1`: the region ids one follows, or null for all (admins). */
export function findFollowedRegions(em: EntityManager, regionIds: string[] | null): Promise<RegionRecord[]> {
  return queryRows<RegionRecord>(
    em,
    `SELECT id, name FROM region WHERE ($1::uuid[] IS NULL OR id = ANY($1::uuid[])) ORDER BY name COLLATE nvr_nb, id`,
    [regionIds],
  );
}

/** A closed project (CLOSED_PROJECTS_SQL): ended (completed or stopped), with its last phase and closing decision. */
export interface ClosedProjectRecord {
  id: string;
  name: string;
  region_id: string;
  region_name: string;
  status: ProjectStatus;
  last_phase: PhaseKey | null;
  ended_on: string | null;
  outcome: ClosingOutcome | null;
  successor_organisation: string | null;
}

/**
 * The projects the filter covers: ended ones in the regions given (null: every region). `$2` narrows to
 * one region. A project's last phase is the last one that started; it ended when that phase did.
 */
const CLOSED_PROJECTS_SQL = `SELECT p.id, p.name, p.region_id, r.name AS region_name, p.status, last.phase_key AS last_phase, last.actual_end AS ended_on,
              d.outcome, d.successor_organisation
         FROM project p
         JOIN region r ON r.id = p.region_id
         LEFT JOIN LATERAL (
           SELECT ph.phase_key, ph.actual_end FROM project_phase ph
            WHERE ph.project_id = p.id AND ph.state <> 'not_started' ORDER BY ph.position DESC LIMIT 1
         ) last ON true
         LEFT JOIN closing_decision d ON d.project_id = p.id
        WHERE p.status <> 'active'
          AND ($1::uuid[] IS NULL OR p.region_id = ANY($1::uuid[]))
          AND ($2::uuid IS NULL OR p.region_id = $2::uuid)
        ORDER BY last.actual_end DESC NULLS LAST, p.name, p.id`;

export function findClosedProjects(em: EntityManager, regionIds: string[] | null, regionId: string | null): Promise<ClosedProjectRecord[]> {
  return queryRows<ClosedProjectRecord>(em, CLOSED_PROJECTS_SQL, [regionIds, regionId]);
}

/** One score of one closed project's evaluation (SCORES_SQL). */
export interface ScoreRecord {
  perspective: EvaluationPerspective;
  factor: SuccessFactor;
  score: number;
}

export function findScores(em: EntityManager, projectIds: string[]): Promise<ScoreRecord[]> {
  return queryRows<ScoreRecord>(
    em,
    `SELECT e.perspective, s.factor, s.score FROM closing_evaluation e JOIN closing_evaluation_score s ON s.evaluation_id = e.id
      WHERE e.project_id = ANY($1::uuid[]) AND s.score IS NOT NULL`,
    [projectIds],
  );
}

/** A lesson of a closed project, with its project and region (LESSON_HITS_SQL), and how many match in all. */
export interface LessonHitRecord {
  id: string;
  project_id: string;
  project_name: string;
  region_id: string;
  region_name: string;
  phase_key: PhaseKey;
  category: LessonCategory;
  text: string;
  created_by_name: string | null;
  created_at: Date;
  total: number;
}

/**
 * Lessons of the given projects, narrowed by phase, category and words. The words match with PostgreSQL's
 * Norwegian full-text search (stemmed, so "forankringen" finds "forankring"; the GIN index
 * closing_lesson_search_idx serves it), or as a part of the text (ILIKE: names, abbreviations and parts of
 * compound words, which stemming does not split). Best match first when searching, else newest first.
 */
const LESSON_HITS_SQL = `SELECT l.id, l.project_id, p.name AS project_name, p.region_id, r.name AS region_name, l.phase_key, l.category, l.text,
              u.name AS created_by_name, l.created_at, count(*) OVER ()::int AS total
         FROM closing_lesson l
         JOIN project p ON p.id = l.project_id
         JOIN region r ON r.id = p.region_id
         LEFT JOIN app_user u ON u.id = l.created_by
        WHERE l.project_id = ANY($1::uuid[])
          AND ($2::text IS NULL OR l.phase_key = $2)
          AND ($3::text IS NULL OR l.category = $3)
          AND ($4::text IS NULL
               OR to_tsvector('norwegian', l.text) @@ websearch_to_tsquery('norwegian', $4)
               OR l.text ILIKE '%' || replace(replace(replace($4, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')
        ORDER BY CASE WHEN $4::text IS NULL THEN 0 ELSE ts_rank(to_tsvector('norwegian', l.text), websearch_to_tsquery('norwegian', $4)) END DESC,
                 l.created_at DESC, l.id
        LIMIT $5`;

export function findLessonHits(
  em: EntityManager,
  projectIds: string[],
  filter: { phase: PhaseKey | null; category: LessonCategory | null; q: string | null; limit: number },
): Promise<LessonHitRecord[]> {
  return queryRows<LessonHitRecord>(em, LESSON_HITS_SQL, [projectIds, filter.phase, filter.category, filter.q, filter.limit]);
}
