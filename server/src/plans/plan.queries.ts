import type { CostCategory, FinancingSource, FinancingStatus, PlanContent } from '@nvr/shared';
import type { EntityManager } from 'typeorm';
import { queryOne, queryOneOrFail, queryRows } from '../database/sql';
import { findCostSplit } from './cost-split.queries';
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

/** A party of a project's cost split with its population figure for the date (findCostSharingKommuner). */
export interface CostSharingKommuneRecord {
  id: string;
  /** The name (names, for a kommune merged later) valid on the date. */
  name: string;
  /** The numbers valid on the date. */
  numbers: string[];
  current_name: string;
  population: number | null;
  as_of: string | null;
}

/**
 * The parties of the project's cost split by name: without a date every participating kommune with its newest
 * figure; with one, the members of the region on that date that existed then, under that date's numbers and
 * names, with the figure of 1 January of that year (else the newest on or before the date). See findCostSplit.
 */
export async function findCostSharingKommuner(
  em: EntityManager,
  projectId: string,
  populationDate: string | null,
): Promise<CostSharingKommuneRecord[]> {
  const { parties } = await findCostSplit(em, projectId, populationDate);
  return parties.map((p) => ({
    id: p.id,
    name: p.name,
    numbers: p.numbers,
    current_name: p.currentName,
    population: p.population,
    as_of: p.populationAsOf,
  }));
}
