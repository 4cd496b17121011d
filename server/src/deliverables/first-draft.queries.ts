import type {
  ConversationKind,
  NeedCategory,
  PhaseKey,
  RecommendationStatus,
  SurveyAnswers,
  SurveyQuestion,
  SurveyTally,
} from '@nvr/shared';
import type { EntityManager } from 'typeorm';
import { queryOne, queryRows } from '../database/sql';

/** The read model behind the first drafts (first-draft.ts): the SQL and the row each statement answers. */

/** The deliverable a draft is asked for, with its phase (DELIVERABLE_SQL). */
export interface DraftDeliverableRecord {
  id: string;
  catalogue_key: string | null;
  phase_key: PhaseKey;
}

const DELIVERABLE_SQL = `SELECT d.id, d.catalogue_key, ph.phase_key
  FROM deliverable d JOIN project_phase ph ON ph.id = d.phase_id
 WHERE d.id = $1 AND ph.project_id = $2`;

export async function findDraftDeliverable(
  em: EntityManager,
  projectId: string,
  deliverableId: string,
): Promise<DraftDeliverableRecord | null> {
  return (await queryOne<DraftDeliverableRecord>(em, DELIVERABLE_SQL, [deliverableId, projectId])) ?? null;
}

/** A survey of the project with its answer count and the kommuner it has active links for (SURVEYS_SQL). */
export interface DraftSurveyRecord {
  id: string;
  title: string;
  questions: SurveyQuestion[];
  min_group_size: number;
  opens_at: string | null;
  closes_at: string | null;
  closed_at: string | null;
  raw_deleted_at: string | null;
  /** What the retention job kept: the tally (as `tally`, or the tally itself), when the raw answers are deleted. */
  frozen_results: FrozenResults | null;
  response_count: number;
  general_link: boolean;
  /** Kommune names with an active link of their own, by name. */
  link_kommuner: string[];
}

export type FrozenResults = { tally?: SurveyTally } | SurveyTally;

/** Surveys in the order they were made; closing time as the day it closed (by hand or by date). */
const SURVEYS_SQL = `SELECT s.id, s.title, s.questions, s.min_group_size,
       to_char(s.opens_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD') AS opens_at,
       to_char(s.closes_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD') AS closes_at,
       to_char(s.closed_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD') AS closed_at,
       s.raw_deleted_at, s.frozen_results,
       (SELECT count(*)::int FROM survey_response r WHERE r.survey_id = s.id) AS response_count,
       EXISTS (SELECT 1 FROM survey_link l WHERE l.survey_id = s.id AND l.kommune_id IS NULL AND l.disabled_at IS NULL) AS general_link,
       coalesce((SELECT array_agg(k.name ORDER BY k.name) FROM survey_link l JOIN kommune k ON k.id = l.kommune_id
                  WHERE l.survey_id = s.id AND l.disabled_at IS NULL), '{}') AS link_kommuner
  FROM survey s
 WHERE s.project_id = $1
 ORDER BY s.created_at, s.id`;

export function findDraftSurveys(em: EntityManager, projectId: string): Promise<DraftSurveyRecord[]> {
  return queryRows<DraftSurveyRecord>(em, SURVEYS_SQL, [projectId]);
}

/** One stored answer set (RESPONSES_SQL). */
export interface DraftResponseRecord {
  answers: SurveyAnswers;
  kommune_id: string | null;
}

const RESPONSES_SQL = `SELECT answers, kommune_id FROM survey_response WHERE survey_id = $1`;

export function findDraftResponses(em: EntityManager, surveyId: string): Promise<DraftResponseRecord[]> {
  return queryRows<DraftResponseRecord>(em, RESPONSES_SQL, [surveyId]);
}

/** An interview, meeting or workshop (CONVERSATIONS_SQL), oldest first. */
export interface DraftConversationRecord {
  id: string;
  kind: ConversationKind;
  title: string;
  held_on: string;
  kommune_name: string | null;
  participant_count: number;
  needs: NeedCategory[];
}

const CONVERSATIONS_SQL = `SELECT c.id, c.kind, c.title, to_char(c.held_on, 'YYYY-MM-DD') AS held_on, k.name AS kommune_name,
       c.participant_count, c.needs
  FROM conversation c LEFT JOIN kommune k ON k.id = c.kommune_id
 WHERE c.project_id = $1
 ORDER BY c.held_on, c.created_at, c.id`;

export function findDraftConversations(em: EntityManager, projectId: string): Promise<DraftConversationRecord[]> {
  return queryRows<DraftConversationRecord>(em, CONVERSATIONS_SQL, [projectId]);
}

/** What a recommendation rests on. */
export type EvidenceRef = { kind: 'survey'; surveyId: string; questionKey?: string } | { kind: 'conversation'; conversationId: string };

/** A recommendation in the register's order (RECOMMENDATIONS_SQL). */
export interface DraftRecommendationRecord {
  id: string;
  position: number;
  title: string;
  reasoning: string;
  evidence: string;
  evidence_refs: EvidenceRef[];
  models_compared: string;
  status: RecommendationStatus;
  status_note: string;
}

const RECOMMENDATIONS_SQL = `SELECT id, position, title, reasoning, evidence, evidence_refs, models_compared, status, status_note
  FROM recommendation WHERE project_id = $1 ORDER BY position, created_at, id`;

export function findDraftRecommendations(em: EntityManager, projectId: string): Promise<DraftRecommendationRecord[]> {
  return queryRows<DraftRecommendationRecord>(em, RECOMMENDATIONS_SQL, [projectId]);
}
