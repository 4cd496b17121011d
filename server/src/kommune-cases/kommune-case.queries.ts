import type { KommuneCaseOutcome } from '@nvr/shared';
import type { EntityManager } from 'typeorm';
import { queryOne, queryRows } from '../database/sql';

/**
 * The read model behind kommune cases: the SQL and the row each statement answers. A submission's cases and
 * what a "no" needs (the plan's cost-sharing settings, the kommuner's populations) are read on their own
 * (findKommuneCases, findSharingSettings, findCasePopulations) or inside another statement (kommuneCasesJson),
 * where a timestamp arrives as an ISO string rather than a Date: timestamps always go through `new Date(…)`.
 */

/** A kommune case with who recorded its decision (CASES_SQL). */
export interface KommuneCaseRecord {
  id: string;
  submission_id: string;
  kommune_id: string;
  kommune_name: string;
  deadline: string;
  share: string;
  outcome: KommuneCaseOutcome;
  meeting_date: string | null;
  case_number: string | null;
  decision_text: string | null;
  amount_committed: string | null;
  recorded_by: string | null;
  recorded_at: Date | string | null;
  version: number;
}

export const CASES_SQL = `SELECT c.id, c.submission_id, c.kommune_id, c.kommune_name, to_char(c.deadline, 'YYYY-MM-DD') AS deadline, c.share::text AS share,
       c.outcome, to_char(c.meeting_date, 'YYYY-MM-DD') AS meeting_date, c.case_number, c.decision_text,
       c.amount_committed::text AS amount_committed, u.name AS recorded_by, c.recorded_at, c.version
  FROM kommune_case c LEFT JOIN app_user u ON u.id = c.recorded_by`;

/** The cost-sharing settings of the plan of the phase a submission asks the kommuner to finance (SETTINGS_SQL). */
export interface SharingSettingsRecord {
  equal_percent: number | null;
  population_date: string | null;
}

/** The settings of submission `sub.id`'s next phase's plan; no row without such a plan. */
const SETTINGS_SQL = `SELECT (pl.cost_sharing->>'equalPercent')::int AS equal_percent, pl.cost_sharing->>'populationDate' AS population_date
         FROM gate_submission s JOIN project_phase ph ON ph.id = s.phase_id
         JOIN project_phase nx ON nx.project_id = ph.project_id AND nx.position = ph.position + 1
         JOIN phase_plan pl ON pl.phase_id = nx.id
        WHERE s.id = sub.id`;

/** Each case's kommune with its population at the population date (POPULATIONS_SQL). */
export interface CasePopulationRecord {
  kommune_id: string;
  population: number | null;
}

/** The populations of submission `sub.id`'s kommuner at `st.population_date` (text; the newest figure when null). */
const POPULATIONS_SQL = `SELECT c.kommune_id, p.population FROM kommune_case c
         LEFT JOIN LATERAL (SELECT population FROM kommune_population kp
                             WHERE kp.kommune_id = c.kommune_id AND (st.population_date IS NULL OR kp.as_of <= st.population_date::date)
                             ORDER BY kp.as_of DESC LIMIT 1) p ON true
        WHERE c.submission_id = sub.id`;

/** The cases of a submission, by kommune name. */
export function findKommuneCases(em: EntityManager, submissionId: string): Promise<KommuneCaseRecord[]> {
  return queryRows<KommuneCaseRecord>(em, `${CASES_SQL} WHERE c.submission_id = $1 ORDER BY c.kommune_name, c.id`, [submissionId]);
}

/** The cost-sharing settings for a submission's kommune cases; undefined when its next phase has no plan. */
export function findSharingSettings(em: EntityManager, submissionId: string): Promise<SharingSettingsRecord | undefined> {
  return queryOne<SharingSettingsRecord>(em, `SELECT x.* FROM (SELECT $1::uuid AS id) sub CROSS JOIN LATERAL (${SETTINGS_SQL}) x`, [
    submissionId,
  ]);
}

/** The population of each case's kommune at `populationDate` (the newest figure when null). */
export function findCasePopulations(
  em: EntityManager,
  submissionId: string,
  populationDate: string | null,
): Promise<CasePopulationRecord[]> {
  return queryRows<CasePopulationRecord>(
    em,
    `SELECT x.* FROM (SELECT $1::uuid AS id) sub CROSS JOIN (SELECT $2::text AS population_date) st CROSS JOIN LATERAL (${POPULATIONS_SQL}) x`,
    [submissionId, populationDate],
  );
}

/** A submission's cases and what a "no" needs, read inside another statement (kommuneCasesJson). */
export interface KommuneCasesRecord {
  /** By kommune name. */
  cases: KommuneCaseRecord[];
  /** Null when the submission's next phase has no plan. */
  settings: SharingSettingsRecord | null;
  populations: CasePopulationRecord[];
}

/**
 * The cases of the submission `submissionId` (an SQL expression of type uuid, null for none) as a
 * KommuneCasesRecord, for a statement that reads them together with more (the gate as shown, gate.queries.ts).
 */
export function kommuneCasesJson(submissionId: string): string {
  return `(SELECT json_build_object(
            'cases', (SELECT coalesce(json_agg(x ORDER BY x.kommune_name, x.id), '[]') FROM (${CASES_SQL} WHERE c.submission_id = sub.id) x),
            'settings', (SELECT row_to_json(x) FROM (SELECT st.equal_percent, st.population_date) x WHERE st.found),
            'populations', (SELECT coalesce(json_agg(x), '[]') FROM (${POPULATIONS_SQL}) x))
     FROM (SELECT ${submissionId} AS id) sub
     LEFT JOIN LATERAL (SELECT true AS found, x.* FROM (${SETTINGS_SQL}) x) st ON true)`;
}
