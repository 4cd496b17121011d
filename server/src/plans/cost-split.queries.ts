import { costSplitParties, type CostSplitExcluded, type CostSplitKommune, type CostSplitParty } from '@nvr/shared';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../database/sql';
import { kommuneCatalogue } from '../kommuner/kommune-number.queries';

/** A participating kommune of a project with today's number and name (PROJECT_KOMMUNER_SQL). */
interface ProjectKommuneRecord {
  id: string;
  number: string;
  name: string;
}

/** A membership in the project's region of one of its kommuner (MEMBERSHIPS_SQL). */
interface MembershipRecord {
  kommune_id: string;
  valid_from: string;
  valid_to: string | null;
}

/** A recorded population figure of one of the project's kommuner (FIGURES_SQL). */
interface FigureRecord {
  kommune_id: string;
  as_of: string;
  population: number;
}

const PROJECT_KOMMUNER_SQL = `SELECT k.id, trim(k.number) AS number, k.name
   FROM project_kommune pk JOIN kommune k ON k.id = pk.kommune_id WHERE pk.project_id = $1 ORDER BY k.name, k.id`;

const MEMBERSHIPS_SQL = `SELECT m.kommune_id, to_char(m.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(m.valid_to, 'YYYY-MM-DD') AS valid_to
   FROM region_membership m JOIN project p ON p.region_id = m.region_id
   JOIN project_kommune pk ON pk.project_id = p.id AND pk.kommune_id = m.kommune_id
  WHERE p.id = $1`;

const FIGURES_SQL = `SELECT kp.kommune_id, to_char(kp.as_of, 'YYYY-MM-DD') AS as_of, kp.population
   FROM kommune_population kp JOIN project_kommune pk ON pk.kommune_id = kp.kommune_id
  WHERE pk.project_id = $1 AND ($2::date IS NULL OR kp.as_of <= $2::date)`;

/**
 * The parties of the project's cost split for `date` (null: today's kommuner with their newest figures) and
 * the project's kommuner left out on that date, by the shared rule `costSplitParties` (cost-split-history.ts):
 * members of the project's region on the date that existed then, under the numbers and names valid then, with
 * the population of 1 January of that year.
 */
export async function findCostSplit(
  em: EntityManager,
  projectId: string,
  date: string | null,
): Promise<{ parties: CostSplitParty[]; excluded: CostSplitExcluded[] }> {
  const kommuner = await queryRows<ProjectKommuneRecord>(em, PROJECT_KOMMUNER_SQL, [projectId]);
  if (kommuner.length === 0) return { parties: [], excluded: [] };
  const memberships = await queryRows<MembershipRecord>(em, MEMBERSHIPS_SQL, [projectId]);
  const figures = await queryRows<FigureRecord>(em, FIGURES_SQL, [projectId, date]);
  const input: CostSplitKommune[] = kommuner.map((k) => ({
    id: k.id,
    number: k.number,
    name: k.name,
    memberships: memberships.filter((m) => m.kommune_id === k.id).map((m) => ({ from: m.valid_from, to: m.valid_to })),
    figures: figures.filter((f) => f.kommune_id === k.id).map((f) => ({ asOf: f.as_of, count: f.population })),
  }));
  return costSplitParties(kommuneCatalogue(), input, date);
}
