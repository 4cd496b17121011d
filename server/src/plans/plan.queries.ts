import type { CostCategory, FinancingSource, FinancingStatus, PlanContent } from '@nvr/shared';
import type { EntityManager } from 'typeorm';
import { queryOne, queryOneOrFail, queryRows } from '../database/sql';
import type { CostSharingSettingsDto } from './plan.dto';

/** The read model behind phase plans: the SQL and the row each statement answers. */

/** A phase's plan with who changed it last (PLAN_SQL). */
export interface PlanRecord {
  id: string;
  phase_id: string;
  template_version_id: string;
  content: PlanContent;
  cost_sharing: CostSharingSettingsDto;
  version: number;
  updated_at: Date;
  updated_by_name: string | null;
}

const PLAN_SQL = `SELECT p.id, p.phase_id, p.template_version_id, p.content, p.cost_sharing, p.version, p.updated_at, u.name AS updated_by_name
  FROM phase_plan p LEFT JOIN app_user u ON u.id = p.updated_by WHERE p.phase_id = $1`;

/** The phase's plan, or null when it has none yet; `lock` takes the plan row FOR UPDATE. */
export async function findPlan(em: EntityManager, phaseId: string, lock = false): Promise<PlanRecord | null> {
  return (await queryOne<PlanRecord>(em, `${PLAN_SQL} ${lock ? 'FOR UPDATE OF p' : ''}`, [phaseId])) ?? null;
}

/** A budget line as the API answers it, and as a snapshot keeps it (jsonb). */
export interface BudgetLineValues {
  id: string;
  kind: 'cost' | 'financing';
  category: CostCategory | FinancingSource;
  year: number;
  description: string;
  amount: number;
  hours: number | null;
  rate: number | null;
  status: FinancingStatus | null;
}

/** A line of a phase's budget (BUDGET_SQL): the amount is bigint, which pg answers as text. */
interface BudgetLineRecord extends Omit<BudgetLineValues, 'amount'> {
  amount: string;
}

const BUDGET_SQL = `SELECT id, kind, category, year, description, amount::bigint AS amount, hours::float AS hours, rate, status
  FROM budget_line WHERE phase_id = $1 ORDER BY position`;

/** The lines of a phase's budget, in order. */
export async function findBudgetLines(em: EntityManager, phaseId: string): Promise<BudgetLineValues[]> {
  const rows = await queryRows<BudgetLineRecord>(em, BUDGET_SQL, [phaseId]);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    category: r.category,
    year: r.year,
    description: r.description,
    amount: Number(r.amount),
    hours: r.hours,
    rate: r.rate,
    status: r.status,
  }));
}

/** A saved or approved version of a plan, without its content (SNAPSHOTS_SQL). */
export interface SnapshotSummaryRecord {
  number: number;
  reason: 'approved' | 'saved' | 'submitted';
  label: string | null;
  created_at: Date;
  created_by: string | null;
  template_version: number;
  /** The plan's revision counter (phase_plan.version) when the version was kept. */
  plan_version: number;
}

const SNAPSHOTS_SQL = `SELECT s.number, s.reason, s.label, s.created_at, u.name AS created_by, tv.version AS template_version, s.plan_version
  FROM phase_plan_snapshot s LEFT JOIN app_user u ON u.id = s.created_by JOIN template_version tv ON tv.id = s.template_version_id
 WHERE s.plan_id = $1 ORDER BY s.number DESC`;

/** The plan's versions, newest first. */
export function findSnapshotSummaries(em: EntityManager, planId: string): Promise<SnapshotSummaryRecord[]> {
  return queryRows<SnapshotSummaryRecord>(em, SNAPSHOTS_SQL, [planId]);
}

/** One version of a phase's plan with its content and budget (SNAPSHOT_SQL). */
export interface SnapshotRecord {
  number: number;
  reason: 'approved' | 'saved' | 'submitted';
  label: string | null;
  created_at: Date;
  created_by_name: string | null;
  template_version_id: string;
  template_version: number;
  content: PlanContent;
  budget: BudgetLineValues[];
}

const SNAPSHOT_SQL = `SELECT s.number, s.reason, s.label, s.created_at, u.name AS created_by_name, s.template_version_id,
       tv.version AS template_version, s.content, s.budget
  FROM phase_plan_snapshot s JOIN phase_plan p ON p.id = s.plan_id
  LEFT JOIN app_user u ON u.id = s.created_by JOIN template_version tv ON tv.id = s.template_version_id
 WHERE p.phase_id = $1 AND s.number = $2`;

/** Version `number` of the phase's plan, or undefined when there is none. */
export function findSnapshot(em: EntityManager, phaseId: string, number: number): Promise<SnapshotRecord | undefined> {
  return queryOne<SnapshotRecord>(em, SNAPSHOT_SQL, [phaseId, number]);
}

/** The number the plan's next version gets. */
export async function nextSnapshotNumber(em: EntityManager, planId: string): Promise<number> {
  const row = await queryOneOrFail<{ next: number }>(
    em,
    `SELECT coalesce(max(number), 0) + 1 AS next FROM phase_plan_snapshot WHERE plan_id = $1`,
    [planId],
  );
  return row.next;
}

/** A participating kommune with its newest population figure on or before a date (COST_SHARING_KOMMUNER_SQL). */
export interface CostSharingKommuneRecord {
  id: string;
  name: string;
  population: number | null;
  as_of: string | null;
}

const COST_SHARING_KOMMUNER_SQL = `SELECT k.id, k.name, p.population, p.as_of
   FROM project_kommune pk JOIN kommune k ON k.id = pk.kommune_id
   LEFT JOIN LATERAL (
     SELECT population, to_char(as_of, 'YYYY-MM-DD') AS as_of FROM kommune_population kp
      WHERE kp.kommune_id = k.id AND ($2::date IS NULL OR kp.as_of <= $2::date) ORDER BY kp.as_of DESC LIMIT 1
   ) p ON true
  WHERE pk.project_id = $1 ORDER BY k.name`;

/** The project's kommuner by name, each with its newest figure on or before `populationDate` (null: newest of all). */
export function findCostSharingKommuner(
  em: EntityManager,
  projectId: string,
  populationDate: string | null,
): Promise<CostSharingKommuneRecord[]> {
  return queryRows<CostSharingKommuneRecord>(em, COST_SHARING_KOMMUNER_SQL, [projectId, populationDate]);
}
